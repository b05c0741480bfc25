import AtomAudit

/// The numbers behind each chart as CSV (`charts/<id>.csv`), so a reader can check a
/// picture or redraw it: one table per chart, the same rows the chart draws.
struct ChartTables {
    let siteData: SiteData

    var files: [OutputFile] {
        [
            OutputFile(path: "charts/tiers-by-origin.csv", text: csv(tiersByOrigin)),
            OutputFile(path: "charts/points-over-time.csv", text: csv(pointsOverTime)),
            OutputFile(path: "charts/axis-heat-map.csv", text: csv(axisLevels)),
        ]
    }

    /// The path of a chart's table, from its SVG's path.
    static func path(ofSVG svg: String) -> String { String(svg.dropLast(".svg".count)) + ".csv" }

    private var tiersByOrigin: [[String]] {
        let tiers = siteData.rubric.tiers
        var rows = [["origin", "origin_name", "models"] + tiers.map(\.id) + ["as_of"]]
        for summary in siteData.origins {
            rows.append([summary.origin.code, summary.origin.name, String(summary.models)]
                        + tiers.map { String(summary.tierCounts[$0.id] ?? 0) } + [siteData.asOf.description])
        }
        return rows
    }

    private var pointsOverTime: [[String]] {
        var rows = [["id", "name", "origin", "released", "points", "tier", "as_of"]]
        for card in siteData.cards where card.manifest.released != nil {
            rows.append([card.id.rawValue, card.manifest.name, card.manifest.origin.code, card.manifest.released?.description ?? "",
                         String(card.points), card.tier.id, siteData.asOf.description])
        }
        return rows
    }

    private var axisLevels: [[String]] {
        var rows = [["id", "name"] + Axis.allCases.map { "\($0.rawValue)_level" } + ["as_of"]]
        for card in siteData.cards {
            rows.append([card.id.rawValue, card.manifest.name] + Axis.allCases.map { card.axis($0)?.level.id ?? "" } + [siteData.asOf.description])
        }
        return rows
    }

    private func csv(_ rows: [[String]]) -> String { DataExporter.csv(rows) }
}
