/// The scoring rules from `rubric.yaml`: levels and points per axis, and the tiers.
public struct Rubric: Sendable, Hashable {
    public var version: String
    public var title: String
    public var summary: String
    public var sources: [RubricSource]
    /// One per axis, in `Axis.allCases` order.
    public var axes: [RubricAxis]
    /// Highest tier first; a model gets the first tier whose requirements it meets.
    public var tiers: [Tier]

    public init(version: String, title: String, summary: String, sources: [RubricSource], axes: [RubricAxis], tiers: [Tier]) {
        self.version = version
        self.title = title
        self.summary = summary
        self.sources = sources
        self.axes = axes
        self.tiers = tiers
    }

    // Lookups go by position: `first(where:)` copies every element it passes, and these
    // run for every axis of every scorecard.
    public func axis(_ axis: Axis) -> RubricAxis? {
        for index in axes.indices where axes[index].axis == axis { return axes[index] }
        return nil
    }

    public func tier(_ id: String) -> Tier? {
        for index in tiers.indices where tiers[index].id.isIdentical(to: id) { return tiers[index] }
        return nil
    }

    public func source(_ id: String) -> RubricSource? { sources.first { $0.id.isIdentical(to: id) } }

    /// The most points a model can get.
    public var maxPoints: Int { axes.reduce(0) { $0 + $1.maxPoints } }
}

/// A public definition the rubric is grounded on.
public struct RubricSource: Sendable, Hashable {
    public var id: String
    public var title: String
    public var url: String
    public var note: String?

    public init(id: String, title: String, url: String, note: String? = nil) {
        self.id = id
        self.title = title
        self.url = url
        self.note = note
    }
}

public struct RubricAxis: Sendable, Hashable {
    public var axis: Axis
    public var label: String
    /// The question the axis answers, shown on the methodology page.
    public var question: String
    /// Lowest first, matching `axis.levelIDs`.
    public var levels: [RubricLevel]
    public var sources: [String]

    public init(axis: Axis, label: String, question: String, levels: [RubricLevel], sources: [String]) {
        self.axis = axis
        self.label = label
        self.question = question
        self.levels = levels
        self.sources = sources
    }

    public func level(_ id: String) -> RubricLevel? {
        for index in levels.indices where levels[index].id == id { return levels[index] }
        return nil
    }

    public var maxPoints: Int { levels.map(\.points).max() ?? 0 }
}

public struct RubricLevel: Sendable, Hashable {
    public var id: String
    public var label: String
    public var points: Int
    public var definition: String
    /// 0 for the lowest level of its axis.
    public var rank: Int

    public init(id: String, label: String, points: Int, definition: String, rank: Int) {
        self.id = id
        self.label = label
        self.points = points
        self.definition = definition
        self.rank = rank
    }
}

public struct Tier: Sendable, Hashable {
    public var id: String
    public var label: String
    public var summary: String
    /// The lowest level each constrained axis must reach, as level ids.
    public var requirements: [TierRequirement]
    /// 0 for the highest tier.
    public var rank: Int

    public init(id: String, label: String, summary: String, requirements: [TierRequirement], rank: Int) {
        self.id = id
        self.label = label
        self.summary = summary
        self.requirements = requirements
        self.rank = rank
    }
}

public struct TierRequirement: Sendable, Hashable {
    public var axis: Axis
    public var minimumLevel: String

    public init(axis: Axis, minimumLevel: String) {
        self.axis = axis
        self.minimumLevel = minimumLevel
    }
}
