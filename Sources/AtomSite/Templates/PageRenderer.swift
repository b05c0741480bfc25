import AtomAudit
import Foundation

/// Renders every HTML page (and the Markdown brief) from the templates.
struct PageRenderer {
    let model: SiteModel
    let templates: TemplateLibrary
    let contexts: ContextBuilder
    var diagnostics: [Diagnostic] = []

    init(model: SiteModel, templates: TemplateLibrary) {
        self.model = model
        self.templates = templates
        self.contexts = ContextBuilder(model: model)
    }

    mutating func render(_ template: String, _ context: [String: Any], to path: String) -> OutputFile? {
        guard let text = templates.render(context, with: template) else {
            diagnostics.append(.error("missing-template", "the template '\(template).mustache' is missing; it is needed for \(path)", at: nil))
            return nil
        }
        return OutputFile(path: path, text: text)
    }

    /// One scorecard per model, rendered on all cores.
    func modelPages() -> [OutputFile] {
        let model = self.model, templates = self.templates
        let indexed = Array(model.cards.enumerated().map { IndexedCard(position: $0.offset + 1, card: $0.element) })
        return indexed.parallelMap { item -> OutputFile? in
            let contexts = ContextBuilder(model: model)
            let path = SitePaths.modelFile(item.card.id.rawValue)
            var context = contexts.base(file: path, title: item.card.manifest.name, section: "leaderboard",
                                        description: "\(item.card.manifest.name): \(item.card.tier.label), \(item.card.points)/\(item.card.maxPoints) on the ATOM openness rubric.")
            context["model"] = contexts.card(item.card, root: SitePaths.root(of: path), position: item.position)
            context["badgeSnippet"] = contexts.badgeSnippets(item.card)
            context["tiers"] = model.rubric.tiers.map(contexts.tier)
            return templates.render(context, with: "pages/model").map { OutputFile(path: path, text: $0) }
        }.compactMap { $0 }
    }

    struct IndexedCard: Sendable {
        var position: Int
        var card: Scorecard
    }

    mutating func sitePages() -> [OutputFile] {
        var files: [OutputFile?] = []
        files.append(index())
        files.append(methodology())
        files.append(charts())
        files.append(contentsOf: scenarios())
        files.append(contentsOf: prosePages())
        files.append(contentsOf: brief())
        files.append(notFound())
        return files.compactMap { $0 }
    }

    // MARK: Pages

    mutating func index() -> OutputFile? {
        let path = "index.html"
        var context = contexts.base(file: path, title: model.site.title, section: "leaderboard")
        let root = SitePaths.root(of: path)
        context["models"] = model.cards.enumerated().map { contexts.card($0.element, root: root, position: $0.offset + 1) }
        context["headline"] = contexts.headline()
        context["origins"] = contexts.origins()
        context["tierTotals"] = contexts.tierTotals()
        context["tiers"] = model.rubric.tiers.map(contexts.tier)
        if let intro = contexts.prose("introduction") { context["introHTML"] = intro }
        context["outlook"] = ["explanation": model.outlook.explanation] as [String: Any]
        context["tiersChartSVG"] = Graphics(model: model).tiersByOrigin(id: "tiers-by-origin")
        return render("pages/index", context, to: path)
    }

    mutating func methodology() -> OutputFile? {
        let path = SitePaths.methodology + "index.html"
        var context = contexts.base(file: path, title: "Methodology", section: "methodology",
                                    description: "How the ATOM openness rubric scores weights, data, code and license.")
        let rubric = model.rubric
        if let intro = contexts.prose("methodology") { context["introHTML"] = intro }
        context["rubric"] = ["version": rubric.version, "title": rubric.title, "summary": rubric.summary, "maxPoints": rubric.maxPoints] as [String: Any]
        context["axes"] = rubric.axes.map { axis -> [String: Any] in
            [
                "id": axis.axis.rawValue, "label": axis.label, "question": axis.question, "maxPoints": axis.maxPoints,
                "levels": axis.levels.map { ["id": $0.id, "label": $0.label, "points": $0.points, "definition": $0.definition] as [String: Any] },
                "sources": axis.sources.compactMap(rubric.source).map { ["title": $0.title, "url": $0.url] as [String: Any] },
                "hasSources": !axis.sources.isEmpty,
            ]
        }
        context["tiers"] = rubric.tiers.map { tier -> [String: Any] in
            var entry = contexts.tier(tier)
            entry["requirements"] = tier.requirements.map { requirement -> [String: Any] in
                let level = rubric.axis(requirement.axis)?.level(requirement.minimumLevel)
                return ["axis": requirement.axis.displayName, "level": level?.label ?? requirement.minimumLevel]
            }
            entry["catchAll"] = tier.requirements.isEmpty
            entry["count"] = model.cards.filter { $0.tier.id == tier.id }.count
            return entry
        }
        context["sources"] = rubric.sources.map { ["title": $0.title, "url": $0.url, "note": $0.note ?? ""] as [String: Any] }
        let usage = Dictionary(grouping: model.cards.compactMap { $0.manifest.weights.license }, by: { $0 }).mapValues(\.count)
        context["licenses"] = model.licenses.licenses.map { license -> [String: Any] in
            ["id": license.id, "name": license.name, "url": license.url, "osiApproved": license.osiApproved,
             "level": rubric.axis(.license)?.level(license.level.rawValue)?.label ?? license.level.rawValue,
             "summary": license.summary, "models": usage[license.id] ?? 0]
        }
        context["indicators"] = Indicator.allCases.map { indicator -> [String: Any] in
            ["name": indicator.rawValue, "definition": indicator.definition,
             "parameters": indicator.parameters.map(\.rawValue).joined(separator: ", ")]
        }
        return render("pages/methodology", context, to: path)
    }

