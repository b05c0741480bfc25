/// Reads every signpost against the current scorecards and says which future the
/// evidence points toward.
public struct ScenarioAssessor: Sendable {
    public let calculator: IndicatorCalculator

    public init(calculator: IndicatorCalculator) { self.calculator = calculator }

    public func assess(_ scenarios: [Scenario]) -> ScenarioOutlook {
        let assessments = scenarios.sorted { ($0.order, $0.id) < ($1.order, $1.id) }.map(assess)
        return ScenarioOutlook(assessments: assessments)
    }

    public func assess(_ scenario: Scenario) -> ScenarioAssessment {
        ScenarioAssessment(scenario: scenario, readings: scenario.signposts.map(read))
    }

    public func read(_ signpost: Signpost) -> SignpostReading {
        let result = calculator.result(of: signpost.measure)
        let unit = signpost.measure.indicator.unit
        let threshold: Double
        let description: String
        var other: IndicatorCalculator.Result?
        switch signpost.threshold {
        case .number(let number):
            threshold = number
            description = "\(signpost.comparison.phrase) \(SignpostReading.format(number, unit: unit))"
        case .origin(let origin):
            let compared = calculator.result(of: signpost.measure.forOrigin(origin))
            other = compared
            threshold = compared.value
            let value = compared.noData ? SignpostReading.noDataText.lowercased() : SignpostReading.format(threshold, unit: unit)
            description = "\(signpost.comparison.phrase) \(origin.nameInSentence) (\(value))"
        }
        // A value or a threshold without figures behind it tests nothing: neither met nor unmet.
        let noData = result.noData || other?.noData == true
        let wording = MeasureWording(rubric: calculator.rubric, asOf: calculator.asOf)
        return SignpostReading(signpost: signpost, value: result.value, threshold: threshold,
                               thresholdDescription: description, met: !noData && signpost.comparison.holds(result.value, threshold),
                               measureText: wording.describe(signpost.measure), result: result, comparedResult: other, noData: noData)
    }
}

public struct SignpostReading: Sendable, Hashable {
    public var signpost: Signpost
    public var value: Double
    public var threshold: Double
    /// "more than the United States (12)" or "exactly 0".
    public var thresholdDescription: String
    public var met: Bool
    /// The measure in words (`MeasureWording`).
    public var measureText: String = ""
    /// The value with the models behind it.
    public var result: IndicatorCalculator.Result?
    /// For a comparison with another origin: that origin's value and models.
    public var comparedResult: IndicatorCalculator.Result?
    /// The measure, or the origin it is compared with, has no figures to rest on (adoption
    /// figures not yet collected): the signpost reads "No data" and counts neither as met
    /// nor as unmet. `met` is then false.
    public var noData = false

    public static let noDataText = "No data"

    /// The value, or "No data" when its own figures are missing.
    public var formattedValue: String {
        result?.noData == true ? Self.noDataText : Self.format(value, unit: signpost.measure.indicator.unit)
    }

    /// "Met", "Not met" or "No data".
    public var verdict: String { noData ? Self.noDataText : met ? "Met" : "Not met" }

    public static func format(_ value: Double, unit: Indicator.Unit) -> String {
        let rounded = (value * 10).rounded() / 10
        // `Int(exactly:)`, not `Int(_:)`: a threshold such as 1e20 is a whole number
        // that no Int holds, and `Int(_:)` traps on it.
        let number = Int(exactly: rounded).map(String.init) ?? String(rounded)
        return unit == .percent ? number + "%" : number
    }
}

public struct ScenarioAssessment: Sendable, Hashable {
    public var scenario: Scenario
    public var readings: [SignpostReading]

    public var metCount: Int { readings.count(where: \.met) }
    /// Signposts without figures to test: left out of the tally.
    public var noDataCount: Int { readings.count(where: \.noData) }
    /// Signposts that could be tested (met or not met): the tally's "of".
    public var assessedCount: Int { readings.count - noDataCount }
    /// Met signposts as a fraction of those that could be tested; 0 when none could.
    public var support: Double { assessedCount == 0 ? 0 : Double(metCount) / Double(assessedCount) }

    /// Signposts that could be tested and do not hold.
    public var notMetCount: Int { assessedCount - metCount }

    /// "2 met, 2 not met" or, with signposts lacking data, "2 met, 2 not met, 1 without
    /// data": each signpost in exactly one count, so the counts add up to the table's rows
    /// (an "of" over the testable ones read as the total).
    public var tally: String {
        "\(metCount) met, \(notMetCount) not met" + (noDataCount > 0 ? ", \(noDataCount) without data" : "")
    }
}

public struct ScenarioOutlook: Sendable, Hashable {
    public var assessments: [ScenarioAssessment]

    public init(assessments: [ScenarioAssessment] = []) { self.assessments = assessments }

    /// The scenario with the largest share of met signposts; nil when no signpost is met
    /// anywhere, or when two or more scenarios share the largest share (a tie leads nowhere).
    public var leading: ScenarioAssessment? {
        guard let best = assessments.map(\.support).max(), best > 0 else { return nil }
        let top = assessments.filter { $0.support == best }
        return top.count == 1 ? top.first : nil
    }

    /// Scenarios tied for the largest share of met signposts (empty when one leads or none has any).
    public var tiedForLead: [ScenarioAssessment] {
        guard leading == nil, let best = assessments.map(\.support).max(), best > 0 else { return [] }
        return assessments.filter { $0.support == best }
    }

    /// One paragraph: which future the evidence points toward, and why — or that it
    /// points toward none, or is split.
    public var explanation: String {
        let tally = { (list: [ScenarioAssessment]) in list.map { "\($0.scenario.title): \($0.tally)" }.joined(separator: "; ") }
        if let leading {
            let others = assessments.filter { $0.scenario.id != leading.scenario.id }
            var text = "The evidence points toward \(leading.scenario.title.lowercasedFirst), the scenario with the largest share of its testable signposts met (\(leading.tally))"
            if !others.isEmpty { text += "; the others: \(tally(others))" }
            return text + "."
        }
        let tied = tiedForLead
        guard !tied.isEmpty else {
            return "No scenario has a signpost met yet, so the evidence does not point toward any of them."
        }
        return "The evidence is split: \(tied.map(\.scenario.title).listedInProse) have the same share of their testable signposts met (\(tally(assessments))), so no single future leads."
    }
}

extension String {
    /// "Continued divergence" → "continued divergence", leaving acronyms ("US ...") alone.
    var lowercasedFirst: String {
        guard let first = first, !(dropFirst().first?.isUppercase ?? false) else { return self }
        return first.lowercased() + dropFirst()
    }
}
