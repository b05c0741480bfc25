/// The measures scenario signposts can test, each computed from the scorecards.
///
/// The set is closed: a signpost that names anything else is a `check` error, so a
/// typo cannot silently turn a signpost off.
public enum Indicator: String, CaseIterable, Sendable, Hashable {
    case count
    case countAtLeastTier = "count-at-least-tier"
    case shareAtLeastTier = "share-at-least-tier"
    case countAtLeastLevel = "count-at-least-level"
    case shareAtLeastLevel = "share-at-least-level"
    case openWeightReleases = "open-weight-releases"
    case medianPoints = "median-points"
    case bestPoints = "best-points"
    case downloadShare = "download-share"
    case downloadShareAtLeastTier = "download-share-at-least-tier"

    public enum Parameter: String, Sendable, CaseIterable {
        case tier, axis, level
    }

    /// Parameters the indicator needs, besides the filters every indicator takes.
    public var parameters: [Parameter] {
        switch self {
        case .count, .medianPoints, .bestPoints: []
        case .countAtLeastTier, .shareAtLeastTier, .downloadShareAtLeastTier: [.tier]
        case .countAtLeastLevel, .shareAtLeastLevel: [.axis, .level]
        case .openWeightReleases, .downloadShare: []
        }
    }

    public enum Unit: Sendable { case models, percent, points }

    public var unit: Unit {
        switch self {
        case .count, .countAtLeastTier, .countAtLeastLevel, .openWeightReleases: .models
        case .shareAtLeastTier, .shareAtLeastLevel, .downloadShare, .downloadShareAtLeastTier: .percent
        case .medianPoints, .bestPoints: .points
        }
    }

    /// Whether the indicator reads adoption figures, which most models do not have yet: its
    /// value can be "no data".
    public var readsDownloads: Bool { self == .downloadShare || self == .downloadShareAtLeastTier }

    /// Whether the indicator counts models, so that it can count families instead.
    public var counts: Bool { unit == .models }

    /// What the indicator measures, for the methodology page.
    public var definition: String {
        switch self {
        case .count: "Number of assessed models that match the filters."
        case .countAtLeastTier: "Number of matching models whose tier is `tier` or higher."
        case .shareAtLeastTier: "Percentage of matching models whose tier is `tier` or higher (0 when no model matches)."
        case .countAtLeastLevel: "Number of matching models whose `axis` is at `level` or higher."
        case .shareAtLeastLevel: "Percentage of matching models whose `axis` is at `level` or higher (0 when no model matches)."
        case .openWeightReleases: "Number of matching models with downloadable weights (weights level open or higher) released in the signpost's `window` (required here)."
        case .medianPoints: "Median total points of matching models (0 when no model matches)."
        case .bestPoints: "Highest total points among matching models (0 when no model matches)."
        case .downloadShare: "Percentage of the all-time downloads of every model with a downloads figure that goes to the matching models (each model's newest figure). No data when no matching model has a figure."
        case .downloadShareAtLeastTier: "Percentage of the matching models' all-time downloads that goes to those whose tier is `tier` or higher (each model's newest figure; models without a figure are left out). No data when no matching model has a figure."
        }
    }
}

/// Which models an indicator looks at. Every indicator takes these.
public struct ModelFilter: Sendable, Hashable {
    public var origin: CountryCode?
    /// Only models whose parameter count is known and at least this.
    public var minParameters: ParameterCount?
    /// Only models whose release date is known and falls in the window.
    public var window: TimeWindow?

    public init(origin: CountryCode? = nil, minParameters: ParameterCount? = nil, window: TimeWindow? = nil) {
        self.origin = origin
        self.minParameters = minParameters
        self.window = window
    }

    /// The test on the facts it reads (indicator rows keep only those).
    /// - Parameter days: `window?.days(asOf:)`, worked out once for all the rows a measure filters.
    public func matches(origin: CountryCode, parameters: Double?, released: CalendarDate?, days: ClosedRange<CalendarDate>?) -> Bool {
        if let required = self.origin, origin != required { return false }
        if let minParameters {
            guard let parameters, parameters >= minParameters.value else { return false }
        }
        if let days {
            guard let released, days.contains(released) else { return false }
        }
        return true
    }
}

/// What a counting indicator counts.
public enum Counting: String, Sendable, Hashable, CaseIterable {
    /// Each manifest: every size and version of a family counts.
    case releases
    /// Distinct `family` values: Qwen3's eight sizes count once.
    case families
}

/// An indicator with its parameters and filters: something that yields one number.
public struct Measure: Sendable, Hashable {
    public var indicator: Indicator
    public var tier: String?
    public var axis: Axis?
    public var level: String?
    public var filter: ModelFilter
    public var counting: Counting

    public init(indicator: Indicator, tier: String? = nil, axis: Axis? = nil, level: String? = nil,
                filter: ModelFilter = ModelFilter(), counting: Counting = .releases) {
        self.indicator = indicator
        self.tier = tier
        self.axis = axis
        self.level = level
        self.filter = filter
        self.counting = counting
    }

    /// A copy measuring the same thing for another origin.
    public func forOrigin(_ origin: CountryCode) -> Measure {
        var copy = self
        copy.filter.origin = origin
        return copy
    }
}
