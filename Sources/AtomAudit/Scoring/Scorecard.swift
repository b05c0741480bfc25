/// A model's score under the rubric, with the reasons for every level and tier.
///
/// The fields live in one shared, immutable box: pages, rows, charts, sorts and groups
/// pass scorecards around by the tens of thousands, and copying forty-odd references
/// for each was several percent of a build. The accessors are inlinable so that
/// `card.manifest.name` reads one field in place instead of copying the manifest.
public struct Scorecard: Sendable, Hashable {
    @usableFromInline struct Fields: Sendable, Hashable {
        @usableFromInline var manifest: Manifest
        @usableFromInline var axes: [AxisScore]
        @usableFromInline var points: Int
        @usableFromInline var maxPoints: Int
        @usableFromInline var tier: Tier
        @usableFromInline var tierReason: String
        @usableFromInline var nextTier: TierGap?
        @usableFromInline var license: License?
        @usableFromInline var rubricVersion: String
    }

    @usableFromInline final class Box: Sendable {
        @usableFromInline let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    @usableFromInline let box: Box

    public init(manifest: Manifest, axes: [AxisScore], points: Int, maxPoints: Int, tier: Tier, tierReason: String,
                nextTier: TierGap?, license: License?, rubricVersion: String) {
        box = Box(Fields(manifest: manifest, axes: axes, points: points, maxPoints: maxPoints, tier: tier,
                         tierReason: tierReason, nextTier: nextTier, license: license, rubricVersion: rubricVersion))
    }

    @inlinable public var manifest: Manifest { box.fields.manifest }
    /// One per axis, in `Axis.allCases` order.
    @inlinable public var axes: [AxisScore] { box.fields.axes }
    @inlinable public var points: Int { box.fields.points }
    @inlinable public var maxPoints: Int { box.fields.maxPoints }
    @inlinable public var tier: Tier { box.fields.tier }
    /// Why the model is in its tier, in one sentence.
    @inlinable public var tierReason: String { box.fields.tierReason }
    /// What keeps the model from the tier above; nil at the top tier.
    @inlinable public var nextTier: TierGap? { box.fields.nextTier }
    /// The license of the weights, when there is one.
    @inlinable public var license: License? { box.fields.license }
    @inlinable public var rubricVersion: String { box.fields.rubricVersion }

    @inlinable public var id: ManifestID { box.fields.manifest.id }

    public func axis(_ axis: Axis) -> AxisScore? {
        // By position: `first(where:)` would copy every score it passes.
        let axes = box.fields.axes
        for index in axes.indices where axes[index].axis == axis { return axes[index] }
        return nil
    }

    public static func == (a: Scorecard, b: Scorecard) -> Bool {
        a.box === b.box || a.box.fields == b.box.fields
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(box.fields)
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

    /// "data: Documented needed, now Described".
    public var summary: String {
        "\(axis.displayName.lowercased()) must be \(required.label) (now \(current.label))"
    }
}
