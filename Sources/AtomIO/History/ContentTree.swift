import AtomAudit
import Foundation

/// The files of the content folder at one commit, as blob ids, kept up to date by
/// applying each commit's changes in turn: no `git ls-tree` per commit.
///
/// Only what the scores depend on is kept: `site.yaml`, `rubric.yaml`, `licenses.yaml`,
/// `models/` and `scenarios/`. Pages are prose; an error in one does not change a score,
/// so it should not take a commit out of the history.
struct ContentTree: Sendable {
    struct Entry: Sendable, Hashable {
        var mode: String
        var object: String
    }

    /// The content folder's path in the repository, without a trailing slash.
    let folder: String
    /// Path relative to the content folder → entry.
    private(set) var entries: [String: Entry] = [:]

    init(folder: String) { self.folder = folder }

    static let rootFiles: Set<String> = ["site.yaml", "rubric.yaml", "licenses.yaml"]
    static let folders = ["models/", "scenarios/"]

    /// Applies one commit's changes; returns the blob ids it brought in that matter.
    @discardableResult
    mutating func apply(_ changes: [FileChange]) -> [String] {
        var added: [String] = []
        for change in changes {
            if change.status == "R", let old = change.previousPath.flatMap(relative) { entries[old] = nil }
            guard let path = relative(change.path) else { continue }
            if change.status == "D" {
                entries[path] = nil
            } else {
                entries[path] = Entry(mode: change.mode, object: change.object)
                if Self.isBlob(change.mode) { added.append(change.object) }
            }
        }
        return added
    }

    /// Every blob id the tree holds.
    var objects: [String] { entries.values.filter { Self.isBlob($0.mode) }.map(\.object) }

    /// The tree as content to audit. Paths in diagnostics start with `root`.
    func snapshot(root: String, blobs: [String: Data]) throws(GitHistoryReader.Failure) -> ContentSnapshot {
        var snapshot = ContentSnapshot(root: root, files: [:])
        snapshot.files.reserveCapacity(entries.count)
        snapshot.objectIDs.reserveCapacity(entries.count)
        for (path, entry) in entries {
            if entry.mode == "120000" {
                snapshot.readingDiagnostics.append(.error(
                    "symbolic-link", "'\(path)' is a symbolic link, which is not followed (it could point outside the content folder); expected a regular file",
                    at: .start(of: snapshot.displayPath(path))))
                continue
            }
            guard Self.isBlob(entry.mode) else { continue }
            guard let data = blobs[entry.object] else { throw .git("blob \(entry.object) of '\(path)' was not read") }
            snapshot.files[path] = data
            snapshot.objectIDs[path] = entry.object
        }
        snapshot.readingDiagnostics.sort()
        return snapshot
    }

    /// The path relative to the content folder, when it is a file the scores read.
    private func relative(_ path: String) -> String? {
        guard path.hasPrefix(folder + "/") else { return nil }
        let inside = String(path.dropFirst(folder.count + 1))
        guard Self.rootFiles.contains(inside) || Self.folders.contains(where: inside.hasPrefix) else { return nil }
        return inside
    }

    /// Regular files (100644, 100755); links (120000) and submodules (160000) are not read.
    private static func isBlob(_ mode: String) -> Bool { mode.hasPrefix("100") }
}
