import AtomAudit
import AtomSite

/// A score diff as a pull-request comment: short when little changed, complete when much did.
struct DiffMarkdown {
    let diff: AuditDiff
    let base: String
    let head: String

    var text: String {
        var lines = ["## atom-audit: what this change does to the scores", ""]
        lines.append("Comparing `\(code(base))` → `\(code(head))`.")
        lines.append("")
        guard !diff.isEmpty else {
            lines.append("No model, score or scenario signpost changed.")
            return lines.joined(separator: "\n") + "\n"
        }
        var counts = ["\(diff.added.count) added", "\(diff.removed.count) removed", "\(diff.rescored.count) re-scored"]
        if !diff.editedOnly.isEmpty { counts.append("\(diff.editedOnly.count) edited without a score change") }
        counts.append("\(plural(diff.flips.count, "signpost")) flipped")
        lines.append("**" + counts.joined(separator: " · ") + "**")
        if diff.rubricVersion.before != diff.rubricVersion.after {
            lines.append("")
            lines.append("Rubric version \(diff.rubricVersion.before ?? "none") → \(diff.rubricVersion.after ?? "none"): every score may move.")
        }
        if !diff.added.isEmpty { lines += section("Added", cards: diff.added) }
        if !diff.removed.isEmpty { lines += section("Removed", cards: diff.removed) }
        if !diff.rescored.isEmpty { lines += rescored() }
        if !diff.editedOnly.isEmpty {
            lines += ["", "### Edited without a score change", ""]
            lines += diff.editedOnly.map { "- \(escape($0.after.manifest.name)) (`\(code($0.after.manifest.path))`)" }
        }
        lines += headline()
        lines += flips()
        return lines.joined(separator: "\n") + "\n"
    }

    private func section(_ title: String, cards: [Scorecard]) -> [String] {
        var lines = ["", "### \(title)", "", "| Model | Origin | Tier | Points | Weights | Data | Code | License |", "| --- | --- | --- | ---: | --- | --- | --- | --- |"]
        for card in cards {
            let levels = card.axes.map { escape($0.level.label) }.joined(separator: " | ")
            lines.append("| \(escape(card.manifest.name)) | \(card.manifest.origin.code) | \(escape(card.tier.label)) | \(card.points) | \(levels) |")
        }
        return lines
    }

    private func rescored() -> [String] {
        var lines = ["", "### Re-scored", "", "| Model | Tier | Points | Weights | Data | Code | License |", "| --- | --- | ---: | --- | --- | --- | --- |"]
        for change in diff.rescored {
            let (a, b) = (change.before, change.after)
            let tier = change.tierChanged ? "\(escape(a.tier.label)) → **\(escape(b.tier.label))**" : escape(b.tier.label)
            let delta = b.points - a.points
            let points = a.points == b.points ? "\(b.points)" : "\(a.points) → \(b.points) (\(delta > 0 ? "+" : "")\(delta))"
            let levels = Axis.allCases.map { axis -> String in
                let old = a.axis(axis)?.level.label ?? "–", new = b.axis(axis)?.level.label ?? "–"
                return old == new ? escape(new) : "**\(escape(old)) → \(escape(new))**"
            }.joined(separator: " | ")
            lines.append("| \(escape(b.manifest.name)) | \(tier) | \(points) | \(levels) |")
        }
        return lines
    }

    private func headline() -> [String] {
        let changed = diff.headline.filter(\.changed)
        var lines = ["", "### Headline numbers", ""]
        guard !changed.isEmpty else { return lines + ["No headline number changed."] }
        lines += ["| Measure | Before | After |", "| --- | ---: | ---: |"]
        lines += changed.map { "| \(escape($0.measure)) | \($0.before) | \($0.after) |" }
        return lines
    }

    private func flips() -> [String] {
        var lines = ["", "### Scenario signposts that flip", ""]
        guard !diff.flips.isEmpty else { return lines + ["No signpost flips."] }
        for flip in diff.flips {
            let verdict = { (reading: SignpostReading) in reading.verdict.lowercased() }
            let before = flip.before.thresholdDescription, after = flip.after.thresholdDescription
            let threshold = before == after ? escape(after) : "\(escape(before)) → \(escape(after))"
            lines.append("- **\(escape(flip.scenario))**: \(escape(flip.signpost)) — \(verdict(flip.before)) → **\(verdict(flip.after))** (value \(flip.before.formattedValue) → \(flip.after.formattedValue); threshold \(threshold))")
        }
        return lines
    }

    private func escape(_ text: String) -> String { MarkdownEscaper.escape(text) }

    /// Text inside a code span: backticks would end it early, and a line break (a file
    /// or revision name can hold one) could end the paragraph and start a block.
    private func code(_ text: String) -> String { shown(text).replacingOccurrences(of: "`", with: "'") }
}
