/// Computes measures over a set of scorecards.
public struct IndicatorCalculator: Sendable {
    public let scorecards: [Scorecard]
    public let rubric: Rubric

    public init(scorecards: [Scorecard], rubric: Rubric) {
        self.scorecards = scorecards
        self.rubric = rubric
    }

    public func value(of measure: Measure) -> Double {
        let matching = scorecards.lazy.filter(measure.filter.matches)
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
            return Double(matching.count { card in
                card.manifest.weights.level.rank >= WeightsLevel.open.rank
                    && card.manifest.released?.halfYear == measure.halfYear
            })
        case .medianPoints:
            return Self.median(matching.map { Double($0.points) })
        case .bestPoints:
            return Double(matching.map(\.points).max() ?? 0)
        }
    }

    private func atLeastTier(_ card: Scorecard, _ tierID: String?) -> Bool {
        guard let tierID, let tier = rubric.tier(tierID) else { return false }
        return card.tier.rank <= tier.rank
    }

    private func atLeastLevel(_ card: Scorecard, _ axis: Axis?, _ levelID: String?) -> Bool {
        guard let axis, let levelID, let required = rubric.axis(axis)?.level(levelID),
              let score = card.axis(axis) else { return false }
        return score.level.rank >= required.rank
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
