import Foundation

/// Re-reads an edited manifest through the loader before it is written: the edit must give
/// the same manifest with the new snapshot last, and no diagnostic the file did not
/// already have. The editor works on text, so this is what makes it safe to trust.
public struct AdoptionEditCheck: Sendable {
    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        /// The edited file has errors, so it would no longer load.
        case errors([Diagnostic])
        /// It loads, but with diagnostics the original did not have.
        case newDiagnostics([Diagnostic])
        /// It loads, but reads as something other than the original plus the snapshot.
        case differentManifest

        public var description: String {
            switch self {
            case .errors(let diagnostics):
                "the edited manifest would not load: \(Self.list(diagnostics)); expected it to load as before, with the new snapshot"
            case .newDiagnostics(let diagnostics):
                "the edited manifest would gain \(Self.list(diagnostics)); expected no diagnostic the file did not have"
            case .differentManifest:
                "the edited manifest reads differently from the original plus the new snapshot; expected only the snapshot to be added"
            }
        }

        private static func list(_ diagnostics: [Diagnostic]) -> String {
            diagnostics.prefix(3).map { "[\($0.code)] \($0.message)" }.joined(separator: "; ")
                + (diagnostics.count > 3 ? " and \(diagnostics.count - 3) more" : "")
        }
    }

    /// The day review checks measure from (a snapshot after it is an error); nil skips them.
    public var today: CalendarDate?

    public init(today: CalendarDate?) { self.today = today }

    /// - Parameters:
    ///   - original: the manifest's text before the edit.
    ///   - edited: the text to be written.
    ///   - relativePath: the manifest's path in the content, e.g. `models/qwen3-8b.yaml`.
    ///   - content: the content the manifest belongs to (its rubric, catalog and settings are read).
    ///   - appended: the snapshot the edit adds.
    /// - Returns: nil when the edit is exactly the snapshot added.
    public func check(original: String, edited: String, relativePath: String, in content: ContentSnapshot,
                      appended: AdoptionSnapshot) -> Problem? {
        let before = audit(original, relativePath, content)
        let after = audit(edited, relativePath, content)
        let errors = after.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty, let manifest = after.manifest else { return .errors(errors) }
        guard var expected = before.manifest, expected.adoption != nil else { return .differentManifest }
        expected.adoption?.snapshots.append(appended)
        guard manifest == expected else { return .differentManifest }

        // Diagnostics are compared without positions: lines below the new item move down.
        var remaining = before.diagnostics.map(Self.key)
        var gained: [Diagnostic] = []
        for diagnostic in after.diagnostics {
            if let index = remaining.firstIndex(of: Self.key(diagnostic)) {
                remaining.remove(at: index)
            } else if !Self.isAnnounced(diagnostic, sources: appended.sources) {
                gained.append(diagnostic)
            }
        }
        return gained.isEmpty ? nil : .newDiagnostics(gained)
    }

    /// A source read over plain http (a local mirror) draws check's http warning; the
    /// command says so when it starts, so the warning is expected rather than new.
    private static func isAnnounced(_ diagnostic: Diagnostic, sources: [String]) -> Bool {
        sources.contains { FieldReader.isInsecureURLWarning(diagnostic, about: $0) }
    }

    private static func key(_ diagnostic: Diagnostic) -> String {
        "\(diagnostic.severity) \(diagnostic.code) \(diagnostic.message)"
    }

    /// The manifest loaded beside the content's rubric, catalog and settings only: other
    /// manifests cannot change how this one reads.
    private func audit(_ text: String, _ relativePath: String, _ content: ContentSnapshot) -> (manifest: Manifest?, diagnostics: [Diagnostic]) {
        let (report, path) = content.auditAlone(relativePath, text: text, today: today)
        return (report.manifests.first { $0.path == path }, report.diagnostics(forFile: path))
    }
}
