import Foundation

/// The bytes of every content file, keyed by path relative to the content folder.
///
/// Everything after reading works on this value, so the same audit runs on a folder,
/// on a git revision, or on files built in a test.
public struct ContentSnapshot: Sendable {
    /// How the content folder is named in diagnostics, e.g. `Content`.
    public var root: String
    /// Relative path (with `/`) → bytes, e.g. `models/olmo-2-32b.yaml`.
    public var files: [String: Data]
    /// Problems found while reading, such as symbolic links that were not followed.
    public var readingDiagnostics: [Diagnostic]
    /// Relative path → the id of its bytes in a content-addressed store (git's blob id),
    /// where the reader knows it; empty for a folder on disk. With an `AuditMemo`, a
    /// file whose id was decoded before is not decoded again.
    public var objectIDs: [String: String]

    /// `text` audited as the file at `relativePath` beside this content's rubric, catalog
    /// and settings only (no other manifest can change how one file reads): the report and
    /// the file's path as diagnostics name it. For commands that check what they are about
    /// to write.
    func auditAlone(_ relativePath: String, text: String, today: CalendarDate?) -> (report: AuditReport, path: String) {
        var alone = ContentSnapshot(root: root, files: files.filter { !$0.key.contains("/") })
        alone.files[relativePath] = Data(text.utf8)
        return (ContentAuditor(today: today).audit(alone), alone.displayPath(relativePath))
    }

    public init(root: String, files: [String: Data], readingDiagnostics: [Diagnostic] = [], objectIDs: [String: String] = [:]) {
        self.root = root
        self.files = files
        self.readingDiagnostics = readingDiagnostics
        self.objectIDs = objectIDs
    }

    /// The path shown to users for a relative content path.
    public func displayPath(_ relative: String) -> String {
        root.isEmpty || root == "." ? relative : (root.hasSuffix("/") ? root + relative : root + "/" + relative)
    }

    /// Relative paths directly inside `folder` with the given extension, sorted.
    public func paths(in folder: String, withExtension ext: String) -> [String] {
        let prefix = folder + "/", suffix = "." + ext
        return files.keys.filter { path in
            guard path.hasPrefix(prefix), path.hasSuffix(suffix) else { return false }
            return !path.utf8.dropFirst(prefix.utf8.count).contains(UInt8(ascii: "/"))
        }.sorted()
    }
}
