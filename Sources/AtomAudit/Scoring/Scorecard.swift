/// A model's score under the rubric, with the reasons for every level and tier.
public struct Scorecard: Sendable, Hashable {
    public var manifest: Manifest
    /// One per axis, in `Axis.allCases` order.
    public var axes: [AxisScore]
    public var points: Int
    public var maxPoints: Int
    public var tier: Tier
    /// Why the model is in its tier, in one sentence.
    public var tierReason: String
    /// What keeps the model from the tier above; nil at the top tier.
    public var nextTier: TierGap?
    /// The license of the weights, when there is one.
    public var license: License?
    public var rubricVersion: String

    public var id: ManifestID { manifest.id }

    public func axis(_ axis: Axis) -> AxisScore? {
        // By position: `first(where:)` would copy every score it passes.
        for index in axes.indices where axes[index].axis == axis { return axes[index] }
        return nil
    }
}

public struct AxisScore: Sendable, Hashable {
    public var axis: Axis
    public var level: RubricLevel
    public var maxPoints: Int
    /// Which fact gave this level, in one sentence.
    public var reason: String
    public var evidence: [String]
    /// The reviewer's note for this axis.
    public var note: String?
    /// True when the level is the axis's highest.
    public var isTop: Bool
}

/// The distance from a model to the tier above its own.
public struct TierGap: Sendable, Hashable {
    public var tier: Tier
    public var shortfalls: [AxisShortfall]

    /// Level steps still to climb, summed over axes: a rough "how close".
    public var steps: Int { shortfalls.reduce(0) { $0 + ($1.required.rank - $1.current.rank) } }
}

public struct AxisShortfall: Sendable, Hashable {
    public var axis: Axis
    public var current: RubricLevel
    public var required: RubricLevel

    /// "data: needs Documented (now Described)".
    public var summary: String {
        "\(axis.rawValue) needs \(required.label) (now \(current.label))"
    }
}