    mutating func charts() -> OutputFile? {
        let path = SitePaths.charts + "index.html"
        var context = contexts.base(file: path, title: "Charts", section: "charts",
                                    description: "Tiers by origin, points against release date, and every model's four axis levels.")
        let graphics = Graphics(model: model)
        context["tiersChartSVG"] = graphics.tiersByOrigin(id: "tiers-by-origin")
        context["scatterChartSVG"] = graphics.pointsOverTime(id: "points-over-time")
        context["heatMapSVG"] = graphics.axisHeatMap(id: "axis-heat-map")
        context["origins"] = contexts.origins()
        context["tiers"] = model.rubric.tiers.map(contexts.tier)
        let undated = model.cards.filter { $0.manifest.released == nil }.map(\.manifest.name)
        context["undated"] = undated.joined(separator: ", ")
        return render("pages/charts", context, to: path)
    }

    mutating func scenarios() -> [OutputFile?] {
        let indexPath = SitePaths.scenarios + "index.html"
        var index = contexts.base(file: indexPath, title: "Scenarios", section: "scenarios",
                                  description: "Three futures for open AI in the US and China, tested against the data.")
        let indexRoot = SitePaths.root(of: indexPath)
        index["scenarios"] = model.outlook.assessments.map { contexts.scenarioSummary($0, root: indexRoot) }
        index["outlook"] = ["explanation": model.outlook.explanation,
                            "leading": model.outlook.leading?.scenario.title ?? ""] as [String: Any]
        var files = [render("pages/scenarios", index, to: indexPath)]
        for assessment in model.outlook.assessments {
            let path = SitePaths.scenarioFile(assessment.scenario.id)
            var context = contexts.base(file: path, title: assessment.scenario.title, section: "scenarios", description: assessment.scenario.summary)
            context["scenario"] = contexts.scenarioSummary(assessment, root: SitePaths.root(of: path))
            context["bodyHTML"] = contexts.markdown.html(from: assessment.scenario.body)
            files.append(render("pages/scenario", context, to: path))
        }
        return files
    }

    mutating func prosePages() -> [OutputFile?] {
        model.pages.filter { !Page.sectionIDs.contains($0.id) }.map { page in
            let path = SitePaths.pageFile(page.id)
            var context = contexts.base(file: path, title: page.title, section: page.id, description: page.summary)
            context["page"] = ["title": page.title, "summary": page.summary ?? ""] as [String: Any]
            context["bodyHTML"] = contexts.markdown.html(from: page.body)
            return render("pages/page", context, to: path)
        }
    }

    mutating func brief() -> [OutputFile?] {
        let htmlPath = SitePaths.brief + "index.html"
        var context = contexts.base(file: htmlPath, title: "Policy brief", section: "brief",
                                    description: "Headline numbers, tiers, origins and scenario status, in one page.")
        let brief = BriefContext(model: model, contexts: contexts).context(root: SitePaths.root(of: htmlPath))
        context.merge(brief) { _, new in new }
        let html = render("pages/brief", context, to: htmlPath)
        // The Markdown brief links with absolute URLs: it is pasted into memos and emails.
        var markdownContext = contexts.base(file: SitePaths.briefMarkdown, title: "Policy brief", section: "brief", absoluteLinks: true)
        markdownContext.merge(BriefContext(model: model, contexts: contexts).context(root: model.site.baseURL)) { _, new in new }
        let markdown = render("markdown/brief", markdownContext, to: SitePaths.briefMarkdown)
        return [html, markdown]
    }

    mutating func notFound() -> OutputFile? {
        // Hosts serve 404.html at any depth, so its links are absolute.
        let context = contexts.base(file: "404.html", title: "Page not found", section: "", absoluteLinks: true)
        return render("pages/404", context, to: "404.html")
    }
}
