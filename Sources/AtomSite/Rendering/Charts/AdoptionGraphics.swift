import AtomAudit

/// Maps the adoption sums onto the chart renderers: the adoption page's three charts and a
/// scorecard's cumulative downloads. Every text alternative says how many models the
/// numbers cover, since most models have no figure yet.
struct AdoptionGraphics {
    let siteData: SiteData
    var adoption: AdoptionSummary { siteData.adoption }

    func charts() -> AdoptionCharts {
        let files = AdoptionCharts.files
        let summaries = [overTimeDescription, byOriginAndTierDescription, shareDescription]
        return AdoptionCharts(byOriginOverTime: overTime(id: files[0].id, description: summaries[0]),
                              byOriginAndTier: byOriginAndTier(id: files[1].id, description: summaries[1]),
                              shareByTier: shareByTier(id: files[2].id, description: summaries[2]), summaries: summaries)
    }

    var groups: [(origin: CountryCode?, label: String)] { adoption.groups }

    private func groupSeries(_ index: Int, _ label: String, origin: CountryCode?) -> ChartSeries {
        let colors = TierStyle.originColors
        // "Other origins" is always the last, grey colour.
        let color = origin == nil ? colors[colors.count - 1] : colors[index % (colors.count - 1)]
        return ChartSeries(id: origin?.code.lowercased() ?? "other", label: label, color: color)
    }

    private var tierSeries: [ChartSeries] {
        siteData.rubric.tiers.map { ChartSeries(id: $0.id, label: $0.label, color: TierStyle.color(for: $0.id)) }
    }

    private func total(_ totals: AdoptionTally.DatedTotals, origin: CountryCode?) -> DownloadTotal {
        adoption.total(totals, origin: origin)
    }

    // MARK: Charts

    func overTime(id: String, description: String) -> String {
        let lines = groups.enumerated().map { index, group in
            LineChart.Line(series: groupSeries(index, group.label, origin: group.origin), points: adoption.overTime.compactMap { totals in
                let sum = total(totals, origin: group.origin)
                guard sum.hasData else { return nil }
                return LineChart.Point(day: totals.date.dayNumber, value: sum.downloads, note: "figures for \(NumberFormat.plural(sum.models, "model"))")
            })
        }
        return LineChart(title: AdoptionCharts.files[0].title, description: description, xAxisLabel: "Snapshot date",
                         yAxisLabel: "Downloads", lines: lines).svg(id: id)
    }

    func byOriginAndTier(id: String, description: String) -> String {
        let tiers = siteData.rubric.tiers
        let rows = groups.map { group in
            let totals = adoption.tierTotals(origin: group.origin, other: group.origin == nil)
            return StackedBarChart.Row(label: group.label, values: tiers.map { totals[$0.id]?.downloads ?? 0 })
        }
        var chart = StackedBarChart(title: AdoptionCharts.files[1].title, description: description, xAxisLabel: "All-time downloads",
                                    yAxisLabel: "Origin", series: tierSeries, rows: rows, format: .downloads)
        chart.placeholder = LineChart.emptyMessage
        return chart.svg(id: id)
    }

    func shareByTier(id: String, description: String) -> String {
        let tiers = siteData.rubric.tiers
        let everyone: [(origin: CountryCode?, label: String, all: Bool)] = adoption.hasFigures ? [(nil, "All origins", true)] : []
        let rows = (everyone + groups.map { ($0.origin, $0.label, false) }).map { group in
            let totals = adoption.tierTotals(origin: group.origin, other: group.origin == nil && !group.all)
            return StackedBarChart.Row(label: group.label, values: Self.hundredthsOfPercent(tiers.map { totals[$0.id]?.downloads ?? 0 }))
        }
        var chart = StackedBarChart(title: AdoptionCharts.files[2].title, description: description, xAxisLabel: "Share of downloads",
                                    yAxisLabel: "", series: tierSeries, rows: rows, format: .share)
        chart.placeholder = LineChart.emptyMessage
        return chart.svg(id: id)
    }

