import AtomAudit

/// The adoption figures the site shows, summed once from the scorecards: downloads by
/// origin over time, by origin and tier, by tier, relative adoption by size class, and the
/// catalogue's coverage of the Hub. Each sum carries how many models it covers.
struct AdoptionSummary: Sendable {
    let tally: AdoptionTally
    let overTime: [AdoptionTally.DatedTotals]
    let byOrigin: [CountryCode: DownloadTotal]
    let byOriginAndTier: [CountryCode: [String: DownloadTotal]]
    let byTier: [String: DownloadTotal]
    /// Every model's newest figure, summed.
    let all: DownloadTotal
    let relative: [RelativeAdoption.ClassResult]
    /// Each model's relative adoption, where it could be computed.
    let relativeByID: [ManifestID: RelativeAdoption.Entry]
    let coverage: HubCoverage?
    /// Models per origin, with or without figures.
    let modelsByOrigin: [CountryCode: Int]
    /// Models per tier id, with or without figures.
    let modelsByTier: [String: Int]
    /// Models per origin and tier id, with or without figures.
    let modelsByOriginAndTier: [CountryCode: [String: Int]]
    /// Every origin of the catalogue: those with figures by downloads (most first), then the
    /// rest by number of models; ties by code.
    let origins: [CountryCode]
    /// The origins charts draw on their own; the others are summed as "Other origins".
    let chartedOrigins: [CountryCode]
    /// The date of the newest figure: the as-of date of every "now" sum.
    let newestDate: CalendarDate?
    /// The drawn charts; set by `Graphics` after the sums.
    var charts = AdoptionCharts()

    /// How many origins a chart draws on their own before grouping the rest.
    static let chartedOriginLimit = 5

    init(cards: [Scorecard], coverage: HubCoverage?) {
        tally = AdoptionTally(scorecards: cards)
        overTime = tally.overTime()
        byOrigin = tally.byOrigin()
        byOriginAndTier = tally.byOriginAndTier()
        byTier = tally.byTier()
        all = tally.total()
        relative = RelativeAdoption.compute(tally.rows)
        relativeByID = Dictionary(relative.flatMap(\.entries).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.coverage = coverage
        modelsByOrigin = tally.rows.reduce(into: [:]) { $0[$1.origin, default: 0] += 1 }
        modelsByTier = tally.rows.reduce(into: [:]) { $0[$1.tierID, default: 0] += 1 }
        modelsByOriginAndTier = tally.rows.reduce(into: [:]) { $0[$1.origin, default: [:]][$1.tierID, default: 0] += 1 }
        let byOrigin = self.byOrigin, modelsByOrigin = self.modelsByOrigin
        let withFigures = byOrigin.keys.sorted { (byOrigin[$1]?.downloads ?? 0, $0) < (byOrigin[$0]?.downloads ?? 0, $1) }
        let without = modelsByOrigin.keys.filter { byOrigin[$0] == nil }.sorted { (modelsByOrigin[$1] ?? 0, $0) < (modelsByOrigin[$0] ?? 0, $1) }
        origins = withFigures + without
        // With one origin too many, "Other origins" would hold a single one: draw it instead.
        chartedOrigins = withFigures.count <= Self.chartedOriginLimit + 1 ? withFigures : Array(withFigures.prefix(Self.chartedOriginLimit))
        newestDate = tally.newestDate
    }

    var hasFigures: Bool { all.hasData }
    var modelCount: Int { tally.modelCount }
    /// Whether some origin with figures is summed as "Other origins" in the charts.
    var groupsOtherOrigins: Bool { chartedOrigins.count < byOrigin.count }

    /// "figures for 12 of 196 models", or "no model" for an empty group.
    func coverageText(_ total: DownloadTotal, of models: Int) -> String {
        models == 0 ? "no model" : "figures for \(total.models) of \(NumberFormat.plural(models, "model"))"
    }

    /// A group's share of all downloads, "53.9%", or "no data" when the group has no figure.
    func shareText(_ total: DownloadTotal) -> String {
        guard total.hasData, let share = DownloadTotal.percent(total, of: all) else { return ScorecardAdoption.noData }
        return NumberFormat.percent(share)
    }

    /// The charted groups: each charted origin, then "Other origins" (nil) when some are grouped.
    var groups: [(origin: CountryCode?, label: String)] {
        chartedOrigins.map { ($0, $0.name) } + (groupsOtherOrigins ? [(nil, "Other origins")] : [])
    }

    /// A group's total on one date (`origin` nil: the origins not charted).
    func total(_ totals: AdoptionTally.DatedTotals, origin: CountryCode?) -> DownloadTotal {
        if let origin { return totals.byOrigin[origin] ?? .none }
        var sum = DownloadTotal.none
        for (other, total) in totals.byOrigin where !chartedOrigins.contains(other) { sum.add(total) }
        return sum
    }

    /// "newest figure 2026-11-01", or that there is none: every chart and table says which.
    var newestText: String { newestDate.map { "newest figure \($0)" } ?? "no figure recorded yet" }

    /// The charted group an origin falls in: its own, or nil for "Other origins".
    func chartGroup(of origin: CountryCode) -> CountryCode? {
        chartedOrigins.contains(origin) ? origin : nil
    }

    /// Downloads by tier for an origin (nil: all origins; `other`: the origins not charted).
    func tierTotals(origin: CountryCode?, other: Bool = false) -> [String: DownloadTotal] {
        if let origin { return byOriginAndTier[origin] ?? [:] }
        guard other else { return byTier }
        var totals: [String: DownloadTotal] = [:]
        for (origin, tiers) in byOriginAndTier where !chartedOrigins.contains(origin) {
            for (tier, total) in tiers { totals[tier, default: .none].add(total) }
        }
        return totals
    }
}

/// The adoption page's charts as SVG documents, with their text alternatives.
struct AdoptionCharts: Sendable, Hashable {
    var byOriginOverTime = ""
    var byOriginAndTier = ""
    var shareByTier = ""
    /// Each chart's text alternative, in the order of `files`.
    var summaries = ["", "", ""]

    static let files: [(id: String, title: String, path: String)] = [
        ("adoption-by-origin", "Downloads by origin over time", "charts/adoption-by-origin.svg"),
        ("adoption-by-origin-and-tier", "Downloads by origin and tier", "charts/adoption-by-origin-and-tier.svg"),
        ("adoption-share-by-tier", "Share of downloads by tier", "charts/adoption-share-by-tier.svg"),
    ]

    var svgs: [String] { [byOriginOverTime, byOriginAndTier, shareByTier] }

    var outputFiles: [OutputFile] {
        zip(Self.files, svgs).map { OutputFile(path: $0.path, text: $1) }
    }
}
