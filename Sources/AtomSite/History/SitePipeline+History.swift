import AtomAudit
import AtomIO
import Foundation

extension SitePipeline {
    /// How a build reads the content's history from git.
    public struct HistorySettings: Sendable {
        /// Identifies this build of the program: a history cache another build wrote is
        /// not used (as `atom-audit history` does, whose cache the build shares).
        public var tool: String
        /// Where the history cache goes; nil puts it in `.atom-audit-cache/` at the
        /// repository's top folder, where `atom-audit history` keeps it too.
        public var cacheFolder: String?

        public init(tool: String, cacheFolder: String? = nil) {
            self.tool = tool
            self.cacheFolder = cacheFolder
        }
    }

    /// Where the content sits in git, or why it does not; nil when the build reads no
    /// history. A few quick git calls, made before the stamp is checked: their `identity`
    /// tells a build whose history changed from one that can stop early, without reading
    /// any of the history.
    func locateRepository() -> ContentRepository.Located? {
        history.map { _ in ContentRepository.locate(content: content) }
    }

    /// The part of the build stamp that stands for the history and the editions.
    static func historyIdentity(_ located: ContentRepository.Located?) -> String {
        switch located {
        case nil: "history not read"
        case .success(let repository): repository.identity
        case .failure(let absence): "no history: \(absence)"
        }
    }

    /// The history and the editions, read once the content is known to be good and the
    /// site is to be rebuilt. Never fails: what cannot be read becomes "history is not
    /// available" on the site, and a warning when it is unexpected.
    func loadHistory(_ located: ContentRepository.Located?, site: SiteConfig?) -> (SiteHistory, [Diagnostic]) {
        guard let located, let settings = history else { return (.notRead, []) }
        let repository: ContentRepository
        switch located {
        case .failure(let absence): return (.unavailable(absence.description), [])
        case .success(let found): repository = found
        }
        // The same auditor as `atom-audit history`'s, so the two share one cache.
        let auditor = ContentAuditor(mapper: ConcurrentMapper())
        let loader = HistoryLoader(
            reader: GitHistoryReader(repository: repository.root, contentPath: repository.contentPath),
            cacheFolder: settings.cacheFolder ?? (repository.root as NSString).appendingPathComponent(".atom-audit-cache"),
            tool: settings.tool, auditor: auditor)
        var diagnostics: [Diagnostic] = []
        let outcome: HistoryLoader.Outcome
        do {
            outcome = try loader.load()
        } catch {
            let reason = error.description.hasPrefix("error: ") ? String(error.description.dropFirst("error: ".count)) : error.description
            return (.unavailable(reason), [.warning("history-unread", "the content's history could not be read, so the site says it is not available: \(reason)", at: nil)])
        }
        progress?("read the history: \(outcome.commits) commits, \(outcome.cachedCommits) from the cache")
        if let problem = outcome.cacheProblem { diagnostics.append(.warning("history-cache", problem, at: nil)) }

        let (editions, editionProblems) = EditionLoader(repository: repository, auditor: auditor)
            .load(pattern: site?.editionTags ?? SiteConfig.defaultEditionTags)
        diagnostics += editionProblems
        if !editions.isEmpty { progress?("read \(editions.count) edition\(editions.count == 1 ? "" : "s")") }
        return (SiteHistory(content: outcome.history, contentPath: repository.contentPath, editions: editions), diagnostics)
    }
}
