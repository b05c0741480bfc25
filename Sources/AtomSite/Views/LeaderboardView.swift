import AtomAudit

/// `index.html` and `README.md`: every model with its levels, points and tier, the
/// headline numbers and the tiers by origin.
struct LeaderboardView: PageView {
    let folder = ""
    let htmlTemplate = "pages/index"
    let markdownTemplate: String? = "markdown/readme"
    let showsEveryModel = true

    func context(_ shared: SharedContext, file: String) -> TemplateObject {
        let siteData = shared.siteData
        var context = shared.base(file: file, title: siteData.site.title, section: "leaderboard")
        let root = SitePaths.root(of: file)
        // Rows answer lookups from the scorecard (no notes: the leaderboard does not show them).
        context["models"] = .list(siteData.cards.indices.map { index in
            .lookup(shared.card(siteData.cards[index], root: root, position: index + 1, withNotes: false))
        })
        context["headline"] = .object(shared.headline())
        context["origins"] = .list(shared.origins())
        context["tierTotals"] = .list(shared.tierTotals())
        context["tiers"] = .list(siteData.rubric.tiers.map { .object(shared.tier($0)) })
        let families = Dictionary(grouping: siteData.cards.compactMap(\.manifest.family), by: { $0 }).mapValues(\.count)
        context["families"] = .list(families.keys.sorted().map { ["id": .text($0), "count": .number(families[$0] ?? 0)] })
        if let intro = siteData.page("introduction") {
            context["introHTML"] = .text(shared.pageMarkdown.html(from: intro.body))
            context["introMarkdown"] = .text(shared.pageMarkdown.safeMarkdown(from: intro.body))
        }
        context["outlook"] = ["explanation": .text(siteData.outlook.explanation)]
        context["tiersChartSVG"] = .text(siteData.charts.tiersByOrigin)
        context["charts"] = ChartsView.summaries(siteData.charts, root: root)
        context["chartSource"] = .text(ChartsView.source(siteData))
        return context
    }
}
