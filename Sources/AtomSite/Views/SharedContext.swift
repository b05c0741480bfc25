import AtomAudit

/// Turns the site model into the dictionaries Mustache templates read. Every page's
/// context starts from `base`, so templates share one vocabulary (documented in
/// Templates/README.md). Values are plain text: HTML templates escape them, and only
/// keys ending in `HTML` or `SVG` hold markup this program produced itself.
struct SharedContext {
    let siteData: SiteData
    /// Markdown inside a section of a page (notes, scenario narratives, the brief's
    /// sections): its headings start at h3, under the section's h2.
    let markdown = MarkdownRenderer(topHeadingLevel: 3)
    /// Markdown right under a page's h1 (prose pages, introductions): headings start at h2.
    let pageMarkdown = MarkdownRenderer(topHeadingLevel: 2)
    /// What the link-preview picture says, for its alt text on every page; counted once.
    let socialImageAlt: String

    /// `site.*`: the settings from site.yaml, the same on every page.
    let siteSettings: Context
    /// Each origin's top models, for the comparisons a scorecard offers.
    let best: BestByOrigin
    /// The comparisons published as pages (`compare/<a>-vs-<b>/`).
    let comparisons: [Comparison]
    /// The content's history as pages show it (`changes/`, each scorecard's History).
    let history: HistoryContext
    /// The citable editions, newest first (`editions/`, `data/editions/`).
    let editions: [PublishedEdition]

    init(siteData: SiteData) {
        self.siteData = siteData
        best = BestByOrigin(siteData.cards)
        comparisons = Comparison.featured(in: siteData, best: best)
        socialImageAlt = SocialPreview(siteData: siteData).altText
        history = HistoryContext(siteData: siteData)
        editions = siteData.history.editions.compactMap { PublishedEdition($0, site: siteData.site) }
        let site = siteData.site
        var settings: Context = [
            "title": .text(site.title), "tagline": .text(site.tagline), "publisher": .text(site.publisher),
            "baseURL": .text(site.baseURL), "language": .text(site.language),
        ]
        if let repository = site.repository { settings["repository"] = .text(repository) }
        if let license = site.dataLicense {
            settings["dataLicense"] = ["id": .text(license.id), "name": .text(license.name), "url": .text(license.url)]
        }
        siteSettings = settings
    }

    typealias Context = TemplateObject

    static let navigation: [(id: String, label: String, path: String)] = [
        ("leaderboard", "Leaderboard", ""),
        ("methodology", "Methodology", SitePaths.methodology),
        ("scenarios", "Scenarios", SitePaths.scenarios),
        ("charts", "Charts", SitePaths.charts),
        ("adoption", "Adoption", SitePaths.adoption),
        ("compare", "Compare", SitePaths.compare),
        ("changes", "Changes", SitePaths.changes),
        ("brief", "Brief", SitePaths.brief),
        ("about", "About", SitePaths.page("about")),
    ]

    // MARK: Shared

    /// How a page's links reach the rest of the site.
    enum LinkStyle {
        /// `../../methodology/`: works from any host and from the disk.
        case relative
        /// `/audit/methodology/`: for the 404 page, which hosts serve at any depth.
        case sitePath
        /// `https://example.org/audit/methodology/`: for the brief pasted into a memo.
        case absoluteURL
    }

    func base(file: String, title: String, section: String, description: String? = nil, links: LinkStyle = .relative) -> Context {
        let root: String
        switch links {
        case .relative: root = SitePaths.root(of: file)
        case .sitePath: root = siteData.site.basePath
        case .absoluteURL: root = siteData.site.baseURL
        }
        let folder = file.lastIndex(of: "/").map { String(file[...$0]) } ?? ""
        return [
            "root": .text(root),
            "pageTitle": .text(title),
            // The leaderboard's section holds the scorecards too; only its own page is home.
            "isHome": .flag(file == "index.html"),
            "description": .text(description ?? siteData.site.tagline),
            "canonical": .text(siteData.site.baseURL + (file.hasSuffix("index.html") ? String(file.dropLast("index.html".count)) : file)),
            "social": social(isHome: file == "index.html"),
            "site": .object(siteSettings),
            "nav": .list(Self.navigation.map { item in
                // `current` marks the section (for style); `exact` the page itself (aria-current).
                ["label": .text(item.label), "href": .text(root + item.path), "current": .flag(item.id == section),
                 "exact": .flag(item.path == folder), "markdownHref": .text(root + SitePaths.markdown(of: item.path))]
            }),
            "rubricVersion": .text(siteData.rubric.version),
            "modelCount": .number(siteData.cards.count),
            "asOf": .text(siteData.asOf.description),
            "staleAfterDays": .number(siteData.site.staleAfterDays),
            "staleCount": .number(siteData.staleCount),
            "hasStale": .flag(siteData.staleCount > 0),
            "downloads": [
                "json": .text(root + SitePaths.modelsJSON), "csv": .text(root + SitePaths.modelsCSV),
                "schema": .text(root + SitePaths.schema), "feed": .text(root + SitePaths.feed),
                "briefMarkdown": .text(root + SitePaths.briefMarkdown),
                "editions": .text(root + SitePaths.editions),
            ],
        ]
    }

