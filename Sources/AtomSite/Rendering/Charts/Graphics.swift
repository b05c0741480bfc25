import AtomAudit
import AtomIO

/// The site's charts as SVG documents.
public struct RenderedCharts: Sendable, Hashable {
    public init(tiersByOrigin: String = "", pointsOverTime: String = "", axisHeatMap: String = "", summaries: [String] = ["", "", ""]) {
        self.tiersByOrigin = tiersByOrigin
        self.pointsOverTime = pointsOverTime
        self.axisHeatMap = axisHeatMap
        self.summaries = summaries
    }

    public var tiersByOrigin = ""
    public var pointsOverTime = ""
    public var axisHeatMap = ""
    /// Each chart's text alternative, for pages that link to the file instead.
    public var summaries: [String] = ["", "", ""]

    /// Where each chart is published, in the order of `summaries`.
    static let files: [(id: String, title: String, path: String)] = [
        ("tiers-by-origin", "Tiers by origin", "charts/tiers-by-origin.svg"),
        ("points-over-time", "Points against release date", "charts/points-over-time.svg"),
        ("axis-heat-map", "Every model's four axis levels", "charts/axis-heat-map.svg"),
    ]

    /// The chart files.
    var outputFiles: [OutputFile] {
        zip(Self.files, [tiersByOrigin, pointsOverTime, axisHeatMap]).map { OutputFile(path: $0.path, text: $1) }
    }
}

/// Maps the site model onto the chart and badge renderers: which rows, series and
/// colours each picture has, and the files they are published as.
struct Graphics {
    let siteData: SiteData

    /// The three charts, each drawn once.
    func charts() -> RenderedCharts {
        let summaries = [tiersDescription, scatterDescription, heatMapDescription]
        let drawn = [0, 1, 2].parallelMap { index -> String in
            switch index {
            case 0: tiersByOrigin(id: "tiers-by-origin", description: summaries[0])
            case 1: pointsOverTime(id: "points-over-time", description: summaries[1])
            default: axisHeatMap(id: "axis-heat-map", description: summaries[2])
            }
        }
        return RenderedCharts(tiersByOrigin: drawn[0], pointsOverTime: drawn[1], axisHeatMap: drawn[2], summaries: summaries)
    }

    // MARK: Charts

    func tiersByOrigin(id: String, description: String) -> String {
        let tiers = siteData.rubric.tiers
        let series = tiers.map { ChartSeries(id: $0.id, label: $0.label, color: TierStyle.color(for: $0.id)) }
        let rows = siteData.origins.map { summary in
            StackedBarChart.Row(label: summary.origin.name, values: tiers.map { summary.tierCounts[$0.id] ?? 0 })
        }
        return StackedBarChart(
            title: "Tiers by origin", description: description,
            xAxisLabel: "Models", yAxisLabel: "Origin", series: series, rows: rows
        ).svg(id: id)
    }

    /// Origin groups for the scatter chart: the two countries the policy question is
    /// about, then everyone else.
    static let scatterGroups: [(code: String?, label: String)] = [("US", "United States"), ("CN", "China"), (nil, "Other origins")]

    func pointsOverTime(id: String, description: String) -> String {
        let series = Self.scatterGroups.enumerated().map { index, group in
            ChartSeries(id: group.code?.lowercased() ?? "other", label: group.label, color: TierStyle.originColors[index])
        }
        let points = siteData.cards.compactMap { card -> ScatterChart.Point? in
            guard let released = card.manifest.released else { return nil }
            let group = Self.scatterGroups.firstIndex { $0.code == card.manifest.origin.code } ?? Self.scatterGroups.count - 1
            return ScatterChart.Point(x: Double(released.dayNumber), y: Double(card.points), seriesIndex: group, label: card.manifest.name)
        }
        return ScatterChart(
            title: "Points against release date",
            description: description,
            xAxisLabel: "Release date", yAxisLabel: "Points", series: series, points: points,
            yMax: Double(siteData.rubric.maxPoints)
        ).svg(id: id)
    }

    func axisHeatMap(id: String, description: String) -> String {
        let axes = siteData.rubric.axes
        let rows = siteData.cards.map { card in
            HeatMapChart.Row(label: card.manifest.name, cells: card.axes.map { score in
                HeatMapChart.Cell(rank: score.level.rank,
                                  maxRank: siteData.axisMaxRanks[Axis.allCases.firstIndex(of: score.axis) ?? 0],
                                  text: score.level.label)
            })
        }
        return HeatMapChart(
            title: "Every model's four axis levels",
            description: description,
            columns: axes.map(\.label), rows: rows
        ).svg(id: id)
    }

    // MARK: Text alternatives

    var tiersDescription: String {
        let tiers = siteData.rubric.tiers
        let origins = siteData.origins.map { summary in
            let parts = tiers.compactMap { tier -> String? in
                let count = summary.tierCounts[tier.id] ?? 0
                return count > 0 ? "\(count) \(tier.label.lowercased())" : nil
            }
            return "\(summary.origin.name): \(summary.models) (\(parts.joined(separator: ", ")))"
        }
        return "Models per tier for each origin. \(origins.joined(separator: "; "))."
    }

    var scatterDescription: String {
        let dated = siteData.cards.countInPlace { $0.manifest.released != nil }
        let groups = Self.scatterGroups.map { group -> String in
            let members = siteData.cards.indicesInPlace { card in
                card.manifest.released != nil && (group.code.map { $0 == card.manifest.origin.code }
                    ?? !Self.scatterGroups.contains { $0.code == card.manifest.origin.code })
            }
            let median = OriginSummary.median(members.map { Double(siteData.cards[$0].points) })
            return "\(group.label): \(members.count) models, median \(NumberFormat.compact(median)) points"
        }
        return "Total points (0 to \(siteData.rubric.maxPoints)) of \(dated) models against their release date, grouped by origin (\(groups.joined(separator: "; "))); \(siteData.cards.count - dated) models without a recorded release date are not shown."
    }

    var heatMapDescription: String {
        let axes = siteData.rubric.axes.map(\.label).joined(separator: ", ")
        // One pass, each card read once.
        var tops = [Int](repeating: 0, count: siteData.rubric.axes.count)
        for card in siteData.cards {
            for (position, axis) in siteData.rubric.axes.enumerated() where card.axis(axis.axis)?.isTop == true { tops[position] += 1 }
        }
        let top = zip(siteData.rubric.axes, tops).map { axis, count in "\(axis.label.lowercased()) \(count)" }.joined(separator: ", ")
        return "One row per model in leaderboard order, one column per axis (\(axes)); darker cells are higher levels and every cell names its level. Models at the top level of each axis: \(top)."
    }

    // MARK: Badges

    func badge(for card: Scorecard) -> String {
        Badge(label: "ATOM openness", message: "\(card.tier.label) · \(card.points)/\(card.maxPoints)",
              color: TierStyle.color(for: card.tier.id)).svg()
    }
}
