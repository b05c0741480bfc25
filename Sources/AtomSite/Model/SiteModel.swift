import AtomAudit

/// Everything the pages show, computed once from an error-free audit.
public struct SiteModel: Sendable {
    public let site: SiteConfig
    public let rubric: Rubric
    public let licenses: LicenseCatalog
    /// Leaderboard order.
    public let cards: [Scorecard]
    public let origins: [OriginSummary]
    public let outlook: ScenarioOutlook
    public let pages: [Page]
    /// The charts, drawn once: pages inline them and the site also publishes them as files.
    /// They are drawn while the scorecards render; the first page that needs them waits.
    public var charts: RenderedCharts { drawnCharts?.value ?? RenderedCharts() }
    private var drawnCharts: Deferred<RenderedCharts>?

    public init?(report: AuditReport, baseURL: String? = nil) {
        guard var site = report.site, let rubric = report.rubric, let licenses = report.licenses else { return nil }
        if let baseURL { site = SiteConfig(title: site.title, tagline: site.tagline, baseURL: baseURL, publisher: site.publisher, repository: site.repository, language: site.language) }
        self.site = site
        self.rubric = rubric
        self.licenses = licenses
        // Indicators do not depend on order: the scenarios are assessed on another thread
        // while the leaderboard is sorted and the origins summed up.
        let scorecards = report.scorecards, scenarios = report.scenarios
        let assessing = Deferred { ScenarioAssessor(calculator: IndicatorCalculator(scorecards: scorecards, rubric: rubric)).assess(scenarios) }
        cards = report.scorecards.sorted(on: LeaderboardOrder.Key.init, by: LeaderboardOrder.precedes)
        origins = OriginSummary.summaries(of: cards, rubric: rubric)
        outlook = assessing.value
        pages = report.pages
        let model = self
        drawnCharts = Deferred { Graphics(model: model).charts() }
    }

    public func page(_ id: String) -> Page? { pages.first { $0.id == id } }

    public func count(atLeast tierID: String, origin: CountryCode? = nil) -> Int {
        guard let tier = rubric.tier(tierID) else { return 0 }
        return cards.countInPlace { $0.tier.rank <= tier.rank && (origin == nil || $0.manifest.origin == origin) }
    }

    /// The `limit` models closest to the tier above theirs: fewest level steps first,
    /// then leaderboard order (which `cards` already is).
    public func closestToNextTier(limit: Int) -> [Scorecard] {
        var candidates: [(steps: Int, position: Int)] = []
        for (position, card) in cards.enumerated() {
            if let gap = card.nextTier { candidates.append((gap.steps, position)) }
        }
        return candidates.sorted { ($0.steps, $0.position) < ($1.steps, $1.position) }.prefix(limit).map { cards[$0.position] }
    }
}
