import AtomAudit
import Foundation

/// Where a content folder sits in git, found with three quick git calls and nothing
/// more: enough for a build to tell whether the history changed (`identity`) before it
/// reads any of it, and to know where to read it from.
public struct ContentRepository: Sendable, Hashable {
    /// The repository's top folder.
    public var root: String
    /// The content folder's path inside the repository, without a trailing slash.
    public var contentPath: String
    /// The newest commit that touched the content folder, following first parents from
    /// HEAD. It fixes the whole history the site shows: every older one is its ancestor.
    public var lastCommit: String
    /// `<ref> <object>` for every tag: editions are tags, and moving one changes the site.
    public var tags: String

    /// Why a content folder's history cannot be read, in words that complete
    /// "History is not available: …".
    public enum Absence: Error, Sendable, Hashable, CustomStringConvertible {
        case notInRepository
        case gitFailed(String)
        case shallowClone
        case contentIsRoot
        case noCommit(String)

        public var description: String {
            switch self {
            case .notInRepository: "the content folder is not in a git repository"
            case .gitFailed(let message): "git could not be run (\(PrintableText.escape(message)))"
            case .shallowClone: "the repository is a shallow clone, which lacks the older commits; fetch its whole history (git fetch --unshallow) and build again"
            case .contentIsRoot: "the content folder is the repository's top folder; history is read for a content folder inside a repository"
            case .noCommit(let path): "no commit touches '\(PrintableText.escape(path))' yet"
            }
        }
    }

    /// A repository found, or why there is none.
    public typealias Located = Result<ContentRepository, Absence>

    public init(root: String, contentPath: String, lastCommit: String, tags: String = "") {
        self.root = root
        self.contentPath = contentPath
        self.lastCommit = lastCommit
        self.tags = tags
    }

    /// The repository that holds `content`, or why there is none to read.
    public static func locate(content: String) -> Located {
        let folder = URL(fileURLWithPath: content).standardizedFileURL.path
        let lines: [String]
        do {
            let output = try GitProcess(repository: folder).run(["rev-parse", "--show-toplevel", "--show-prefix", "--is-shallow-repository"])
            lines = String(decoding: output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        } catch {
            return .failure(error.message.contains("not a git repository") ? .notInRepository : .gitFailed(error.message))
        }
        guard lines.count >= 3 else { return .failure(.gitFailed("unexpected output of git rev-parse")) }
        let root = lines[0], prefix = lines[1].hasSuffix("/") ? String(lines[1].dropLast()) : lines[1]
        guard !prefix.isEmpty else { return .failure(.contentIsRoot) }
        guard lines[2] != "true" else { return .failure(.shallowClone) }
        let git = GitProcess(repository: root)
        // No HEAD yet (a repository without commits) is "no commit", not a failure.
        let last = (try? git.run(["log", "-1", "--first-parent", "--format=%H", "HEAD", "--", prefix])).map {
            String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        } ?? ""
        guard !last.isEmpty else { return .failure(.noCommit(prefix)) }
        let tags: String
        do {
            tags = String(decoding: try git.run(["for-each-ref", "--format=%(refname) %(objectname)", "refs/tags"]), as: UTF8.self)
        } catch {
            return .failure(.gitFailed(error.message))
        }
        return .success(ContentRepository(root: root, contentPath: prefix, lastCommit: last, tags: tags))
    }

    /// Everything the history and the editions depend on, for a build's stamp: the same
    /// identity means the same history, without reading it.
    public var identity: String {
        "git \(root)\n\(contentPath)\n\(lastCommit)\n\(tags)"
    }
}
