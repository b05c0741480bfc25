import AtomAudit
import Foundation

/// Builds the history of a content folder from git: reads the log, audits each commit
/// that is not in the cache yet, and updates the cache.
///
/// Each file version is decoded once per run (an `AuditMemo` keyed by blob ids), and
/// the cache makes a run with no new commit audit nothing.
public struct HistoryLoader: Sendable {
    public var reader: GitHistoryReader
    /// Where the cache file goes; nil keeps no cache.
    public var cacheFolder: String?
    /// Identifies the program building the history; a cache another one wrote is not used.
    public var tool: String
    public var auditor: ContentAuditor

    /// - Parameters:
    ///   - cacheFolder: where the cache file goes; nil keeps none.
    ///   - tool: an id of the program (e.g. its build); a cache from another id is ignored.
    public init(reader: GitHistoryReader, cacheFolder: String?, tool: String, auditor: ContentAuditor = ContentAuditor()) {
        self.reader = reader
        self.cacheFolder = cacheFolder
        self.tool = tool
        self.auditor = auditor
    }

    /// The history and what it took to build it.
    public struct Outcome: Sendable {
        public var history: ContentHistory
        /// Commits read from git's log.
        public var commits: Int
        /// Commits whose state came from the cache.
        public var cachedCommits: Int
        /// Commits audited in this run.
        public var auditedCommits: Int
        /// Content files decoded in this run; a file version shared by many commits counts once.
        public var decodedFiles: Int
        /// The cache file, when there is one.
        public var cacheFile: String?
        /// Why the cache could not be written, when it could not (the history is still complete).
        public var cacheProblem: String?
    }

    public func load() throws(GitHistoryReader.Failure) -> Outcome {
        let log = try reader.log()
        guard !log.isEmpty else { throw .noHistory(path: reader.contentPath) }
        let cache = cacheFolder.map { HistoryCache(folder: $0, repository: reader.repository, contentPath: reader.contentPath) }

        var builder = HistoryBuilder()
        var start = 0
        if let cached = cache?.load(tool: tool, contentPath: reader.contentPath),
           cached.commits.count <= log.count, zip(cached.commits, log).allSatisfy({ $0 == $1.commit.id }) {
            builder = cached.builder
            start = cached.commits.count
        }

        var decoded = 0
        if start < log.count {
            decoded = try audit(log, from: start, into: &builder)
        }

        var outcome = Outcome(history: builder.history, commits: log.count, cachedCommits: start,
                              auditedCommits: log.count - start, decodedFiles: decoded, cacheFile: cache?.file)
        if let cache, start < log.count {
            let contents = HistoryCache.Contents(format: HistoryCache.format, tool: tool, contentPath: reader.contentPath,
                                                 commits: log.map(\.commit.id), builder: builder)
            do { try cache.save(contents) } catch { outcome.cacheProblem = "could not write \(cache.file): \(error.localizedDescription)" }
        }
        return outcome
    }

    /// Audits commits `start...` into the builder; returns how many files it decoded.
    private func audit(_ log: [LoggedCommit], from start: Int, into builder: inout HistoryBuilder) throws(GitHistoryReader.Failure) -> Int {
        // First pass: which blobs the commits to audit hold, so one cat-file reads them all.
        var tree = ContentTree(folder: reader.contentPath)
        var needed = Set<String>()
        for (index, logged) in log.enumerated() {
            let added = tree.apply(logged.changes)
            if index == start { needed.formUnion(tree.objects) } else if index > start { needed.formUnion(added) }
        }
        let blobs = try reader.blobs(needed.sorted())

        tree = ContentTree(folder: reader.contentPath)
        var memo = AuditMemo()
        for (index, logged) in log.enumerated() {
            tree.apply(logged.changes)
            guard index >= start else { continue }
            let report = auditor.audit(try tree.snapshot(root: reader.contentPath, blobs: blobs), memo: &memo)
            builder.add(HistoryEntry(commit: logged.commit, renames: logged.manifestRenames(in: reader.contentPath), report: report))
        }
        return memo.decodedFiles
    }
}
