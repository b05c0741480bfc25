/// What a change to the content does to the audit: models added, removed and
/// re-scored, the headline numbers, and scenario signposts that flip.
public struct AuditDiff: Sendable {
    public var added: [Scorecard]
    public var removed: [Scorecard]
    /// Models whose levels, points or tier changed.
    public var rescored: [ScoreChange]
    /// Models whose facts changed (evidence, notes, dates...) without any score change.
    public var editedOnly: [ScoreChange]
    public var headline: [HeadlineChange]
    public var flips: [SignpostFlip]
    public var rubricVersion: (before: String?, after: String?)

    public var isEmpty: Bool {
        added.isEmpty && removed.isEmpty && rescored.isEmpty && editedOnly.isEmpty && flips.isEmpty
            && rubricVersion.before == rubricVersion.after
    }
}

public struct ScoreChange: Sendable {
    public var before: Scorecard
    public var after: Scorecard

    public var tierChanged: Bool { before.tier.id != after.tier.id }

    /// Axes whose level changed, in axis order.
    public var changedAxes: [Axis] {
        Axis.allCases.filter { before.axis($0)?.level.id != after.axis($0)?.level.id }
    }
}

/// One headline number before and after, e.g. "Truly open, China: 0 → 1".
public struct HeadlineChange: Sendable, Hashable {
    public var measure: String
    public var before: String
    public var after: String

    public var changed: Bool { before != after }
}

public struct SignpostFlip: Sendable {
    public var scenario: String
    public var signpost: String
    public var before: SignpostReading
    public var after: SignpostReading
}
