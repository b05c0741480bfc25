import AtomAudit
import Foundation

/// The history as far as it was built, kept on disk between runs: the ids of the commits
/// it covers and the builder's state after the last of them. A run whose commits start
/// with those ids resumes after them; a run with no new commit audits nothing.
///
/// A commit id fixes every blob id under it, so the ids say exactly which content the
/// state was built from. The program that built it is recorded too: another build of
/// atom-audit may score differently, and its cache is not used.
struct HistoryCache: Sendable {
    struct Contents: Codable, Sendable {
        var format: Int
        var tool: String
        var contentPath: String
        /// Oldest first.
        var commits: [String]
        var builder: HistoryBuilder
    }

    /// Bumped when `Contents` or the history types change shape (2: models carry their
    /// origin and the history its tier census), so a cache of another shape is rebuilt.
    static let format = 3

    let file: String

    /// The cache file in `folder` for one repository and content folder.
    init(folder: String, repository: String, contentPath: String) {
        // Symbolic links resolved: `build` names the repository by git's top folder, `history` by its argument.
        let identity = "\(Self.format)\n\(URL(fileURLWithPath: repository).standardizedFileURL.resolvingSymlinksInPath().path)\n\(contentPath)"
        file = (folder as NSString).appendingPathComponent("history-\(Self.hash(identity)).json")
    }

    /// The stored contents, or nil when there are none usable (missing, unreadable,
    /// written by another format): the cache is only ever a shortcut.
    func load(tool: String, contentPath: String) -> Contents? {
        guard let data = FileManager.default.contents(atPath: file),
              let contents = try? JSONDecoder().decode(Contents.self, from: data),
              contents.format == Self.format, contents.tool == tool, contents.contentPath == contentPath
        else { return nil }
        return contents
    }

    /// Writes the contents in one rename, so a reader never sees half a file.
    func save(_ contents: Contents) throws {
        let folder = (file as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try JSONEncoder().encode(contents).write(to: URL(fileURLWithPath: file), options: .atomic)
    }

    /// FNV-1a, 64 bits, in hex: stable across runs and machines, unlike `Hasher`.
    static func hash(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
