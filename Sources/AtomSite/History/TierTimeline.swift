import AtomAudit

/// "Tiers by origin over time": the history's tier census, as a chart (SVG), its text
/// alternative and the CSV of its numbers. Drawn once per build, for the changes page,
/// the charts page and the files `charts/tiers-over-time.{svg,csv}`.
struct TierTimeline: Sendable {
    static let id = "tiers-over-time"
    static let title = "Tiers by origin over time"
    static let svgPath = "charts/tiers-over-time.svg"
    static let csvPath = "charts/tiers-over-time.csv"

    let svg: String
    let summary: String
    let csv: String

    /// The panels: the two origins the policy question is about, then everyone else.
    private struct Group {
        var code: String
        var label: String
        /// nil: every origin not named by another group.
        var origins: Set<String>?
    }

    /// nil when there is no history to draw: no audited commit, or all of them from one day
    /// (a chart over time with a single point in time shows no change, only an empty axis).
    init?(siteData: SiteData) {
        guard let history = siteData.history.content, Self.spansTwoDays(history) else { return nil }
        let census = history.census.sorted { ($0.commit.date, $0.sequence) < ($1.commit.date, $1.sequence) }
        let tiers = siteData.rubric.tiers
        let named: Set<String> = ["US", "CN"]
        var groups = [Group(code: "US", label: "United States", origins: ["US"]), Group(code: "CN", label: "China", origins: ["CN"])]
        if census.contains(where: { $0.counts.contains { !named.contains($0.origin) } }) {
            groups.append(Group(code: "other", label: "Other origins", origins: nil))
        }
        func values(_ point: TierCensus, _ group: Group) -> [Int] {
            tiers.map { tier in
                group.origins.map { point.count(tier: tier.id, origins: $0) }
                    ?? point.counts.reduce(0) { $1.tier == tier.id && !named.contains($1.origin) ? $0 + $1.count : $0 }
            }
        }
        let asOf = siteData.asOf
        // The text alternative tells days, as the chart draws them: a day's last commit counts.
        let days = Dictionary(grouping: census, by: \.commit.date).compactMap { $0.value.last }.sorted { $0.commit.date < $1.commit.date }
        summary = Self.describe(days: days, groups: groups.map { group in (group.label, days.map { values($0, group) }) },
                                tiers: tiers, commits: history.commitCount, asOf: asOf)
        let chart = TierTimelineChart(
            title: Self.title, description: summary,
            series: tiers.map { ChartSeries(id: $0.id, label: $0.label, color: TierStyle.color(for: $0.id)) },
            panels: groups.map { group in
                TierTimelineChart.Panel(label: group.label, points: census.map { .init(day: $0.commit.date.dayNumber, values: values($0, group)) })
            },
            endDay: max(asOf.dayNumber, census.last?.commit.date.dayNumber ?? asOf.dayNumber))
        svg = chart.svg(id: Self.id)

        var rows = [["date", "commit", "origin"] + tiers.map(\.id) + ["total", "as_of"]]
        for point in census {
            for group in groups {
                let counts = values(point, group)
                rows.append([point.commit.date.description, point.commit.id, group.code] + counts.map(String.init)
                            + [String(counts.reduce(0, +)), asOf.description])
            }
        }
        csv = DataExporter.csv(rows)
    }

    static func spansTwoDays(_ history: ContentHistory) -> Bool {
        guard let first = history.census.first?.commit.date else { return false }
        return history.census.contains { $0.commit.date != first }
    }

    /// Why there is no chart, for a history that has none: a sentence for the pages.
    static func absence(_ history: ContentHistory) -> String {
        guard let day = history.census.first?.commit.date else { return "No audited commit to draw yet." }
        return "Every audited commit so far is from one day, \(day): the chart of change over time appears once the history spans two days or more."
    }

    /// The text alternative: the span, then each group's first and latest counts.
    private static func describe(days: [TierCensus], groups: [(label: String, values: [[Int]])], tiers: [Tier],
                                 commits: Int, asOf: CalendarDate) -> String {
        guard let first = days.first, let last = days.last else { return "" }
        let parts = groups.map { group -> String in
            let start = group.values.first?.reduce(0, +) ?? 0, latest = group.values.last ?? []
            let breakdown = zip(tiers, latest).compactMap { tier, count in count > 0 ? "\(count) \(tier.label.lowercased())" : nil }
            var text = "\(group.label): "
            if days.count > 1 { text += "\(NumberFormat.plural(start, "model")) on \(first.commit.date), " }
            text += "\(NumberFormat.plural(latest.reduce(0, +), "model")) on \(last.commit.date)"
            return text + (breakdown.isEmpty ? "" : " (\(breakdown.joined(separator: ", ")))")
        }
        return "Models in each tier over time, by origin, from the content's history (\(NumberFormat.plural(commits, "commit")) read, data as of \(asOf)). "
            + parts.joined(separator: "; ") + "."
    }
}
