import AtomAudit
import AtomIO

/// Builds the site's data from an error-free audit: sorts the leaderboard, sums up the
/// origins, assesses the scenarios and draws the charts.
struct SiteDataBuilder {
    /// Overrides `base-url` from site.yaml.
    var baseURL: String?
    /// The as-of date of the data; nil takes the newest assessment (deterministic: it
    /// changes only with the content).
    var asOf: CalendarDate?
    var history: SiteHistory = .notRead

    func build(_ report: AuditReport) -> SiteData? {
        guard var site = report.site, let rubric = report.rubric, let licenses = report.licenses else { return nil }
        if let baseURL { site.baseURL = baseURL }
        let asOf = self.asOf ?? report.newestAssessment ?? .referenceDay
        // Indicators do not depend on order: the scenarios are assessed while the
        // leaderboard is sorted and the origins summed up.
        let scorecards = report.scorecards, scenarios = report.scenarios
        let (outlook, cards) = concurrently(
            { ScenarioAssessor(calculator: IndicatorCalculator(scorecards: scorecards, rubric: rubric, asOf: asOf)).assess(scenarios) },
            { scorecards.sorted(on: LeaderboardOrder.Key.init, by: LeaderboardOrder.precedes) })
        var data = SiteData(site: site, rubric: rubric, licenses: licenses, cards: cards,
                            origins: OriginSummary.summaries(of: cards, rubric: rubric), outlook: outlook, pages: report.pages, asOf: asOf,
                            history: history)
        data.adoption = AdoptionSummary(cards: cards, coverage: report.coverage)
        data.charts = Graphics(siteData: data).charts()
        data.adoption.charts = AdoptionGraphics(siteData: data).charts()
        return data
    }
}
