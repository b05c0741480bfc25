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
                openWeightsOrBetter: cards.countInPlace { $0.tier.rank <= openWeightsRank },
                trulyOpen: cards.countInPlace { $0.tier.rank <= trulyOpenRank },
                medianPoints: median(cards.map { Double($0.points) }),
                best: cards.min { LeaderboardOrder.precedes(.init($0), .init($1)) })
        }.sorted { ($1.models, $0.origin) < ($0.models, $1.origin) }
    }

    static func median(_ values: [Double]) -> Double { IndicatorCalculator.median(values) }
}

/// The leaderboard's total order: points, then tier, then name, then id, so ties never
/// depend on file-system order.
enum LeaderboardOrder {
    /// What the order compares, taken from a scorecard once rather than at every comparison.
    struct Key {
        let points: Int
        let tierRank: Int
        /// The name lowercased: case-insensitive, and independent of the machine's locale.
        let foldedName: String
        let name: String
        let id: ManifestID

        init(_ card: Scorecard) {
            points = card.points
            tierRank = card.tier.rank
            foldedName = card.manifest.name.lowercased()
            name = card.manifest.name
            id = card.id
        }
    }

    static func precedes(_ a: Key, _ b: Key) -> Bool {
        if a.points != b.points { return a.points > b.points }
        if a.tierRank != b.tierRank { return a.tierRank < b.tierRank }
        if a.foldedName != b.foldedName { return a.foldedName < b.foldedName }
        if a.name != b.name { return a.name < b.name }
        return a.id < b.id
    }
}
