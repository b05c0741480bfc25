import AtomAudit

/// Turns the site model into the dictionaries Mustache templates read. Every page's
/// context starts from `base`, so templates share one vocabulary (documented in
/// Templates/README.md). Values are plain text: HTML templates escape them, and only
/// keys ending in `HTML` or `SVG` hold markup this program produced itself.
struct ContextBuilder {
    let model: SiteModel
    let markdown = MarkdownRenderer(headingOffset: 1)

    typealias Context = [String: Any]

    static let navigation: [(id: String, label: String, path: String)] = [
        ("leaderboard", "Leaderboard", ""),
        ("methodology", "Methodology", SitePaths.methodology),
        ("scenarios", "Scenarios", SitePaths.scenarios),
        ("charts", "Charts", SitePaths.charts),
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
        case .sitePath: root = model.site.basePath
        case .absoluteURL: root = model.site.baseURL
        }
        let folder = file.lastIndex(of: "/").map { String(file[...$0]) } ?? ""
        return [
            "root": root,
            "pageTitle": title,
            "isHome": section == "leaderboard",
            "description": description ?? model.site.tagline,
            "canonical": model.site.baseURL + (file.hasSuffix("index.html") ? String(file.dropLast("index.html".count)) : file),
            "site": [
                "title": model.site.title, "tagline": model.site.tagline, "publisher": model.site.publisher,
                "baseURL": model.site.baseURL, "language": model.site.language,
            ] as Context,
            "nav": Self.navigation.map { item -> Context in
                // `current` marks the section (for style); `exact` the page itself (aria-current).
                ["label": item.label, "href": root + item.path, "current": item.id == section, "exact": item.path == folder,
                 "markdownHref": root + SitePaths.markdown(of: item.path)]
            },
            "rubricVersion": model.rubric.version,
            "modelCount": model.cards.count,
            "downloads": [
                "json": root + SitePaths.modelsJSON, "csv": root + SitePaths.modelsCSV,
                "schema": root + SitePaths.schema, "feed": root + SitePaths.feed,
                "briefMarkdown": root + SitePaths.briefMarkdown,
            ] as Context,
        ]
    }

    func tier(_ tier: Tier) -> Context {
        ["id": tier.id, "label": tier.label, "summary": tier.summary, "rank": tier.rank, "color": TierStyle.color(for: tier.id)]
    }

    // MARK: Models

    /// A model as the leaderboard and its scorecard show it.
    func card(_ card: Scorecard, root: String, position: Int? = nil) -> Context {
        let m = card.manifest
        var context: Context = [
            "id": m.id.rawValue,
            "name": m.name,
            "developer": m.developer,
            "origin": m.origin.code,
            "originName": m.origin.name,
            "assessed": m.assessed.description,
            "url": root + SitePaths.model(m.id.rawValue),
            "markdownURL": root + SitePaths.markdown(of: SitePaths.model(m.id.rawValue)),
            "points": card.points,
            "maxPoints": card.maxPoints,
            "tier": tier(card.tier),
            "tierReason": card.tierReason,
            "axes": card.axes.map { axis($0, of: card) },
            "badge": root + SitePaths.badge(m.id.rawValue),
            "json": root + SitePaths.modelJSON(m.id.rawValue),
            "releasedSort": m.released?.description ?? "",
            "parametersSort": m.parameters.map { NumberFormat.compact($0.billions) } ?? "",
        ]
        if let position { context["position"] = position }
        if let released = m.released { context["released"] = released.description }
        if let parameters = m.parameters { context["parameters"] = parameters.text }
        if let active = m.activeParameters { context["activeParameters"] = active.text }
        if !m.modality.isEmpty { context["modality"] = m.modality.map(\.rawValue).joined(separator: ", ") }
        if let notes = m.notes {
            context["notesHTML"] = markdown.html(from: notes)
            context["notesMarkdown"] = markdown.safeMarkdown(from: notes)
        }
        if let license = card.license {
            context["license"] = [
                "id": license.id, "name": license.name, "url": license.url, "summary": license.summary,
                "osiApproved": license.osiApproved, "level": license.level.rawValue,
            ] as Context
        }
        if let codeLicense = m.code.license.flatMap(model.licenses.license) {
            context["codeLicense"] = ["id": codeLicense.id, "name": codeLicense.name, "url": codeLicense.url] as Context
        }
        if let gap = card.nextTier {
            context["nextTier"] = [
                "tier": tier(gap.tier),
                "shortfalls": gap.shortfalls.map { shortfall -> Context in
                    ["axis": shortfall.axis.displayName, "current": shortfall.current.label,
                     "required": shortfall.required.label, "definition": shortfall.required.definition,
                     "summary": shortfall.summary]
                },
            ] as Context
        }
        return context
    }

    func axis(_ score: AxisScore, of card: Scorecard) -> Context {
        let maxRank = (model.rubric.axis(score.axis)?.levels.count ?? 1) - 1
        var context: Context = [
            "axis": score.axis.rawValue,
            "label": score.axis.displayName,
            "levelID": score.level.id,
            "levelLabel": score.level.label,
            "definition": score.level.definition,
            "points": score.level.points,
            "maxPoints": score.maxPoints,
            "rank": score.level.rank,
            "maxRank": maxRank,
            "isTop": score.isTop,
            "reason": score.reason,
            "evidence": score.evidence.map { ["url": $0] as Context },
            "hasEvidence": !score.evidence.isEmpty,
        ]
        if let note = score.note { context["note"] = note }
        return context
    }

    /// Embed snippets for a model's badge, with absolute URLs so they work anywhere.
    func badgeSnippets(_ card: Scorecard) -> Context {
        let id = card.id.rawValue
        let image = model.site.baseURL + SitePaths.badge(id)
        let page = model.site.baseURL + SitePaths.model(id)
        let alt = "ATOM openness: \(card.tier.label), \(card.points)/\(card.maxPoints)"
        return [
            "markdown": "[![\(MarkdownEscaper.escape(alt))](\(image))](\(page))",
            "html": "<a href=\"\(page)\"><img src=\"\(image)\" alt=\"\(alt)\"></a>",
        ]
    }

    // MARK: Aggregates

    func origins() -> [Context] {
        model.origins.map { summary -> Context in
            var context: Context = [
                "code": summary.origin.code, "name": summary.origin.name, "models": summary.models,
                "openWeightsOrBetter": summary.openWeightsOrBetter,
                "openWeightsShare": NumberFormat.percent(summary.openWeightsOrBetter, of: summary.models),
                "trulyOpen": summary.trulyOpen,
                "medianPoints": NumberFormat.compact(summary.medianPoints),
                "tierCounts": model.rubric.tiers.map { tier -> Context in
                    ["id": tier.id, "label": tier.label, "count": summary.tierCounts[tier.id] ?? 0]
                },
            ]
            if let best = summary.best {
                context["best"] = ["name": best.manifest.name, "id": best.id.rawValue, "points": best.points, "tier": best.tier.label] as Context
            }
            return context
        }
    }

    func tierTotals() -> [Context] {
        model.rubric.tiers.map { tier -> Context in
            let count = model.cards.filter { $0.tier.id == tier.id }.count
            return ["id": tier.id, "label": tier.label, "summary": tier.summary, "count": count,
                    "share": NumberFormat.percent(count, of: model.cards.count), "color": TierStyle.color(for: tier.id)]
        }
    }

    /// The headline numbers the leaderboard and the brief open with.
    func headline() -> Context {
        let us = CountryCode("US"), cn = CountryCode("CN")
        let usCount = model.cards.filter { $0.manifest.origin == us }.count
        let cnCount = model.cards.filter { $0.manifest.origin == cn }.count
        return [
            "models": model.cards.count,
            "origins": model.origins.count,
            "trulyOpen": model.count(atLeast: "truly-open"),
            "openSourceOrBetter": model.count(atLeast: "open-source"),
            "openWeightsOrBetter": model.count(atLeast: "open-weights"),
            "usModels": usCount, "cnModels": cnCount,
            "usTrulyOpen": model.count(atLeast: "truly-open", origin: us),
            "cnTrulyOpen": model.count(atLeast: "truly-open", origin: cn),
            "usOpenWeights": model.count(atLeast: "open-weights", origin: us),
            "cnOpenWeights": model.count(atLeast: "open-weights", origin: cn),
            "medianPoints": NumberFormat.compact(OriginSummary.median(model.cards.map { Double($0.points) })),
            "maxPoints": model.rubric.maxPoints,
        ]
    }

    func scenarioSummary(_ assessment: ScenarioAssessment, root: String) -> Context {
        let leading = model.outlook.leading?.scenario.id == assessment.scenario.id
        return [
            "id": assessment.scenario.id,
            "title": assessment.scenario.title,
            "summary": assessment.scenario.summary,
            "url": root + SitePaths.scenario(assessment.scenario.id),
            "markdownURL": root + SitePaths.markdown(of: SitePaths.scenario(assessment.scenario.id)),
            "met": assessment.metCount,
            "total": assessment.readings.count,
            "isLeading": leading,
            "signposts": assessment.readings.map(reading),
        ]
    }

    func reading(_ reading: SignpostReading) -> Context {
        [
            "text": reading.signpost.text,
            "indicator": reading.signpost.measure.indicator.rawValue,
            "measure": describe(reading.signpost.measure),
            "value": reading.formattedValue,
            "threshold": reading.thresholdDescription,
            "met": reading.met,
            "verdict": reading.met ? "Met" : "Not met",
        ]
    }

    /// "count-at-least-tier (tier open-weights; origin CN)".
    func describe(_ measure: Measure) -> String {
        var parts: [String] = []
        if let tier = measure.tier { parts.append("tier \(tier)") }
        if let axis = measure.axis { parts.append("axis \(axis.rawValue)") }
        if let level = measure.level { parts.append("level \(level)") }
        if let halfYear = measure.halfYear { parts.append("half-year \(halfYear)") }
        if let origin = measure.filter.origin { parts.append("origin \(origin.code)") }
        if let minimum = measure.filter.minParameters { parts.append("≥ \(minimum.text) parameters") }
        return measure.indicator.rawValue + (parts.isEmpty ? "" : " (\(parts.joined(separator: "; ")))")
    }
}
