/// A measure in words, for readers who have never seen a signpost's YAML: "Chinese model
/// families at the Open weights tier or better, with 100B parameters or more, released in
/// the 12 months to 2026-12-06".
public struct MeasureWording: Sendable {
    public let rubric: Rubric
    public let asOf: CalendarDate

    public init(rubric: Rubric, asOf: CalendarDate) {
        self.rubric = rubric
        self.asOf = asOf
    }

    public func describe(_ measure: Measure) -> String {
        let things = measure.counting == .families ? "model families" : "models"
        let subject = measure.filter.origin.map { "\(things) from \($0.nameInSentence)" } ?? things
        let qualifier: String
        switch measure.indicator {
        case .count:
            qualifier = ""
        case .countAtLeastTier, .shareAtLeastTier:
            qualifier = " at the \(tierLabel(measure.tier)) tier or better"
        case .countAtLeastLevel, .shareAtLeastLevel:
            qualifier = " whose \(measure.axis?.displayName.lowercased() ?? "axis") is at \(levelLabel(measure)) or better"
        case .openWeightReleases:
            qualifier = " with downloadable weights"
        case .medianPoints, .bestPoints, .downloadShare:
            qualifier = ""
        case .downloadShareAtLeastTier:
            qualifier = " at the \(tierLabel(measure.tier)) tier or better"
        }
        let filters = filterPhrases(measure.filter)
        let body = subject + qualifier + (filters.isEmpty ? "" : ", " + filters.joined(separator: ", "))
        switch measure.indicator {
        case .count, .countAtLeastTier, .countAtLeastLevel, .openWeightReleases:
            return "Number of \(body)"
        case .shareAtLeastTier, .shareAtLeastLevel:
            let whole = measure.filter.origin.map { "all assessed \(things) from \($0.nameInSentence)" } ?? "all assessed \(things)"
            let condition = measure.indicator == .shareAtLeastTier ? " that are" + qualifier : qualifier
            return "Share of \(whole)\(filters.isEmpty ? "" : " (" + filters.joined(separator: ", ") + ")")\(condition)"
        case .medianPoints:
            return "Median points of \(body)"
        case .bestPoints:
            return "Highest points of any of the \(body)"
        case .downloadShare:
            return "Share of the all-time downloads of all models with figures that goes to \(body)"
        case .downloadShareAtLeastTier:
            let whole = subject + (filters.isEmpty ? "" : ", " + filters.joined(separator: ", "))
            return "Share of the all-time downloads of \(whole) (those with figures) that goes to models\(qualifier)"
        }
    }

    private func filterPhrases(_ filter: ModelFilter) -> [String] {
        var phrases: [String] = []
        if let minimum = filter.minParameters { phrases.append("with \(minimum.text) parameters or more") }
        if let window = filter.window { phrases.append(window.phrase(asOf: asOf)) }
        return phrases
    }

    private func tierLabel(_ id: String?) -> String {
        id.flatMap { rubric.tier($0)?.label } ?? id ?? "?"
    }

    private func levelLabel(_ measure: Measure) -> String {
        guard let axis = measure.axis, let level = measure.level else { return "?" }
        return "'" + (rubric.axis(axis)?.level(level)?.label ?? level) + "'"
    }
}
