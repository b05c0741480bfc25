/// What one commit did to one model. A model that is renamed and re-scored in the same
/// commit has one change of kind `.renamed` that also lists the score changes.
public struct ModelChange: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case added, removed, renamed, changed
    }

    public var commit: HistoryCommit
    public var kind: Kind
    /// The model's id after the commit (for `.removed`, the id it had).
    public var model: String
    /// For `.renamed`: the id before the commit.
    public var previousID: String?
    /// Axes whose level changed, in axis order; empty for `.added` and `.removed`.
    public var levels: [LevelChange]
    public var tier: ValueChange<TierState>?
    public var points: ValueChange<Int>?
    /// The weights license id; nil on either side for hosted models.
    public var license: ValueChange<String?>?
    /// The model before the commit; nil for `.added`.
    public var before: ModelState?
    /// The model after the commit; nil for `.removed`.
    public var after: ModelState?

    public init(commit: HistoryCommit, kind: Kind, model: String, previousID: String? = nil,
                levels: [LevelChange] = [], tier: ValueChange<TierState>? = nil, points: ValueChange<Int>? = nil,
                license: ValueChange<String?>? = nil, before: ModelState? = nil, after: ModelState? = nil) {
        self.commit = commit
        self.kind = kind
        self.model = model
        self.previousID = previousID
        self.levels = levels
        self.tier = tier
        self.points = points
        self.license = license
        self.before = before
        self.after = after
    }

    /// What changed between two states of one model (nil fields did not change).
    static func differences(_ old: ModelState, _ new: ModelState)
        -> (levels: [LevelChange], tier: ValueChange<TierState>?, points: ValueChange<Int>?, license: ValueChange<String?>?) {
        let levels = Axis.allCases.compactMap { axis -> LevelChange? in
            let a = old.level(axis), b = new.level(axis)
            guard a?.id != b?.id, let a, let b else { return nil }
            return LevelChange(from: a, to: b)
        }
        return (levels,
                old.tier.id == new.tier.id ? nil : ValueChange(from: old.tier, to: new.tier),
                old.points == new.points ? nil : ValueChange(from: old.points, to: new.points),
                old.license == new.license ? nil : ValueChange(from: old.license, to: new.license))
    }
}

/// A value before and after a commit.
public struct ValueChange<Value: Sendable & Hashable & Codable>: Sendable, Hashable, Codable {
    public var from: Value
    public var to: Value

    public init(from: Value, to: Value) {
        self.from = from
        self.to = to
    }
}

/// One axis's level before and after a commit.
public typealias LevelChange = ValueChange<LevelState>

extension ValueChange where Value == LevelState {
    public var axis: Axis { to.axis }
}

/// A scenario signpost that turned met or unmet, appeared or went away.
public struct SignpostChange: Sendable, Hashable, Codable {
    public var commit: HistoryCommit
    public var scenario: String
    public var scenarioTitle: String
    public var signpost: String
    /// Whether it was met before the commit; nil when the signpost is new.
    public var metBefore: Bool?
    /// Whether it is met after the commit; nil when the signpost was removed.
    public var metAfter: Bool?
    /// The signpost had no data before, or has none after (neither met nor unmet).
    public var noDataBefore = false
    public var noDataAfter = false
    /// The reading after the commit (before it, for a removed signpost).
    public var value: String
    public var threshold: String

    public init(commit: HistoryCommit, scenario: String, scenarioTitle: String, signpost: String,
                metBefore: Bool?, metAfter: Bool?, value: String, threshold: String) {
        self.commit = commit
        self.scenario = scenario
        self.scenarioTitle = scenarioTitle
        self.signpost = signpost
        self.metBefore = metBefore
        self.metAfter = metAfter
        self.value = value
        self.threshold = threshold
    }
}

/// The rubric's version changed (or, at the first commit, appeared: `from` is nil).
/// The models it re-scores show as model changes of the same commit.
public struct RubricChange: Sendable, Hashable, Codable {
    public var commit: HistoryCommit
    public var from: String?
    public var to: String

    public init(commit: HistoryCommit, from: String?, to: String) {
        self.commit = commit
        self.from = from
        self.to = to
    }
}
