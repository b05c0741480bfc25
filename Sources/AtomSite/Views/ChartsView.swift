import AtomAudit

/// `charts/`: tiers by origin, points against release date, every model's four levels.
struct ChartsView: PageView {
    let folder = SitePaths.charts
    let htmlTemplate = "pages/charts"
    let markdownTemplate: String? = "markdown/charts"
    let showsEveryModel = true

    func context(_ shared: SharedContext, file: String) -> TemplateObject {
        let siteData = shared.siteData
        var context = shared.base(file: file, title: "Charts", section: "charts",
                                  description: "Tiers by origin, points against release date, and every model's four axis levels.")
        context["tiersChartSVG"] = .text(siteData.charts.tiersByOrigin)
        context["scatterChartSVG"] = .text(siteData.charts.pointsOverTime)
        context["heatMapSVG"] = .text(siteData.charts.axisHeatMap)
        context["charts"] = Self.summaries(siteData.charts, root: SitePaths.root(of: file))
        context["chartSource"] = .text(Self.source(siteData))
        context["origins"] = .list(shared.origins())
        context["tiers"] = .list(siteData.rubric.tiers.map { .object(shared.tier($0)) })
        let undated = siteData.cards.filter { $0.manifest.released == nil }.map(\.manifest.name)
        context["undated"] = .text(undated.joined(separator: ", "))
        // From the content's git history, when there is one.
        context["history"] = .object(shared.history.status(root: SitePaths.root(of: file)))
        if let chart = shared.history.chart(root: SitePaths.root(of: file)) { context["historyChart"] = chart }
        return context
    }

    /// Each chart's title, files (SVG and the CSV of its numbers) and text summary, for
    /// captions and for pages that link to the files instead of inlining them.
    static func summaries(_ charts: RenderedCharts, root: String) -> TemplateValue {
        .list(zip(RenderedCharts.files, charts.summaries).map { chart, summary in
            ["id": .text(chart.id), "title": .text(chart.title), "file": .text(root + chart.path),
             "csv": .text(root + ChartTables.path(ofSVG: chart.path)), "summary": .text(summary)]
        })
    }

    /// Every chart's source line: where the numbers come from, and their date.
    static func source(_ siteData: SiteData) -> String {
        "Source: this audit's \(siteData.cards.count) model manifests, scored with rubric version \(siteData.rubric.version); data as of \(siteData.asOf)."
    }
}
