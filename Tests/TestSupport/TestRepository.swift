import Foundation

/// A git repository in a temporary folder, for tests that read history.
///
/// Every commit gets a fixed author and committer date (from `commit(_:date:)`) and a
/// fixed author, and git runs without the user's configuration, so the same steps give
/// the same commit ids on every machine.
public struct TestRepository {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public let root: URL

    /// An empty repository whose branch is `main`.
    public init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("atom-history-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try git("init", "-q", "-b", "main")
    }

    public var path: String { root.path }

    /// Copies a folder (e.g. a fixture content folder) to `relative`, replacing what is there.
    public func copy(_ folder: URL, to relative: String) throws {
        let target = root.appendingPathComponent(relative)
        if FileManager.default.fileExists(atPath: target.path) { try FileManager.default.removeItem(at: target) }
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: folder, to: target)
    }

    public func write(_ relative: String, _ text: String) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    public func read(_ relative: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
    }

    /// Replaces `old` with `new` in a file; fails when `old` is not there, so a test
    /// cannot silently edit nothing.
    public func replace(_ old: String, with new: String, in relative: String) throws {
        let text = try read(relative)
        guard text.contains(old) else { throw Failure(description: "'\(old)' is not in \(relative)") }
        try write(relative, text.replacingOccurrences(of: old, with: new))
    }

    public func remove(_ relative: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(relative))
    }

    public func move(_ from: String, to: String) throws {
        try git("mv", from, to)
    }

    /// Commits everything, dated `date` (YYYY-MM-DD, noon UTC); returns the commit id.
    @discardableResult
    public func commit(_ message: String, date: String) throws -> String {
        let stamp = "\(date)T12:00:00Z"
        try git("add", "-A")
        try git("commit", "-q", "--allow-empty", "-m", message,
                environment: ["GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp])
        return try git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs git in the repository; returns its standard output.
    @discardableResult
    public func git(_ arguments: String..., environment: [String: String] = [:]) throws -> String {
        // The user's and the system's configuration (signing, hooks, default branch) stay out.
        var env = ["GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1",
                   "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
                   "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org"]
        for (key, value) in environment { env[key] = value }
        let result = try ChildProcess.run(URL(fileURLWithPath: "/usr/bin/env"), ["git", "-C", root.path] + arguments, environment: env)
        guard result.status == 0 else {
            throw Failure(description: "git \(arguments.joined(separator: " ")) failed: \(result.stderr)")
        }
        return result.stdout
    }

    /// Deletes the repository.
    public func delete() {
        try? FileManager.default.removeItem(at: root)
    }
}
