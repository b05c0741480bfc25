/// Compares two audits of the content (e.g. a pull request's base and head).
public struct AuditComparer: Sendable {
    /// The day rolling signpost windows end on, the same for both sides.
    public var asOf: CalendarDate

    public init(asOf: CalendarDate) { self.asOf = asOf }

    public func compare(base: AuditReport, head: AuditReport) -> AuditDiff {
        let before = Dictionary(uniqueKeysWithValues: base.scorecards.map { ($0.id, $0) })
        let after = Dictionary(uniqueKeysWithValues: head.scorecards.map { ($0.id, $0) })
        let added = head.scorecards.filter { before[$0.id] == nil }
        let removed = base.scorecards.filter { after[$0.id] == nil }
        var rescored: [ScoreChange] = [], edited: [ScoreChange] = []
        for card in head.scorecards {
            guard let old = before[card.id] else { continue }
            let change = ScoreChange(before: old, after: card)
            if Self.scoreDiffers(old, card) { rescored.append(change) }
            else if Self.factsDiffer(old.manifest, card.manifest) { edited.append(change) }
        }
        return AuditDiff(
            added: added, removed: removed, rescored: rescored, editedOnly: edited,
            headline: headline(base, head), flips: flips(base, head),
            rubricVersion: (base.rubric?.version, head.rubric?.version))
    }

    static func scoreDiffers(_ a: Scorecard, _ b: Scorecard) -> Bool {
        a.points != b.points || a.tier.id != b.tier.id || a.axes.map(\.level.id) != b.axes.map(\.level.id)
    }

    /// Positions change whenever lines move, so they do not count as an edit.
    static func factsDiffer(_ a: Manifest, _ b: Manifest) -> Bool {
        var a = a, b = b
        a.positions = [:]
        b.positions = [:]
        a.path = b.path
        return a != b
    }

    // MARK: Headline numbers

    /// The numbers the site opens with, for all models and for each origin that either
    /// side has, US and China first.
    func headline(_ base: AuditReport, _ head: AuditReport) -> [HeadlineChange] {
        let origins = Set(base.scorecards.map(\.manifest.origin) + head.scorecards.map(\.manifest.origin))
        let ordered = [CountryCode("US"), CountryCode("CN")].compactMap { $0 }.filter(origins.contains)
            + origins.filter { $0.code != "US" && $0.code != "CN" }.sorted()
        var changes: [HeadlineChange] = []
        for (label, origin) in [("all origins", nil as CountryCode?)] + ordered.map({ ($0.name, $0) }) {
            let a = Self.figures(base, origin: origin), b = Self.figures(head, origin: origin)
            for (measure, old, new) in zip3(Self.measureNames, a, b) {
                changes.append(HeadlineChange(measure: "\(measure), \(label)", before: old, after: new))
            }
        }
        return changes
    }

    static let measureNames = ["Models", "Truly open", "Open source or better", "Open weights or better", "Median points"]

    static func figures(_ report: AuditReport, origin: CountryCode?) -> [String] {
        let cards = report.scorecards.filter { origin == nil || $0.manifest.origin == origin }
        func atLeast(_ tierID: String) -> String {
            guard let tier = report.rubric?.tier(tierID) else { return "–" }
            return String(cards.filter { $0.tier.rank <= tier.rank }.count)
        }
        let median = IndicatorCalculator.median(cards.map { Double($0.points) })
        return [String(cards.count), atLeast("truly-open"), atLeast("open-source"), atLeast("open-weights"),
                SignpostReading.format(median, unit: .points)]
    }

    // MARK: Signposts

    func flips(_ base: AuditReport, _ head: AuditReport) -> [SignpostFlip] {
        guard let baseRubric = base.rubric, let headRubric = head.rubric else { return [] }
        let before = ScenarioAssessor(calculator: IndicatorCalculator(scorecards: base.scorecards, rubric: baseRubric, asOf: asOf)).assess(base.scenarios)
        let after = ScenarioAssessor(calculator: IndicatorCalculator(scorecards: head.scorecards, rubric: headRubric, asOf: asOf)).assess(head.scenarios)
        var flips: [SignpostFlip] = []
        for assessment in after.assessments {
            guard let old = before.assessments.first(where: { $0.scenario.id == assessment.scenario.id }) else { continue }
            for reading in assessment.readings {
                // Signposts are matched by their text: reordering them is not a flip. Gaining or
                // losing data is one ("No data" → "Not met"): the signpost starts or stops counting.
                guard let previous = old.readings.first(where: { $0.signpost.text == reading.signpost.text }),
                      previous.verdict != reading.verdict else { continue }
                flips.append(SignpostFlip(scenario: assessment.scenario.title, signpost: reading.signpost.text,
                                          before: previous, after: reading))
            }
        }
        return flips
    }
}

private func zip3<A, B, C>(_ a: [A], _ b: [B], _ c: [C]) -> [(A, B, C)] {
    zip(a, zip(b, c)).map { ($0, $1.0, $1.1) }
}
