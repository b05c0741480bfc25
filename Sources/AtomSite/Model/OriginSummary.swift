import AtomAudit

/// How the models of one origin fare: the numbers the by-origin tables and charts show.
public struct OriginSummary: Sendable, Hashable {
    public var origin: CountryCode
    public var models: Int
    /// Count per tier id.
    public var tierCounts: [String: Int]
    /// Models in the open-weights tier or higher.
    public var openWeightsOrBetter: Int
    public var trulyOpen: Int
    public var medianPoints: Double
    /// The highest-scoring model (ties broken by name, then id).
    public var best: Scorecard?

    /// Summaries for every origin present, most models first, then by code.
    static func summaries(of cards: [Scorecard], rubric: Rubric) -> [OriginSummary] {
        let openWeightsRank = rubric.tier("open-weights")?.rank ?? 2
        let trulyOpenRank = rubric.tier("truly-open")?.rank ?? 0
        let grouped = Dictionary(grouping: cards, by: \.manifest.origin)
        return grouped.map { origin, cards in
            OriginSummary(
                origin: origin, models: cards.count,
                tierCounts: Dictionary(grouping: cards, by: \.tier.id).mapValues(\.count),
                openWeightsOrBetter: cards.filter { $0.tier.rank <= openWeightsRank }.count,
                trulyOpen: cards.filter { $0.tier.rank <= trulyOpenRank }.count,
                medianPoints: median(cards.map { Double($0.points) }),
                best: cards.min(by: LeaderboardOrder.precedes))
        }.sorted { ($1.models, $0.origin) < ($0.models, $1.origin) }
    }

    static func median(_ values: [Double]) -> Double { IndicatorCalculator.median(values) }
}

/// The leaderboard's total order: points, then tier, then name, then id, so ties never
/// depend on file-system order.
enum LeaderboardOrder {
    static func precedes(_ a: Scorecard, _ b: Scorecard) -> Bool {
        if a.points != b.points { return a.points > b.points }
        if a.tier.rank != b.tier.rank { return a.tier.rank < b.tier.rank }
        let nameOrder = a.manifest.name.localizedStandardCompareFallback(b.manifest.name)
        if nameOrder != 0 { return nameOrder < 0 }
        return a.id < b.id
    }
}

extension String {
    /// Case-insensitive comparison that does not depend on the machine's locale.
    func localizedStandardCompareFallback(_ other: String) -> Int {
        let a = lowercased(), b = other.lowercased()
        if a == b { return self < other ? -1 : (self == other ? 0 : 1) }
        return a < b ? -1 : 1
    }
}
