import AtomAudit

/// Everything the pages show, computed once from an error-free audit: plain values
/// (`SiteDataBuilder` computes them). Not to be confused with an AI model, which is a
/// `Manifest` and, scored, a `Scorecard`.
public struct SiteData: Sendable {
    public var site: SiteConfig
    public var rubric: Rubric
    public var licenses: LicenseCatalog
    /// Leaderboard order.
    public let cards: [Scorecard]
    /// The highest level rank of each axis, in `Axis.allCases` order: what a scorecard's
    /// meters and the heat map scale to, worked out once for every page that draws one.
    public let axisMaxRanks: [Int]
    /// Each card's position in `cards`, by id.
    private let cardPositions: [ManifestID: Int]
    public var origins: [OriginSummary]
    public var outlook: ScenarioOutlook
    public var pages: [Page]
    /// The charts, drawn once: pages inline them and the site also publishes them as files.
    public var charts: RenderedCharts
    /// The day the data describes: every page, the brief, the downloads and the charts say so.
    public var asOf: CalendarDate
    /// What changed and when (`changes/`, each scorecard's history) and the editions.
    public var history: SiteHistory
    /// Downloads summed by origin, tier and date, with the adoption page's charts.
    var adoption = AdoptionSummary(cards: [], coverage: nil)

    public init(site: SiteConfig, rubric: Rubric, licenses: LicenseCatalog, cards: [Scorecard], origins: [OriginSummary],
                outlook: ScenarioOutlook, pages: [Page], asOf: CalendarDate, charts: RenderedCharts = RenderedCharts(),
                history: SiteHistory = .notRead) {
        self.asOf = asOf
        self.history = history
        self.site = site
        self.rubric = rubric
        axisMaxRanks = Axis.allCases.map { (rubric.axis($0)?.levels.count ?? 1) - 1 }
        self.licenses = licenses
        self.cards = cards
        cardPositions = Dictionary(cards.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.origins = origins
        self.outlook = outlook
        self.pages = pages
        self.charts = charts
        staleCount = cards.countInPlace(where: isStale)
    }

    public func page(_ id: String) -> Page? { pages.first { $0.id == id } }

    /// Days between a model's assessment and the data's as-of date.
    public func assessmentAge(_ card: Scorecard) -> Int { asOf.dayNumber - card.manifest.assessed.dayNumber }

    /// Assessed longer ago than `stale-after-days` before the as-of date.
    public func isStale(_ card: Scorecard) -> Bool { assessmentAge(card) > site.staleAfterDays }

    /// How many models are stale; counted once, since every page's footer says it.
    public private(set) var staleCount = 0



    /// A model's scorecard by id (signposts name the models behind their numbers).
    public func card(_ id: ManifestID) -> Scorecard? { cardPositions[id].map { cards[$0] } }


    public func count(atLeast tierID: String, origin: CountryCode? = nil) -> Int {
        guard let tier = rubric.tier(tierID) else { return 0 }
        return cards.countInPlace { $0.tier.rank <= tier.rank && (origin == nil || $0.manifest.origin == origin) }
    }

    /// The `limit` models closest to the tier above theirs: fewest level steps first,
    /// then leaderboard order (which `cards` already is).
    public func closestToNextTier(limit: Int) -> [Scorecard] {
        var candidates: [(steps: Int, position: Int)] = []
        // Hosted models are left out: their next step is to publish weights at all, which
        // is not "close" to anything a brief's reader can act on.
        for (position, card) in cards.enumerated() where card.manifest.weights.access != .hosted {
            if let gap = card.nextTier { candidates.append((gap.steps, position)) }
        }
        return candidates.sorted { ($0.steps, $0.position) < ($1.steps, $1.position) }.prefix(limit).map { cards[$0.position] }
    }
}
