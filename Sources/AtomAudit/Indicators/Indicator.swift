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

    public enum Parameter: String, Sendable, CaseIterable {
        case tier, axis, level
        case halfYear = "half-year"
    }

    /// Parameters the indicator needs, besides the filters every indicator takes.
    public var parameters: [Parameter] {
        switch self {
        case .count, .medianPoints, .bestPoints: []
        case .countAtLeastTier, .shareAtLeastTier: [.tier]
        case .countAtLeastLevel, .shareAtLeastLevel: [.axis, .level]
        case .openWeightReleases: [.halfYear]
        }
    }

    public enum Unit: Sendable { case models, percent, points }

    public var unit: Unit {
        switch self {
        case .count, .countAtLeastTier, .countAtLeastLevel, .openWeightReleases: .models
        case .shareAtLeastTier, .shareAtLeastLevel: .percent
        case .medianPoints, .bestPoints: .points
        }
    }

    /// What the indicator measures, for the methodology page.
    public var definition: String {
        switch self {
        case .count: "Number of assessed models that match the filters."
        case .countAtLeastTier: "Number of matching models whose tier is `tier` or higher."
        case .shareAtLeastTier: "Percentage of matching models whose tier is `tier` or higher (0 when no model matches)."
        case .countAtLeastLevel: "Number of matching models whose `axis` is at `level` or higher."
        case .shareAtLeastLevel: "Percentage of matching models whose `axis` is at `level` or higher (0 when no model matches)."
        case .openWeightReleases: "Number of matching models with downloadable weights (weights level open or higher) released in `half-year` (e.g. 2025-H1)."
        case .medianPoints: "Median total points of matching models (0 when no model matches)."
        case .bestPoints: "Highest total points among matching models (0 when no model matches)."
        }
    }
}

/// Which models an indicator looks at. Every indicator takes these.
public struct ModelFilter: Sendable, Hashable {
    public var origin: CountryCode?
    /// Only models whose parameter count is known and at least this.
    public var minParameters: ParameterCount?

    public init(origin: CountryCode? = nil, minParameters: ParameterCount? = nil) {
        self.origin = origin
        self.minParameters = minParameters
    }

    public func matches(_ card: Scorecard) -> Bool {
        matches(origin: card.manifest.origin, parameters: card.manifest.parameters?.value)
    }

    /// The same test on the two facts it reads (indicator rows keep only those).
    public func matches(origin: CountryCode, parameters: Double?) -> Bool {
        if let required = self.origin, origin != required { return false }
        if let minParameters {
            guard let parameters, parameters >= minParameters.value else { return false }
        }
        return true
    }

    /// "US models over 100B parameters", for signpost tables.
    public var description: String {
        var parts: [String] = []
        if let origin { parts.append("origin \(origin.code)") }
        if let minParameters { parts.append("≥ \(minParameters.text) parameters") }
        return parts.isEmpty ? "all models" : parts.joined(separator: ", ")
    }
}

/// An indicator with its parameters and filters: something that yields one number.
public struct Measure: Sendable, Hashable {
    public var indicator: Indicator
    public var tier: String?
    public var axis: Axis?
    public var level: String?
    public var halfYear: String?
    public var filter: ModelFilter

    public init(indicator: Indicator, tier: String? = nil, axis: Axis? = nil, level: String? = nil,
                halfYear: String? = nil, filter: ModelFilter = ModelFilter()) {
        self.indicator = indicator
        self.tier = tier
        self.axis = axis
        self.level = level
        self.halfYear = halfYear
        self.filter = filter
    }

    /// A copy measuring the same thing for another origin.
    public func forOrigin(_ origin: CountryCode) -> Measure {
        var copy = self
        copy.filter.origin = origin
        return copy
    }
}
