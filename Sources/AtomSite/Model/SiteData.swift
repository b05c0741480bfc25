import AtomAudit

/// Everything the pages show, computed once from an error-free audit: plain values
/// (`SiteDataBuilder` computes them). Not to be confused with an AI model, which is a
/// `Manifest` and, scored, a `Scorecard`.
public struct SiteData: Sendable {
    public var site: SiteConfig
    public var rubric: Rubric
    public var licenses: LicenseCatalog
    /// Leaderboard order.
    public var cards: [Scorecard]
    public var origins: [OriginSummary]
    public var outlook: ScenarioOutlook
    public var pages: [Page]
    /// The charts, drawn once: pages inline them and the site also publishes them as files.
    public var charts: RenderedCharts

    public init(site: SiteConfig, rubric: Rubric, licenses: LicenseCatalog, cards: [Scorecard], origins: [OriginSummary],
                outlook: ScenarioOutlook, pages: [Page], charts: RenderedCharts = RenderedCharts()) {
        self.site = site
        self.rubric = rubric
        self.licenses = licenses
        self.cards = cards
        self.origins = origins
        self.outlook = outlook
        self.pages = pages
        self.charts = charts
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