    /// For link previews (OpenGraph, Twitter cards): absolute, since they are read off the site.
    func social(isHome: Bool) -> TemplateValue {
        ["image": .text(siteData.site.baseURL + SitePaths.socialPreview), "imageAlt": .text(socialImageAlt),
         "width": .number(SocialPreview.width), "height": .number(SocialPreview.height), "type": .text(isHome ? "website" : "article")]
    }

    func tier(_ tier: Tier) -> Context {
        ["id": .text(tier.id), "label": .text(tier.label), "summary": .text(tier.summary), "rank": .number(tier.rank),
         "color": .text(TierStyle.color(for: tier.id))]
    }

    // MARK: Models

    /// A model as the leaderboard, its scorecard and the brief show it.
    func card(_ card: Scorecard, root: String, position: Int? = nil, withNotes: Bool = true) -> ScorecardContext {
        ScorecardContext(card: card, root: root, position: position, siteData: siteData, markdown: withNotes ? markdown : nil)
    }

    /// Embed snippets for a model's badge, with absolute URLs so they work anywhere.
    func badgeSnippets(_ card: Scorecard) -> Context {
        let id = card.id.rawValue
        let image = siteData.site.baseURL + SitePaths.badge(id)
        let page = siteData.site.baseURL + SitePaths.model(id)
        let alt = "ATOM openness: \(card.tier.label), \(card.points)/\(card.maxPoints)"
        return [
            "markdown": .text("[![\(MarkdownEscaper.escape(alt))](\(image))](\(page))"),
            "html": .text("<a href=\"\(page)\"><img src=\"\(image)\" alt=\"\(alt)\"></a>"),
        ]
    }

    // MARK: Aggregates

    func origins() -> [TemplateValue] {
        siteData.origins.map { summary in
            var context: Context = [
                "code": .text(summary.origin.code), "name": .text(summary.origin.name), "models": .number(summary.models),
                "openWeightsOrBetter": .number(summary.openWeightsOrBetter),
                "openWeightsShare": .text(NumberFormat.percent(summary.openWeightsOrBetter, of: summary.models)),
                "trulyOpen": .number(summary.trulyOpen),
                "medianPoints": .text(NumberFormat.compact(summary.medianPoints)),
                "tierCounts": .list(siteData.rubric.tiers.map { tier in
                    ["id": .text(tier.id), "label": .text(tier.label), "count": .number(summary.tierCounts[tier.id] ?? 0)]
                }),
            ]
            if let best = summary.best {
                context["best"] = ["name": .text(best.manifest.name), "id": .text(best.id.rawValue), "points": .number(best.points),
                                   "tier": .text(best.tier.label)]
            }
            return .object(context)
        }
    }

    func tierTotals() -> [TemplateValue] {
        siteData.rubric.tiers.map { tier in
            let count = siteData.cards.countInPlace { $0.tier.id == tier.id }
            return ["id": .text(tier.id), "label": .text(tier.label), "summary": .text(tier.summary), "count": .number(count),
                    "share": .text(NumberFormat.percent(count, of: siteData.cards.count)), "color": .text(TierStyle.color(for: tier.id))]
        }
    }

    /// The headline numbers the leaderboard and the brief open with.
    func headline() -> Context {
        let us = CountryCode("US"), cn = CountryCode("CN")
        let usCount = siteData.cards.countInPlace { $0.manifest.origin == us }
        let cnCount = siteData.cards.countInPlace { $0.manifest.origin == cn }
        return [
            "models": .number(siteData.cards.count),
            "origins": .number(siteData.origins.count),
            "trulyOpen": .number(siteData.count(atLeast: "truly-open")),
            "openSourceOrBetter": .number(siteData.count(atLeast: "open-source")),
            "openWeightsOrBetter": .number(siteData.count(atLeast: "open-weights")),
            "usModels": .number(usCount), "cnModels": .number(cnCount),
            "usTrulyOpen": .number(siteData.count(atLeast: "truly-open", origin: us)),
            "cnTrulyOpen": .number(siteData.count(atLeast: "truly-open", origin: cn)),
            "usOpenWeights": .number(siteData.count(atLeast: "open-weights", origin: us)),
            "cnOpenWeights": .number(siteData.count(atLeast: "open-weights", origin: cn)),
            "medianPoints": .text(NumberFormat.compact(OriginSummary.median(siteData.cards.map { Double($0.points) }))),
            "maxPoints": .number(siteData.rubric.maxPoints),
            // "1 is" / "8 are": the brief's sentences agree with their numbers.
            "trulyOpenVerb": .text(siteData.count(atLeast: "truly-open") == 1 ? "is" : "are"),
            "openWeightsVerb": .text(siteData.count(atLeast: "open-weights") == 1 ? "is" : "are"),
        ]
    }

