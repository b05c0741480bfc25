/// What earlier audits decoded, by file path and object id, so that auditing many
/// similar snapshots (the commits of a history) decodes each version of a file once.
///
/// Only files with an object id in the snapshot (`ContentSnapshot.objectIDs`) are kept.
/// A result also depends on the files it reads beside its own (a manifest on the license
/// catalog, a scorecard on the rubric too), whose object ids are part of its key. A memo
/// belongs to one auditor (its limits and day) and one content root (the paths in
/// diagnostics): audited with another root, it starts over.
public struct AuditMemo: Sendable {
    struct Key: Hashable, Sendable {
        var path: String
        var object: String
        /// The object ids of the files the result also depends on.
        var context: String
    }

    typealias Store<T> = [Key: (value: T?, diagnostics: [Diagnostic])]

    var root: String?
    var sites: Store<SiteConfig> = [:]
    var rubrics: Store<Rubric> = [:]
    var licenses: Store<LicenseCatalog> = [:]
    var manifests: Store<Manifest> = [:]
    var scorecards: [Key: Scorecard] = [:]
    var scenarios: Store<Scenario> = [:]
    var pages: Store<Page> = [:]

    /// Files decoded because the memo did not have them: the work a hit saves, counted
    /// so that tests can tell a cached run from a fresh one without timing it.
    public private(set) var decodedFiles = 0

    public init() {}

    /// Forgets everything when the snapshot names its files differently.
    mutating func prepare(for snapshot: ContentSnapshot) {
        guard root != snapshot.root else { return }
        let decoded = decodedFiles
        self = AuditMemo()
        root = snapshot.root
        decodedFiles = decoded
    }

    mutating func countDecoded(_ count: Int = 1) { decodedFiles += count }

    /// The key of a file of the snapshot; nil when the snapshot has no id for it.
    static func key(_ relative: String, in snapshot: ContentSnapshot, dependingOn others: [String] = []) -> Key? {
        key(relative, in: snapshot, context: context(of: others, in: snapshot))
    }

    /// The key of a file whose dependencies' `context` was worked out once for many files.
    static func key(_ relative: String, in snapshot: ContentSnapshot, context: String?) -> Key? {
        guard let context, let object = snapshot.objectIDs[relative] else { return nil }
        return Key(path: relative, object: object, context: context)
    }

    /// The object ids of the files a result depends on, "-" for a missing one; nil when one
    /// was read without an id and so cannot be told apart from another version of it.
    static func context(of dependencies: [String], in snapshot: ContentSnapshot) -> String? {
        var ids: [String] = []
        for path in dependencies {
            if let id = snapshot.objectIDs[path] { ids.append(id) } else if snapshot.files[path] == nil { ids.append("-") } else { return nil }
        }
        return ids.joined(separator: " ")
    }
}