    /// Shares in hundredths of a percent adding up to exactly 10,000 (largest remainders get
    /// the rounding), so a 100% bar ends at 100%; all zeros when nothing was downloaded.
    static func hundredthsOfPercent(_ values: [Int]) -> [Int] {
        let total = values.reduce(0.0) { $0 + Double(max($1, 0)) }
        guard total > 0 else { return values.map { _ in 0 } }
        let exact = values.map { Double(max($0, 0)) * 10_000 / total }
        var result = exact.map { Int($0.rounded(.down)) }
        var remaining = 10_000 - result.reduce(0, +)
        let byRemainder = exact.indices.sorted { (exact[$0] - Double(result[$0]), $1) > (exact[$1] - Double(result[$1]), $0) }
        for index in byRemainder where remaining > 0 {
            result[index] += 1
            remaining -= 1
        }
        return result
    }

    /// A model's cumulative downloads, when it has two figures or more to draw a line through.
    func trend(for card: Scorecard) -> (svg: String, summary: String)? {
        let figures = card.manifest.adoption?.downloadFigures ?? []
        guard figures.count >= 2, let first = figures.first, let last = figures.last else { return nil }
        let summary = "All-time downloads of \(card.manifest.name) at each of its \(figures.count) snapshots, from \(NumberFormat.grouped(first.downloads)) on \(first.date) to \(NumberFormat.grouped(last.downloads)) on \(last.date)."
        let line = LineChart.Line(series: ChartSeries(id: "downloads", label: card.manifest.name, color: TierStyle.originColors[0]),
                                  points: figures.map { LineChart.Point(day: $0.date.dayNumber, value: $0.downloads) })
        let svg = LineChart(title: "Cumulative downloads", description: summary, xAxisLabel: "", yAxisLabel: "Downloads",
                            lines: [line], compact: true).svg(id: "trend-" + card.id.rawValue)
        return (svg, summary)
    }

    // MARK: Text alternatives

    private var noFigures: String {
        "No model has a downloads figure yet (\(adoption.coverageText(adoption.all, of: adoption.modelCount))), so there is nothing to draw."
    }

    var overTimeDescription: String {
        guard let last = adoption.overTime.last else { return noFigures }
        let parts = groups.map { group -> String in
            let sum = total(last, origin: group.origin)
            return "\(group.label): \(NumberFormat.abbreviated(sum.downloads)) (\(NumberFormat.plural(sum.models, "model")))"
        }
        return "All-time downloads summed by origin at each of the \(NumberFormat.plural(adoption.overTime.count, "snapshot date")), each model counted with its newest figure on or before the date. On \(last.date), with \(adoption.coverageText(last.all, of: adoption.modelCount)): \(parts.joined(separator: "; "))."
    }

    var byOriginAndTierDescription: String {
        guard adoption.hasFigures else { return noFigures }
        let tiers = siteData.rubric.tiers
        let parts = groups.map { group -> String in
            let totals = adoption.tierTotals(origin: group.origin, other: group.origin == nil)
            let split = tiers.compactMap { tier in totals[tier.id].map { "\(tier.label.lowercased()) \(NumberFormat.abbreviated($0.downloads))" } }
            return "\(group.label): \(split.joined(separator: ", "))"
        }
        return "All-time downloads of each origin's models, split by tier (each model's newest figure; \(adoption.coverageText(adoption.all, of: adoption.modelCount))). \(parts.joined(separator: "; "))."
    }

    var shareDescription: String {
        guard adoption.hasFigures else { return noFigures }
        let parts = siteData.rubric.tiers.compactMap { tier -> String? in
            guard let total = adoption.byTier[tier.id], let share = DownloadTotal.percent(total, of: adoption.all) else { return nil }
            return "\(tier.label.lowercased()) \(NumberFormat.percent(share))"
        }
        return "The share of all-time downloads that goes to each tier, for all origins and for each origin (each model's newest figure; \(adoption.coverageText(adoption.all, of: adoption.modelCount))). All origins: \(parts.joined(separator: ", "))."
    }
}
