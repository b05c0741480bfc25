/// What the history compares between two commits: every model's levels, tier, points
/// and license, the rubric version, and whether each scenario signpost is met.
///
/// A small value made from an `AuditReport`, rather than the report itself, so that a
/// run over 1,000 commits holds one state at a time and the cache can store it as JSON.
public struct AuditState: Sendable, Hashable, Codable {
    public var rubricVersion: String
    /// Sorted by id.
    public var models: [ModelState]
    /// In scenario order, then signpost order.
    public var signposts: [SignpostState]

    public init(rubricVersion: String, models: [ModelState], signposts: [SignpostState]) {
        self.rubricVersion = rubricVersion
        self.models = models.sorted { $0.id < $1.id }
        self.signposts = signposts
    }

    /// The state of a report without errors; nil when the report has errors (or no
    /// rubric), because such a commit's scores are not the content's.
    /// - Parameter asOf: the day rolling signpost windows end on: the commit's date.
    public init?(report: AuditReport, asOf: CalendarDate) {
        guard !report.hasErrors, let rubric = report.rubric else { return nil }
        let outlook = ScenarioAssessor(calculator: IndicatorCalculator(scorecards: report.scorecards, rubric: rubric, asOf: asOf))
            .assess(report.scenarios)
        self.init(
            rubricVersion: rubric.version,
            models: report.scorecards.map(ModelState.init),
            signposts: outlook.assessments.flatMap { assessment in
                assessment.readings.map { SignpostState(scenario: assessment.scenario, reading: $0) }
            })
    }
}

/// One model's score at a commit.
public struct ModelState: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    /// One per axis, in `Axis.allCases` order.
    public var levels: [LevelState]
    public var tier: TierState
    public var points: Int
    /// The license id of the weights; nil for hosted models.
    public var license: String?
    /// The developer's home country (ISO 3166-1 alpha-2), so the site can count each
    /// origin's tiers at every commit. Not compared as a change: origin is recorded, not scored.
    public var origin: String

    public init(id: String, name: String, levels: [LevelState], tier: TierState, points: Int, license: String?, origin: String = "") {
        self.id = id
        self.name = name
        self.levels = levels
        self.tier = tier
        self.points = points
        self.license = license
        self.origin = origin
    }

    public init(_ card: Scorecard) {
        self.init(
            id: card.id.rawValue, name: card.manifest.name,
            levels: card.axes.map { LevelState(axis: $0.axis, id: $0.level.id, label: $0.level.label) },
            tier: TierState(id: card.tier.id, label: card.tier.label),
            points: card.points, license: card.manifest.weights.license, origin: card.manifest.origin.code)
    }

    public func level(_ axis: Axis) -> LevelState? { levels.first { $0.axis == axis } }
}

/// A level on one axis: its id (the manifest vocabulary) and the rubric's label for it.
public struct LevelState: Sendable, Hashable, Codable {
    public var axis: Axis
    public var id: String
    public var label: String

    public init(axis: Axis, id: String, label: String) {
        self.axis = axis
        self.id = id
        self.label = label
    }
}

public struct TierState: Sendable, Hashable, Codable {
    public var id: String
    public var label: String

    public init(id: String, label: String) {
        self.id = id
        self.label = label
    }
}

/// One scenario signpost's reading at a commit.
public struct SignpostState: Sendable, Hashable, Codable {
    public var scenario: String
    public var scenarioTitle: String
    /// The signpost's sentence; with the scenario id, it identifies the signpost (as in
    /// `diff`, reordering signposts is not a change).
    public var text: String
    public var met: Bool
    /// The signpost reads figures no model has yet (an adoption measure): neither met nor unmet.
    public var noData: Bool = false
    /// The indicator's value, formatted as the scenario page shows it.
    public var value: String
    /// "> US (12)" or "= 0".
    public var threshold: String

    public init(scenario: String, scenarioTitle: String, text: String, met: Bool, value: String, threshold: String) {
        self.scenario = scenario
        self.scenarioTitle = scenarioTitle
        self.text = text
        self.met = met
        self.value = value
        self.threshold = threshold
    }

    init(scenario: Scenario, reading: SignpostReading) {
        self.init(scenario: scenario.id, scenarioTitle: scenario.title, text: reading.signpost.text,
                  met: reading.met, value: reading.formattedValue, threshold: reading.thresholdDescription)
        noData = reading.noData
    }

    var key: SignpostKey { SignpostKey(scenario: scenario, text: text) }
}

struct SignpostKey: Hashable {
    var scenario: String
    var text: String
}
