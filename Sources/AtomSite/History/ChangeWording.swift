import AtomAudit

/// Changes in plain words, for readers rather than reviewers: rubric labels instead of
/// level ids ("Data: Undisclosed → Described"), names instead of file names. The
/// scorecards, the changes page and the feed all say a change the same way.
enum ChangeWording {
    /// What a commit did to one model, one phrase each: "added (Open weights, 43
    /// points)", "renamed from acme-7b", "data: Undisclosed → Described", "43 → 49 points".
    static func phrases(_ change: ModelChange) -> [String] {
        switch change.kind {
        case .added:
            return ["added" + (change.after.map { " (\($0.tier.label), \(points($0.points)))" } ?? "")]
        case .removed:
            return ["removed" + (change.before.map { " (was \($0.tier.label), \(points($0.points)))" } ?? "")]
        case .renamed:
            return ["renamed from \(change.previousID ?? "another id")"] + facets(change)
        case .changed:
            return facets(change)
        }
    }

    /// The tier first (what readers look for), then each axis whose level moved, the
    /// license, and the points.
    static func facets(_ change: ModelChange) -> [String] {
        var facets: [String] = []
        if let tier = change.tier { facets.append("tier \(tier.from.label) → \(tier.to.label)") }
        for level in change.levels where level.axis != .license {
            facets.append("\(level.axis.displayName.lowercased()): \(level.from.label) → \(level.to.label)")
        }
        // The license axis follows from the license: one phrase says both.
        let level = change.levels.first { $0.axis == .license }.map { "\($0.from.label) → \($0.to.label)" }
        if let license = change.license {
            facets.append("license \(license.from ?? "none") → \(license.to ?? "none")" + (level.map { " (\($0))" } ?? ""))
        } else if let level {
            facets.append("license level \(level)")
        }
        if let change = change.points { facets.append("\(change.from) → \(points(change.to))") }
        return facets
    }

    /// Whether the changes page lists the change by name: additions, removals, renames and
    /// tier or license changes. Other re-scorings are only counted there (a new rubric
    /// re-scores every model); each scorecard lists all of its own.
    static func isNotable(_ change: ModelChange) -> Bool {
        change.kind != .changed || change.tier != nil || change.license != nil
    }

    /// The model's name as the change knows it (after the commit, or before a removal).
    static func name(_ change: ModelChange) -> String {
        change.after?.name ?? change.before?.name ?? change.model
    }

    static func rubric(_ change: RubricChange) -> String {
        change.from.map { "rubric version \($0) → \(change.to): every model is scored again" } ?? "rubric version \(change.to), in use from this commit on"
    }

    /// "met → not met (value 1; threshold exactly 0)".
    static func signpost(_ change: SignpostChange) -> String {
        func state(_ met: Bool, _ noData: Bool) -> String { noData ? "no data" : met ? "met" : "not met" }
        // Without figures there is no value to show, and "value No data" says it twice.
        let reading = change.noDataAfter ? "" : " (value \(change.value); threshold \(change.threshold))"
        switch (change.metBefore, change.metAfter) {
        case let (before?, after?): return "\(state(before, change.noDataBefore)) → \(state(after, change.noDataAfter))\(reading)"
        case let (nil, after?): return "tracked from here: \(change.noDataAfter ? "no data yet" : state(after, false))\(reading)"
        case let (before?, nil): return "no longer tracked (was \(state(before, change.noDataBefore)))"
        case (nil, nil): return "changed"
        }
    }

    /// "2 models added, 1 tier change, rubric 1.1": a whole commit in a line, for feed titles.
    static func summary(_ event: HistoryEvent) -> String {
        var parts: [String] = []
        if let rubric = event.rubric { parts.append("rubric \(rubric.to)") }
        for (kind, word) in [(ModelChange.Kind.added, "added"), (.removed, "removed"), (.renamed, "renamed")] {
            let count = event.models.countInPlace { $0.kind == kind }
            if count > 0 { parts.append("\(NumberFormat.plural(count, "model")) \(word)") }
        }
        let tiers = event.models.countInPlace { $0.kind != .added && $0.tier != nil }
        if tiers > 0 { parts.append(NumberFormat.plural(tiers, "tier change")) }
        let rescored = event.models.countInPlace { $0.kind == .changed && $0.tier == nil }
        if rescored > 0 { parts.append("\(NumberFormat.plural(rescored, "model")) re-scored") }
        if !event.signposts.isEmpty { parts.append("\(NumberFormat.plural(event.signposts.count, "signpost")) turned") }
        return parts.isEmpty ? "no change" : parts.joined(separator: ", ")
    }

    static func points(_ count: Int) -> String { NumberFormat.plural(count, "point") }
}
