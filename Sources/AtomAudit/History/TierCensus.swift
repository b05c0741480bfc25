/// How many models each origin had in each tier after one commit: a point of the site's
/// "tiers by origin over time" chart.
///
/// Kept by the history builder as it folds commits (one census per audited commit whose
/// counts differ from the one before), because the events alone cannot replay it: a
/// model whose origin is corrected changes no score, so it makes no event.
public struct TierCensus: Sendable, Hashable, Codable {
    public struct Count: Sendable, Hashable, Codable {
        /// ISO 3166-1 alpha-2.
        public var origin: String
        /// The tier id.
        public var tier: String
        public var count: Int

        public init(origin: String, tier: String, count: Int) {
            self.origin = origin
            self.tier = tier
            self.count = count
        }
    }

    public var commit: HistoryCommit
    /// The commit's position among the commits read, oldest 0 (as in `HistoryEvent`).
    public var sequence: Int
    /// Sorted by origin, then tier id; no zero counts.
    public var counts: [Count]

    public init(commit: HistoryCommit, sequence: Int, counts: [Count]) {
        self.commit = commit
        self.sequence = sequence
        self.counts = counts.filter { $0.count > 0 }.sorted { ($0.origin, $0.tier) < ($1.origin, $1.tier) }
    }

    /// The census of one audited state.
    public init(state: AuditState, commit: HistoryCommit, sequence: Int) {
        var tally: [OriginTier: Int] = [:]
        for model in state.models { tally[OriginTier(origin: model.origin, tier: model.tier.id), default: 0] += 1 }
        self.init(commit: commit, sequence: sequence,
                  counts: tally.map { Count(origin: $0.key.origin, tier: $0.key.tier, count: $0.value) })
    }

    /// Models of `origins` (every origin when nil) in one tier.
    public func count(tier: String, origins: Set<String>? = nil) -> Int {
        counts.reduce(0) { total, entry in
            entry.tier == tier && (origins?.contains(entry.origin) ?? true) ? total + entry.count : total
        }
    }

    /// Every origin that has a model, sorted.
    public var origins: [String] { Array(Set(counts.map(\.origin))).sorted() }

    private struct OriginTier: Hashable {
        var origin: String
        var tier: String
    }
}
