/// Computes measures over a set of scorecards, as of a day (rolling windows end there).
public struct IndicatorCalculator: Sendable {
    public let scorecards: [Scorecard]
    public let rubric: Rubric
    public let asOf: CalendarDate
    /// What the measures read of each scorecard, taken once: every signpost scans all
    /// models, and reading a large value in a loop copies it each time.
    private let rows: [Row]

    public init(scorecards: [Scorecard], rubric: Rubric, asOf: CalendarDate) {
        self.scorecards = scorecards
        self.rubric = rubric
        self.asOf = asOf
        rows = scorecards.map(Row.init)
    }

    private struct Row: Sendable {
        let id: ManifestID
        let family: String
        let origin: CountryCode
        let parameters: Double?
        let released: CalendarDate?
        let tierRank: Int
        /// Level rank per axis, in `Axis.allCases` order (-1 when the card lacks the axis).
        let levelRanks: [Int]
        let openWeights: Bool
        let points: Int
        /// The newest all-time downloads figure; nil when none was recorded.
        let downloads: Int?

        init(_ card: Scorecard) {
            id = card.id
            // A model without a family is a family of its own.
            family = card.manifest.family ?? "id:" + card.id.rawValue
            origin = card.manifest.origin
            parameters = card.manifest.parameters?.value
            released = card.manifest.released
            tierRank = card.tier.rank
            levelRanks = Axis.allCases.map { card.axis($0)?.level.rank ?? -1 }
            openWeights = card.manifest.weights.level.rank >= WeightsLevel.open.rank
            points = card.points
            downloads = card.manifest.adoption?.latestDownloads?.downloads
        }
    }

    /// A measure's value and the models behind it: those counted (for counts and
    /// shares), those the median or best was taken over.
    public struct Result: Sendable, Hashable {
        public var value: Double
        /// The models the value counts or is taken from, in scorecard order.
        public var models: [ManifestID]
        /// How many models matched the filters (the denominator of a share).
        public var considered: Int
        /// For measures over downloads: the matching models without a figure, left out of the value.
        public var withoutFigures = 0
        /// True when the value rests on no figure at all: it reads "No data", never 0, and a
        /// signpost over it is neither met nor unmet.
        public var noData = false
    }

    public func value(of measure: Measure) -> Double { result(of: measure).value }

    public func result(of measure: Measure) -> Result {
        let filter = measure.filter, days = filter.window?.days(asOf: asOf)
        let matching = rows.filter { filter.matches(origin: $0.origin, parameters: $0.parameters, released: $0.released, days: days) }
        let counted: [Row]
        switch measure.indicator {
        case .count: counted = matching
        case .countAtLeastTier, .shareAtLeastTier: counted = matching.filter { atLeastTier($0, measure.tier) }
        case .countAtLeastLevel, .shareAtLeastLevel: counted = matching.filter { atLeastLevel($0, measure.axis, measure.level) }
        case .openWeightReleases: counted = matching.filter(\.openWeights)
        case .medianPoints:
            return Result(value: Self.median(matching.map { Double($0.points) }), models: matching.map(\.id), considered: matching.count)
        case .bestPoints:
            let best = matching.map(\.points).max()
            return Result(value: Double(best ?? 0), models: matching.filter { $0.points == best }.map(\.id), considered: matching.count)
        case .downloadShare, .downloadShareAtLeastTier:
            return downloadShare(measure, matching: matching)
        }
        let size = { (rows: [Row]) in measure.counting == .families ? Set(rows.map(\.family)).count : rows.count }
        switch measure.indicator.unit {
        case .percent:
            return Result(value: share(size(counted), of: size(matching)), models: counted.map(\.id), considered: size(matching))
        case .models, .points:
            return Result(value: Double(size(counted)), models: counted.map(\.id), considered: size(matching))
        }
    }

    /// A share of downloads: of every model's (download-share) or of the matching models'
    /// (download-share-at-least-tier). Models without a figure are left out and counted.
    private func downloadShare(_ measure: Measure, matching: [Row]) -> Result {
        let withFigures = matching.filter { $0.downloads != nil }
        let part: [Row], whole: [Row]
        if measure.indicator == .downloadShare {
            part = withFigures
            whole = rows.filter { $0.downloads != nil }
        } else {
            part = withFigures.filter { atLeastTier($0, measure.tier) }
            whole = withFigures
        }
        let sum = { (rows: [Row]) in rows.reduce(into: DownloadTotal.none) { $0.add($1.downloads ?? 0) } }
        let share = DownloadTotal.percent(sum(part), of: sum(whole))
        return Result(value: withFigures.isEmpty ? 0 : share ?? 0, models: part.map(\.id), considered: matching.count,
                      withoutFigures: matching.count - withFigures.count, noData: withFigures.isEmpty || share == nil)
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