    /// - Parameter withModels: list the models behind each number (the scenario's own
    ///   page); summaries elsewhere (the index, the brief) leave them out, which at 10,000
    ///   models is thousands of entries per signpost that no template there reads.
    func scenarioSummary(_ assessment: ScenarioAssessment, root: String, withModels: Bool = false) -> Context {
        let leading = siteData.outlook.leading?.scenario.id == assessment.scenario.id
        return [
            "id": .text(assessment.scenario.id),
            "title": .text(assessment.scenario.title),
            "summary": .text(assessment.scenario.summary),
            "url": .text(root + SitePaths.scenario(assessment.scenario.id)),
            "markdownURL": .text(root + SitePaths.markdown(of: SitePaths.scenario(assessment.scenario.id))),
            "met": .number(assessment.metCount),
            // Each signpost in one count: "2 met, 2 not met, 1 without data".
            "notMet": .number(assessment.notMetCount),
            "total": .number(assessment.readings.count),
            "noData": .number(assessment.noDataCount),
            "hasNoData": .flag(assessment.noDataCount > 0),
            "isLeading": .flag(leading),
            "signposts": .list(assessment.readings.map { .object(reading($0, root: root, withModels: withModels)) }),
        ]
    }

    /// A signpost as a reader sees it: what is measured, in words; the value and the
    /// threshold; and the models behind each number, linked to their scorecards.
    func reading(_ reading: SignpostReading, root: String, withModels: Bool = true) -> Context {
        let measure = reading.signpost.measure
        var sides: [TemplateValue] = []
        if withModels, let result = reading.result {
            sides.append(.object(side(result, origin: measure.filter.origin, measure: measure, root: root)))
        }
        if withModels, let compared = reading.comparedResult, case .origin(let origin) = reading.signpost.threshold {
            sides.append(.object(side(compared, origin: origin, measure: measure, root: root)))
        }
        return [
            "text": .text(reading.signpost.text),
            "measure": .text(reading.measureText),
            "value": .text(reading.formattedValue),
            "threshold": .text(reading.thresholdDescription),
            "met": .flag(reading.met),
            "noData": .flag(reading.noData),
            // For the row's class and the mark before the verdict, so no state relies on colour.
            "status": .text(reading.noData ? "no-data" : reading.met ? "met" : "not-met"),
            "mark": .text(reading.noData ? "–" : reading.met ? "✓" : "✗"),
            "verdict": .text(reading.verdict),
            "sides": .list(sides),
        ]
    }

    /// One side of a signpost: "China: 41 models — A, B, C".
    private func side(_ result: IndicatorCalculator.Result, origin: CountryCode?, measure: Measure, root: String) -> Context {
        let cards = result.models.compactMap(siteData.card)
        let models = NumberFormat.plural(cards.count, "model")
        let role: String
        switch measure.indicator {
        case .medianPoints: role = "the median of \(models)"
        case .bestPoints: role = cards.count == 1 ? "scored by this model" : "scored by each of these \(models)"
        case .downloadShare, .downloadShareAtLeastTier:
            // Which models the share goes to, and how many of the matching models have figures at all.
            let covered = result.considered - result.withoutFigures
            role = "\(measure.indicator == .downloadShare ? models : "\(models) at the tier or better") · figures for \(covered) of \(NumberFormat.plural(result.considered, "model"))"
        case .shareAtLeastTier, .shareAtLeastLevel: role = "\(cards.count) of \(NumberFormat.plural(result.considered, measure.counting == .families ? "family" : "model", plural: measure.counting == .families ? "families" : "models"))"
        default: role = measure.counting == .families ? "\(NumberFormat.plural(Set(cards.map { $0.manifest.family ?? $0.id.rawValue }).count, "family", plural: "families")), \(models)" : models
        }
        return [
            "label": .text(origin?.name ?? "All origins"),
            "value": .text(result.noData ? SignpostReading.noDataText : SignpostReading.format(result.value, unit: measure.indicator.unit)),
            "role": .text(role),
            "hasModels": .flag(!cards.isEmpty),
            // What an empty side means: no model matches, or (for downloads) none has figures yet.
            "empty": .text(emptySide(result, measure: measure)),
            "models": .list(cards.enumerated().map { index, card in
                ["name": .text(card.manifest.name), "url": .text(root + SitePaths.model(card.id.rawValue)),
                 "markdownURL": .text(root + SitePaths.markdown(of: SitePaths.model(card.id.rawValue))),
                 "separator": .text(index == cards.count - 1 ? "" : ", ")]
            }),
        ]
    }

    /// Why a side lists no model: none matches, none has figures yet, or none of those with
    /// figures is at the tier.
    private func emptySide(_ result: IndicatorCalculator.Result, measure: Measure) -> String {
        guard measure.indicator.readsDownloads, result.considered > 0 else { return "no model matches" }
        let covered = result.considered - result.withoutFigures
        return covered == 0
            ? "no downloads figures yet (figures for 0 of \(NumberFormat.plural(result.considered, "model")))"
            : "none of the \(NumberFormat.plural(covered, "model")) with figures"
    }
}
