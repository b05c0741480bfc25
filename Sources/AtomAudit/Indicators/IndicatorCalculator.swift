/// Computes measures over a set of scorecards.
public struct IndicatorCalculator: Sendable {
    public let scorecards: [Scorecard]
    public let rubric: Rubric
    /// What the measures read of each scorecard, taken once: every signpost scans all
    /// models, and reading a large value in a loop copies it each time.
    private let rows: [Row]

    public init(scorecards: [Scorecard], rubric: Rubric) {
        self.scorecards = scorecards
        self.rubric = rubric
        rows = scorecards.map(Row.init)
    }

    private struct Row: Sendable {
        let origin: CountryCode
        let parameters: Double?
        let tierRank: Int
        /// Level rank per axis, in `Axis.allCases` order (-1 when the card lacks the axis).
        let levelRanks: [Int]
        let openWeights: Bool
        let halfYear: String?
        let points: Int

        init(_ card: Scorecard) {
            origin = card.manifest.origin
            parameters = card.manifest.parameters?.value
            tierRank = card.tier.rank
            levelRanks = Axis.allCases.map { card.axis($0)?.level.rank ?? -1 }
            openWeights = card.manifest.weights.level.rank >= WeightsLevel.open.rank
            halfYear = card.manifest.released?.halfYear
            points = card.points
        }
    }

    public func value(of measure: Measure) -> Double {
        let filter = measure.filter
        let matching = rows.filter { filter.matches(origin: $0.origin, parameters: $0.parameters) }
        switch measure.indicator {
        case .count:
            return Double(matching.count)
        case .countAtLeastTier:
            return Double(matching.count { atLeastTier($0, measure.tier) })
        case .shareAtLeastTier:
            return share(matching.count { atLeastTier($0, measure.tier) }, of: matching.count)
        case .countAtLeastLevel:
            return Double(matching.count { atLeastLevel($0, measure.axis, measure.level) })
        case .shareAtLeastLevel:
            return share(matching.count { atLeastLevel($0, measure.axis, measure.level) }, of: matching.count)
        case .openWeightReleases:
            return Double(matching.count { $0.openWeights && $0.halfYear == measure.halfYear })
        case .medianPoints:
            return Self.median(matching.map { Double($0.points) })
        case .bestPoints:
            return Double(matching.map(\.points).max() ?? 0)
        }
    }

    private func atLeastTier(_ row: Row, _ tierID: String?) -> Bool {
        guard let tierID, let tier = rubric.tier(tierID) else { return false }
        return row.tierRank <= tier.rank
    }

    private func atLeastLevel(_ row: Row, _ axis: Axis?, _ levelID: String?) -> Bool {
        guard let axis, let levelID, let required = rubric.axis(axis)?.level(levelID),
              let position = Axis.allCases.firstIndex(of: axis) else { return false }
        return row.levelRanks[position] >= required.rank
    }

    private func share(_ part: Int, of whole: Int) -> Double {
        whole == 0 ? 0 : (Double(part) * 100 / Double(whole))
    }

    /// The middle value (the mean of the two middle ones for an even count); 0 when empty.
    public static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

extension WeightsLevel {
    /// 0 for hosted, the lowest level.
    public var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}
