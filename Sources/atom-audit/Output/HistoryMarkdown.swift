import AtomAudit
import AtomSite

/// The history as Markdown: newest first, one section per commit
/// ("2026-11-25 · abc1234 · subject"), one line per model, signpost or rubric change.
struct HistoryMarkdown {
    let history: ContentHistory
    let contentPath: String
    /// The model the history was filtered to, if any.
    let model: String?

    var text: String {
        var lines = [model.map { "# History of `\(code($0))`" } ?? "# Content history", ""]
        lines.append(summary)
        for section in sections {
            lines += ["", "## \(section.commit.date) · \(section.commit.shortID) · \(escape(section.commit.subject))", ""]
            lines += section.lines
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private var summary: String {
        let changed = history.events.count, skipped = history.skipped.count
        var text = "\(plural(history.commitCount, "commit")) touched `\(code(contentPath))`; "
        text += model == nil ? "\(changed) changed a score, a signpost or the rubric" : "\(changed) changed this model"
        if skipped > 0 { text += "; \(skipped) could not be audited (content with errors) and \(skipped == 1 ? "is" : "are") skipped" }
        return text + "."
    }

    private struct Section {
        var commit: HistoryCommit
        var sequence: Int
        var lines: [String]
    }

    /// Audited and skipped commits in one timeline, newest first.
    private var sections: [Section] {
        let sections = history.events.map { Section(commit: $0.commit, sequence: $0.sequence, lines: lines(for: $0)) }
            + history.skipped.map { Section(commit: $0.commit, sequence: $0.sequence, lines: lines(for: $0)) }
        return sections.sorted { $0.sequence > $1.sequence }
    }

    private func lines(for event: HistoryEvent) -> [String] {
        var lines: [String] = []
        if let rubric = event.rubric {
            lines.append(rubric.from.map { "- rubric \(escape($0)) → \(escape(rubric.to)): every model is scored again" } ?? "- rubric \(escape(rubric.to))")
        }
        lines += event.models.map { "- " + line(for: $0) }
        lines += event.signposts.map { "- " + line(for: $0) }
        return lines
    }

    private func line(for change: ModelChange) -> String {
        switch change.kind {
        case .added:
            return "\(change.model): added" + (change.after.map { " (\(escape($0.tier.label)), \(plural($0.points, "point")))" } ?? "")
        case .removed:
            return "\(change.model): removed" + (change.before.map { " (was \(escape($0.tier.label)), \(plural($0.points, "point")))" } ?? "")
        case .renamed:
            return (["\(change.model): renamed from \(change.previousID ?? "?")"] + facets(change)).joined(separator: "; ")
        case .changed:
            return "\(change.model): " + facets(change).joined(separator: "; ")
        }
    }

    /// "data undisclosed → described", "license none → Apache-2.0 (proprietary → open)",
    /// "tier Open weights → Open source", "41 → 47 points".
    private func facets(_ change: ModelChange) -> [String] {
        var facets = change.levels.filter { $0.axis != .license }.map { "\($0.axis.rawValue) \($0.from.id) → \($0.to.id)" }
        // The license axis follows from the license id: one facet says both.
        let level = change.levels.first { $0.axis == .license }.map { "\($0.from.id) → \($0.to.id)" }
        if let license = change.license {
            facets.append("license \(escape(license.from ?? "none")) → \(escape(license.to ?? "none"))" + (level.map { " (\($0))" } ?? ""))
        } else if let level {
            facets.append("license level \(level)")
        }
        if let tier = change.tier { facets.append("tier \(escape(tier.from.label)) → \(escape(tier.to.label))") }
        if let points = change.points { facets.append("\(points.from) → \(points.to) points") }
        return facets
    }

    private func line(for change: SignpostChange) -> String {
        let signpost = "signpost “\(escape(change.signpost))” (\(escape(change.scenarioTitle)))"
        let reading = "value \(escape(change.value)); threshold \(escape(change.threshold))"
        func state(_ met: Bool, _ noData: Bool) -> String { noData ? "no data" : met ? "met" : "not met" }
        switch (change.metBefore, change.metAfter) {
        case let (before?, after?): return "\(signpost): \(state(before, change.noDataBefore)) → **\(state(after, change.noDataAfter))** (\(reading))"
        case let (nil, after?): return "\(signpost): tracked from here, \(state(after, change.noDataAfter)) (\(reading))"
        case let (before?, nil): return "\(signpost): no longer tracked (was \(state(before, change.noDataBefore)))"
        case (nil, nil): return signpost
        }
    }

    private func lines(for skipped: SkippedCommit) -> [String] {
        var lines = ["- not audited: the content has \(plural(skipped.problems.count, "error")), so this commit is skipped and the next one is compared with the last good one"]
        let printer = DiagnosticPrinter()
        lines += skipped.problems.map { "  - `\(code(printer.text($0).replacingOccurrences(of: "\n", with: " ")))`" }
        return lines
    }

    private func escape(_ text: String) -> String { MarkdownEscaper.escape(text) }

    /// Text inside a code span: a backtick would end it early.
    private func code(_ text: String) -> String { text.replacingOccurrences(of: "`", with: "'") }
}
