import AtomAudit
import Foundation

/// Reads a content folder as it is at a git revision, without checking it out: the
/// file list comes from `git ls-tree` and every blob from one `git cat-file --batch`.
public struct GitContentReader: Sendable {
    public enum Failure: Error, CustomStringConvertible, Equatable {
        case git(String)
        case unknownRevision(String)
        case noContent(revision: String, path: String)

        public var description: String {
            switch self {
            case .git(let message): "error: git failed: \(PrintableText.escape(message))"
            case .unknownRevision(let revision): "error: '\(PrintableText.escape(revision))' is neither a folder nor a git revision of this repository; expected a content folder or a revision such as 'main' or 'HEAD~1'"
            case .noContent(let revision, let path): "error: revision '\(PrintableText.escape(revision))' has no '\(PrintableText.escape(path))' folder; expected the content folder at that revision (pass --content-path)"
            }
        }
    }

    /// The repository to read from.
    public var repository: String

    public init(repository: String = ".") { self.repository = repository }

    /// - Parameters:
    ///   - revision: any git revision, e.g. `main`, `HEAD~1`, a commit id.
    ///   - path: the content folder's path inside the repository, e.g. `Content`.
    public func read(revision: String, path: String) throws(Failure) -> ContentSnapshot {
        guard (try? git(["rev-parse", "--verify", "--quiet", "\(revision)^{commit}"])) != nil else {
            throw .unknownRevision(revision)
        }
        let folder = path.hasSuffix("/") ? String(path.dropLast()) : path
        let listing = try git(["ls-tree", "-r", "-z", "--full-tree", revision, "--", folder])
        var entries: [(path: String, object: String)] = []
        var skipped: [Diagnostic] = []
        for record in listing.split(separator: 0) {
            // "<mode> <type> <object>\t<path>"
            guard let tab = record.firstIndex(of: 9) else { continue }
            let fields = String(decoding: record[record.startIndex..<tab], as: UTF8.self).split(separator: " ")
            let pathBytes = record[record.index(after: tab)...]
            guard let fullPath = String(validating: pathBytes, as: UTF8.self) else {
                // Decoded leniently, the name would gain U+FFFD and pass as another file.
                let described = PrintableText.describe(bytes: pathBytes)
                if described.hasPrefix(folder + "/") {
                    skipped.append(ContentReader.notUTF8(String(described.dropFirst(folder.count + 1)),
                                                         in: ContentSnapshot(root: "\(revision):\(folder)", files: [:])))
                }
                continue
            }
            guard fields.count == 3, fullPath.hasPrefix(folder + "/") else { continue }
            let relative = String(fullPath.dropFirst(folder.count + 1))
            if fields[0] == "120000" {
                skipped.append(.error("symbolic-link", "'\(relative)' is a symbolic link, which is not followed (it could point outside the content folder); expected a regular file",
                                      at: .start(of: "\(revision):\(fullPath)")))
                continue
            }
            guard fields[1] == "blob" else { continue }
            entries.append((relative, String(fields[2])))
        }
        guard !entries.isEmpty else { throw .noContent(revision: revision, path: folder) }
        let blobs = try catFile(entries.map(\.object))
        var snapshot = ContentSnapshot(root: "\(revision):\(folder)", files: [:], readingDiagnostics: skipped)
        for (entry, data) in zip(entries, blobs) {
            snapshot.files[entry.path] = data
            // With the blob ids, an `AuditMemo` decodes a file shared by several revisions once.
            snapshot.objectIDs[entry.path] = entry.object
        }
        return snapshot
    }

    private func catFile(_ objects: [String]) throws(Failure) -> [Data] {
        do { return try GitProcess(repository: repository).catFile(objects) } catch { throw .git(error.message) }
    }

    private func git(_ arguments: [String]) throws(Failure) -> Data {
        do { return try GitProcess(repository: repository).run(arguments) } catch { throw .git(error.message) }
    }
}
