import AtomAudit

/// Maps the site model onto the chart and badge renderers: which rows, series and
/// colours each picture has, and the files they are published as.
struct Graphics {
    let model: SiteModel

    static let chartFiles = [
        ("charts/tiers-by-origin.svg", "tiers-by-origin"),
        ("charts/points-over-time.svg", "points-over-time"),
        ("charts/axis-heat-map.svg", "axis-heat-map"),
    ]

    func files() -> [OutputFile] {
        var files = [
            OutputFile(path: "charts/tiers-by-origin.svg", text: tiersByOrigin(id: "tiers-by-origin")),
            OutputFile(path: "charts/points-over-time.svg", text: pointsOverTime(id: "points-over-time")),
            OutputFile(path: "charts/axis-heat-map.svg", text: axisHeatMap(id: "axis-heat-map")),
        ]
        files += model.cards.parallelMap { card in
            OutputFile(path: SitePaths.badge(card.id.rawValue), text: badge(for: card))
        }
        return files
    }

    // MARK: Charts

    func tiersByOrigin(id: String) -> String {
        let tiers = model.rubric.tiers
        let series = tiers.map { ChartSeries(id: $0.id, label: $0.label, color: TierStyle.color(for: $0.id)) }
        let rows = model.origins.map { summary in
            StackedBarChart.Row(label: summary.origin.name, values: tiers.map { summary.tierCounts[$0.id] ?? 0 })
        }
        let description = model.origins.map { summary in
            let parts = tiers.compactMap { tier -> String? in
                let count = summary.tierCounts[tier.id] ?? 0
                return count > 0 ? "\(count) \(tier.label.lowercased())" : nil
            }
            return "\(summary.origin.name): \(summary.models) (\(parts.joined(separator: ", ")))"
        }.joined(separator: "; ")
        return StackedBarChart(
            title: "Tiers by origin", description: "Models per tier for each origin. \(description).",
            xAxisLabel: "Models", yAxisLabel: "Origin", series: series, rows: rows
        ).svg(id: id)
    }

    /// Origin groups for the scatter chart: the two countries the policy question is
    /// about, then everyone else.
    static let scatterGroups: [(code: String?, label: String)] = [("US", "United States"), ("CN", "China"), (nil, "Other origins")]

    func pointsOverTime(id: String) -> String {
        let series = Self.scatterGroups.enumerated().map { index, group in
            ChartSeries(id: group.code?.lowercased() ?? "other", label: group.label, color: TierStyle.originColors[index])
        }
        let points = model.cards.compactMap { card -> ScatterChart.Point? in
            guard let released = card.manifest.released else { return nil }
            let group = Self.scatterGroups.firstIndex { $0.code == card.manifest.origin.code } ?? Self.scatterGroups.count - 1
            return ScatterChart.Point(x: Double(released.dayNumber), y: Double(card.points), seriesIndex: group, label: card.manifest.name)
        }
        let dated = points.count, undated = model.cards.count - points.count
        return ScatterChart(
            title: "Points against release date",
            description: "Total points (0 to \(model.rubric.maxPoints)) of \(dated) models against their release date, grouped by origin; \(undated) models without a recorded release date are not shown.",
            xAxisLabel: "Release date", yAxisLabel: "Points", series: series, points: points,
            yMax: Double(model.rubric.maxPoints)
        ).svg(id: id)
    }

    func axisHeatMap(id: String) -> String {
        let axes = model.rubric.axes
        let rows = model.cards.map { card in
            HeatMapChart.Row(label: card.manifest.name, cells: card.axes.map { score in
                HeatMapChart.Cell(rank: score.level.rank,
                                  maxRank: (model.rubric.axis(score.axis)?.levels.count ?? 1) - 1,
                                  text: score.level.label)
            })
        }
        return HeatMapChart(
            title: "Every model's four axis levels",
            description: "One row per model in leaderboard order, one column per axis (\(axes.map(\.label).joined(separator: ", "))); darker cells are higher levels and every cell names its level.",
            columns: axes.map(\.label), rows: rows
        ).svg(id: id)
    }

    // MARK: Badges

    func badge(for card: Scorecard) -> String {
        Badge(label: "ATOM openness", message: "\(card.tier.label) · \(card.points)/\(card.maxPoints)",
              color: TierStyle.color(for: card.tier.id)).svg()
    }
}
