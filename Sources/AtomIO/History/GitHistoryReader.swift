import AtomAudit
import Foundation

/// Reads the history of a content folder from git: the commits that touched it, each
/// with the files it changed, and the contents of blobs. Two git processes in all, so
/// that 1,000 commits cost about what one does.
public struct GitHistoryReader: Sendable {
    public enum Failure: Error, CustomStringConvertible, Equatable {
        case git(String)
        case noHistory(path: String)
        case unreadableLog(String)

        public var description: String {
            switch self {
            case .git(let message): "error: git failed: \(message)"
            case .noHistory(let path): "error: no commit touches '\(path)'; expected the content folder's path inside the repository (pass --content-path)"
            case .unreadableLog(let detail): "error: could not read git's log: \(detail)"
            }
        }
    }

    public var repository: String
    /// The content folder's path inside the repository, e.g. `Content`.
    public var contentPath: String

    public init(repository: String = ".", contentPath: String = "Content") {
        self.repository = repository
        self.contentPath = contentPath.hasSuffix("/") ? String(contentPath.dropLast()) : contentPath
    }

    /// Commits that changed the content folder, oldest first, following first parents
    /// from HEAD (a merge counts as one commit: what it brought in, against the branch
    /// it was merged into).
    public func log() throws(Failure) -> [LoggedCommit] {
        let output = try git([
            "log", "--first-parent", "--reverse", "--root", "--diff-merges=first-parent", "-M", "--raw", "--no-abbrev",
            "-z", "--no-color", "--no-relative", "--no-show-signature", "--format=%x01%H%x00%as%x00%s", "HEAD", "--", contentPath,
        ])
        return try GitLogParser.parse(output)
    }

    /// The bytes of each blob, by id.
    public func blobs(_ ids: [String]) throws(Failure) -> [String: Data] {
        let contents: [Data]
        do { contents = try GitProcess(repository: repository).catFile(ids) } catch { throw .git(error.message) }
        return Dictionary(zip(ids, contents), uniquingKeysWith: { first, _ in first })
    }

    private func git(_ arguments: [String]) throws(Failure) -> Data {
        do { return try GitProcess(repository: repository).run(arguments) } catch { throw .git(error.message) }
    }
}

/// A commit and the files it changed under the content folder.
public struct LoggedCommit: Sendable, Hashable {
    public var commit: HistoryCommit
    public var changes: [FileChange]

    public init(commit: HistoryCommit, changes: [FileChange]) {
        self.commit = commit
        self.changes = changes
    }

    /// Manifests git saw move, as model ids (old → new).
    public func manifestRenames(in folder: String) -> [String: String] {
        var renames: [String: String] = [:]
        for change in changes where change.status == "R" {
            guard let old = change.previousPath.flatMap({ Self.modelID($0, in: folder) }),
                  let new = Self.modelID(change.path, in: folder) else { continue }
            renames[old] = new
        }
        return renames
    }

    private static func modelID(_ path: String, in folder: String) -> String? {
        let prefix = folder + "/models/"
        guard path.hasPrefix(prefix), path.hasSuffix(".yaml") else { return nil }
        let name = path.dropFirst(prefix.count).dropLast(".yaml".count)
        return name.contains("/") ? nil : String(name)
    }
}

/// One line of `git log --raw`: a file added, modified, deleted, renamed, copied or
/// changed in type.
public struct FileChange: Sendable, Hashable {
    /// git's status letter: A, M, D, R, C or T.
    public var status: Character
    /// The path after the change (for D, the path deleted), from the repository's root.
    public var path: String
    /// For R and C: the path before.
    public var previousPath: String?
    /// The file mode after the change ("000000" for D), e.g. "100644" or "120000" for a link.
    public var mode: String
    /// The blob id after the change (zeros for D).
    public var object: String

    public init(status: Character, path: String, previousPath: String? = nil, mode: String, object: String) {
        self.status = status
        self.path = path
        self.previousPath = previousPath
        self.mode = mode
        self.object = object
    }
}
