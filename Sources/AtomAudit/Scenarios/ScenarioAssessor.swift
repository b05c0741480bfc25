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
        let value = calculator.value(of: signpost.measure)
        let threshold: Double
        let description: String
        switch signpost.threshold {
        case .number(let number):
            threshold = number
            description = "\(signpost.comparison.symbol) \(SignpostReading.format(number, unit: signpost.measure.indicator.unit))"
        case .origin(let origin):
            threshold = calculator.value(of: signpost.measure.forOrigin(origin))
            description = "\(signpost.comparison.symbol) \(origin.code) (\(SignpostReading.format(threshold, unit: signpost.measure.indicator.unit)))"
        }
        return SignpostReading(signpost: signpost, value: value, threshold: threshold,
                               thresholdDescription: description, met: signpost.comparison.holds(value, threshold))
    }
}

public struct SignpostReading: Sendable, Hashable {
    public var signpost: Signpost
    public var value: Double
    public var threshold: Double
    /// "> US (12)" or "= 0".
    public var thresholdDescription: String
    public var met: Bool

    public var formattedValue: String { Self.format(value, unit: signpost.measure.indicator.unit) }

    static func format(_ value: Double, unit: Indicator.Unit) -> String {
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
    /// Met signposts as a fraction of all; 0 for a scenario without signposts.
    public var support: Double { readings.isEmpty ? 0 : Double(metCount) / Double(readings.count) }
}

public struct ScenarioOutlook: Sendable, Hashable {
    public var assessments: [ScenarioAssessment]

    /// The scenario with the largest share of met signposts (ties go to the lower
    /// order); nil when no signpost is met anywhere.
    public var leading: ScenarioAssessment? {
        let best = assessments.max { a, b in
            a.support != b.support ? a.support < b.support : (a.scenario.order, a.scenario.id) > (b.scenario.order, b.scenario.id)
        }
        return (best?.metCount ?? 0) > 0 ? best : nil
    }

    /// One paragraph: which future the evidence points toward, and why.
    public var explanation: String {
        guard let leading else {
            return "No scenario has a signpost met yet, so the evidence does not point toward any of them."
        }
        let others = assessments.filter { $0.scenario.id != leading.scenario.id }
            .map { "\($0.scenario.title): \($0.metCount) of \($0.readings.count)" }
        let tie = assessments.filter { $0.scenario.id != leading.scenario.id && $0.support == leading.support }
        var text = "The evidence points toward \(leading.scenario.title.lowercasedFirst), with \(leading.metCount) of \(leading.readings.count) signposts met"
        if !others.isEmpty { text += " (\(others.joined(separator: "; ")))" }
        text += "."
        if !tie.isEmpty {
            text += " It is tied with \(tie.map(\.scenario.title).joined(separator: " and ")) and leads by scenario order only."
        }
        return text
    }
}

extension String {
    /// "Continued divergence" → "continued divergence", leaving acronyms ("US ...") alone.
    var lowercasedFirst: String {
        guard let first = first, !(dropFirst().first?.isUppercase ?? false) else { return self }
        return first.lowercased() + dropFirst()
    }
}
