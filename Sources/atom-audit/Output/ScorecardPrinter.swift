import AtomAudit

/// A scorecard laid out for a terminal. Every line is escaped as a whole: manifest
/// values may hold line breaks, which would otherwise print as lines of their own.
struct ScorecardPrinter {
    func format(_ card: Scorecard) -> String {
        let m = card.manifest
        var lines: [String] = []
        lines.append("\(m.name) — \(m.developer) (\(m.origin.code), \(m.origin.name))")
        var facts: [String] = []
        if let released = m.released { facts.append("released \(released)") }
        if let parameters = m.parameters { facts.append("\(parameters.text) parameters") }
        facts.append("assessed \(m.assessed)")
        lines.append(facts.joined(separator: " · "))
        lines.append("")
        lines.append("Tier: \(card.tier.label)   Points: \(card.points)/\(card.maxPoints)   (rubric \(card.rubricVersion))")
        lines.append("")
        for axis in card.axes {
            let label = axis.axis.displayName.padding(toLength: 8, withPad: " ", startingAt: 0)
            lines.append("  \(label) \(axis.level.label) (\(axis.level.points)/\(axis.maxPoints))")
            lines.append("           \(axis.reason)")
            for url in axis.evidence { lines.append("           evidence: \(url)") }
        }
        lines.append("")
        lines.append("Why: \(card.tierReason)")
        if let gap = card.nextTier {
            lines.append("Next tier, \(gap.tier.label), needs: " + gap.shortfalls.map(\.summary).joined(separator: "; ") + ".")
        } else {
            lines.append("This is the top tier.")
        }
        return lines.map(shown).joined(separator: "\n")
    }
}
