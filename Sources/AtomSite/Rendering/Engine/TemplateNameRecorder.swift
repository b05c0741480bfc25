import Synchronization

/// Strict mode, for tests: records every name a template reads and whether the context
/// had it. A name that never resolved in any render is a template bug — a typo or a key a
/// view no longer sets — which Mustache would otherwise render silently as empty text.
///
/// Optional values (a model without a release date) legitimately miss in some renders, so
/// a name fails only when it misses in every render; the tests render fixtures in which
/// every optional field is present somewhere.
public final class TemplateNameRecorder: Sendable {
    private struct State {
        var read: [String: Set<String>] = [:]
        var found: Set<String> = []
    }

    private let state = Mutex(State())

    public init() {}

    func record(_ name: String, in template: String, found: Bool) {
        state.withLock { state in
            state.read[name, default: []].insert(template)
            if found { state.found.insert(name) }
        }
    }

    /// Names that never resolved, each with the templates (page renders) that read them.
    public var unresolved: [(name: String, templates: [String])] {
        state.withLock { state in
            state.read.keys.filter { !state.found.contains($0) }.sorted().map { ($0, (state.read[$0] ?? []).sorted()) }
        }
    }

    /// How many distinct names were read: a test that rendered nothing proves nothing.
    public var namesRead: Int { state.withLock { $0.read.count } }
}
