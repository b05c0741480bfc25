import AtomAudit
import Foundation

/// Renders every page twice — as HTML and as the Markdown edition — from one context
/// per page, so both editions always say the same thing.
struct PageRenderer {
    let model: SiteModel
    let templates: TemplateLibrary
    let contexts: ContextBuilder

    typealias Context = TemplateObject

    init(model: SiteModel, templates: TemplateLibrary) {
        self.model = model
        self.templates = templates
        self.contexts = ContextBuilder(model: model)
    }

    /// One page of the site: where its two editions go and how to build its context.
    /// Both paths sit in the same folder, so one context (built for the HTML path)
    /// serves both editions and relative links work the same from either.
    struct PageSpec: Sendable {
        var folder: String
        var htmlTemplate: String
        var markdownTemplate: String?
        var context: @Sendable (ContextBuilder, _ file: String) -> Context
        /// The brief links differently from each edition, so it builds a context per edition.
        var markdownHasOwnContext = false
        /// The page shows something for every model (10 MB of HTML at 10,000 models).
        var showsEveryModel = false

        var htmlPath: String { folder + (folder.isEmpty || folder.hasSuffix("/") ? "index.html" : "") }
        var markdownPath: String { SitePaths.markdown(of: folder) }
    }

    /// Rendered files and the templates that were missing for them.
    struct Rendered: Sendable {
        var files: [OutputFile] = []
        var diagnostics: [Diagnostic] = []

        mutating func add(_ template: String, _ context: Context, to path: String, with templates: TemplateLibrary, sizeHint: Int = 16_384) {
            do {
                guard let bytes = try templates.render(context, with: template, sizeHint: sizeHint) else {
                    diagnostics.append(.error("missing-template", "the template '\(template).mustache' is missing; it is needed for \(path)", at: nil))
                    return
                }
                files.append(OutputFile(path: path, contents: Data(bytes)))
            } catch {
                diagnostics.append(.error("template-render", "the template '\(template).mustache' could not render \(path): \(error.message)", at: nil))
            }
        }
    }

    /// Scorecards in both editions for some models, rendered on all cores.
    func modelPages(_ items: [IndexedCard]) -> Rendered {
        let model = self.model, templates = self.templates
        let hasMarkdown = templates.has("markdown/model")
        // Every scorecard sits at the same depth in the same section: build the shared
        // part of the context once instead of once per model.
        let shared = ContextBuilder(model: model).base(file: SitePaths.modelFile("-"), title: "", section: "leaderboard")
        let parts = items.parallelMap { item -> Rendered in
            let contexts = ContextBuilder(model: model)
            let folder = SitePaths.model(item.card.id.rawValue)
            let context = Self.modelContext(item, contexts: contexts, shared: shared)
            var rendered = Rendered()
            rendered.add("pages/model", context, to: folder + "index.html", with: templates)
            if hasMarkdown { rendered.add("markdown/model", context, to: SitePaths.markdown(of: folder), with: templates) }
            return rendered
        }
        return Rendered(files: parts.flatMap(\.files), diagnostics: parts.flatMap(\.diagnostics))
    }

    struct IndexedCard: Sendable {
        var position: Int
        var card: Scorecard
    }

    static func modelContext(_ item: IndexedCard, contexts: ContextBuilder, shared: Context) -> Context {
        let card = item.card
        var context = shared
        context["pageTitle"] = .text(card.manifest.name)
        context["description"] = .text("\(card.manifest.name): \(card.tier.label), \(card.points)/\(card.maxPoints) on the ATOM openness rubric.")
        context["canonical"] = .text(contexts.model.site.baseURL + SitePaths.model(card.id.rawValue))
        context["model"] = .lookup(contexts.card(card, root: SitePaths.root(of: SitePaths.modelFile(card.id.rawValue)), position: item.position))
        context["badgeSnippet"] = .object(contexts.badgeSnippets(card))
        return context
    }

    /// Every page but the scorecards, in both editions, with the pasted brief and the
    /// 404, side by side on all cores, in two batches to hand on one at a time: first the
    /// pages that show every model (the leaderboard and the charts, in both editions; the
    /// leaderboard's HTML on one core, the others on the other), then the rest, so the
    /// largest pages are never all in memory at once. Contexts are
    /// built first; the leaderboard's two editions share one (its rows are computed as
    /// they are read, so it stays small).
    func sitePages() -> [Rendered] {
        var jobs: [RenderJob] = [], large: [RenderJob] = []
        for spec in specs() {
            let context = spec.context(contexts, spec.htmlPath)
            let job = RenderJob(template: spec.htmlTemplate, context: context, path: spec.htmlPath)
            if spec.showsEveryModel { large.append(job) } else { jobs.append(job) }
            if let markdownTemplate = spec.markdownTemplate, templates.has(markdownTemplate) {
                let markdownContext = spec.markdownHasOwnContext ? spec.context(contexts, spec.markdownPath) : context
                let job = RenderJob(template: markdownTemplate, context: markdownContext, path: spec.markdownPath)
                if spec.showsEveryModel { large.append(job) } else { jobs.append(job) }
            }
        }
        // The standalone brief links absolutely: it is pasted into memos and emails.
        var brief = Self.briefContext(contexts, file: SitePaths.briefMarkdown)
        brief.merge(contexts.base(file: SitePaths.briefMarkdown, title: "Policy brief", section: "brief", links: .absoluteURL)) { _, base in base }
        brief.merge(BriefContext(model: model, contexts: contexts).context(root: model.site.baseURL, markdownLinks: false)) { _, new in new }
        jobs.append(RenderJob(template: "markdown/brief", context: brief, path: SitePaths.briefMarkdown))
        // Hosts serve 404.html at any depth, so its links start from the site's path.
        let notFound = contexts.base(file: "404.html", title: "Page not found", section: "", links: .sitePath)
        jobs.append(RenderJob(template: "pages/404", context: notFound, path: "404.html"))

        let templates = self.templates
        return [large, jobs].map { batch in
            let parts = batch.parallelMap { job -> Rendered in
                var rendered = Rendered()
                rendered.add(job.template, job.context, to: job.path, with: templates, sizeHint: 1 << 20)
                return rendered
            }
            return Rendered(files: parts.flatMap(\.files), diagnostics: parts.flatMap(\.diagnostics))
        }
    }

    struct RenderJob: Sendable {
        var template: String
        var context: Context
        var path: String
    }

    func specs() -> [PageSpec] {
        var specs = [
            PageSpec(folder: "", htmlTemplate: "pages/index", markdownTemplate: "markdown/readme", context: Self.indexContext,
                     showsEveryModel: true),
            PageSpec(folder: SitePaths.methodology, htmlTemplate: "pages/methodology", markdownTemplate: "markdown/methodology", context: Self.methodologyContext),
            PageSpec(folder: SitePaths.charts, htmlTemplate: "pages/charts", markdownTemplate: "markdown/charts", context: Self.chartsContext,
                     showsEveryModel: true),
            PageSpec(folder: SitePaths.scenarios, htmlTemplate: "pages/scenarios", markdownTemplate: "markdown/scenarios", context: Self.scenariosContext),
            PageSpec(folder: SitePaths.brief, htmlTemplate: "pages/brief", markdownTemplate: "markdown/brief", context: Self.briefContext,
                     markdownHasOwnContext: true),
        ]
        for assessment in model.outlook.assessments {
            specs.append(PageSpec(folder: SitePaths.scenario(assessment.scenario.id), htmlTemplate: "pages/scenario",
                                  markdownTemplate: "markdown/scenario") { contexts, file in Self.scenarioContext(assessment, contexts: contexts, file: file) })
        }
        for page in model.pages where !Page.sectionIDs.contains(page.id) {
            specs.append(PageSpec(folder: SitePaths.page(page.id), htmlTemplate: "pages/page",
                                  markdownTemplate: "markdown/page") { contexts, file in Self.proseContext(page, contexts: contexts, file: file) })
        }
        return specs
    }

    // MARK: Contexts

    static func indexContext(_ contexts: ContextBuilder, file: String) -> Context {
        let model = contexts.model
        var context = contexts.base(file: file, title: model.site.title, section: "leaderboard")
        let root = SitePaths.root(of: file)
        // Rows answer lookups from the scorecard (no notes: the leaderboard does not show them).
        context["models"] = .list(model.cards.indices.map { index in
            .lookup(contexts.card(model.cards[index], root: root, position: index + 1, withNotes: false))
        })
        context["headline"] = .object(contexts.headline())
        context["origins"] = .list(contexts.origins())
        context["tierTotals"] = .list(contexts.tierTotals())
        context["tiers"] = .list(model.rubric.tiers.map { .object(contexts.tier($0)) })
        if let intro = model.page("introduction") {
            context["introHTML"] = .text(contexts.markdown.html(from: intro.body))
            context["introMarkdown"] = .text(contexts.markdown.safeMarkdown(from: intro.body))
        }
        context["outlook"] = ["explanation": .text(model.outlook.explanation)]
        context["tiersChartSVG"] = .text(model.charts.tiersByOrigin)
        context["charts"] = Graphics(model: model).summaries(root: root)
        return context
    }

    static func methodologyContext(_ contexts: ContextBuilder, file: String) -> Context {
        let model = contexts.model, rubric = model.rubric
        var context = contexts.base(file: file, title: "Methodology", section: "methodology",
                                    description: "How the ATOM openness rubric scores weights, data, code and license.")
        if let intro = model.page("methodology") {
            context["introHTML"] = .text(contexts.markdown.html(from: intro.body))
            context["introMarkdown"] = .text(contexts.markdown.safeMarkdown(from: intro.body))
        }
        context["rubric"] = ["version": .text(rubric.version), "title": .text(rubric.title), "summary": .text(rubric.summary),
                             "maxPoints": .number(rubric.maxPoints)]
        context["axes"] = .list(rubric.axes.map { axis in
            [
                "id": .text(axis.axis.rawValue), "label": .text(axis.label), "question": .text(axis.question), "maxPoints": .number(axis.maxPoints),
                "levels": .list(axis.levels.map { ["id": .text($0.id), "label": .text($0.label), "points": .number($0.points), "definition": .text($0.definition)] }),
                "sources": .list(axis.sources.compactMap(rubric.source).map { ["title": .text($0.title), "url": .text($0.url)] }),
                "hasSources": .flag(!axis.sources.isEmpty),
            ]
        })
        context["tiers"] = .list(rubric.tiers.map { tier in
            var entry = contexts.tier(tier)
            entry["requirements"] = .list(tier.requirements.map { requirement in
                let level = rubric.axis(requirement.axis)?.level(requirement.minimumLevel)
                return ["axis": .text(requirement.axis.displayName), "level": .text(level?.label ?? requirement.minimumLevel)]
            })
            entry["requirementText"] = .text(tier.requirements.isEmpty ? "Nothing (every other model)" : tier.requirements.map { requirement in
                "\(requirement.axis.displayName): \(rubric.axis(requirement.axis)?.level(requirement.minimumLevel)?.label ?? requirement.minimumLevel)"
            }.joined(separator: "; "))
            entry["catchAll"] = .flag(tier.requirements.isEmpty)
            entry["count"] = .number(model.cards.countInPlace { $0.tier.id == tier.id })
            return .object(entry)
        })
        context["sources"] = .list(rubric.sources.map { ["title": .text($0.title), "url": .text($0.url), "note": .text($0.note ?? "")] })
        let usage = Dictionary(grouping: model.cards.compactMap { $0.manifest.weights.license }, by: { $0 }).mapValues(\.count)
        context["licenses"] = .list(model.licenses.licenses.map { license in
            ["id": .text(license.id), "name": .text(license.name), "url": .text(license.url), "osiApproved": .flag(license.osiApproved),
             "level": .text(rubric.axis(.license)?.level(license.level.rawValue)?.label ?? license.level.rawValue),
             "summary": .text(license.summary), "models": .number(usage[license.id] ?? 0)]
        })
        context["indicators"] = .list(Indicator.allCases.map { indicator in
            ["name": .text(indicator.rawValue), "definition": .text(indicator.definition),
             "parameters": .text(indicator.parameters.map(\.rawValue).joined(separator: ", "))]
        })
        return context
    }

    static func chartsContext(_ contexts: ContextBuilder, file: String) -> Context {
        let model = contexts.model
        var context = contexts.base(file: file, title: "Charts", section: "charts",
                                    description: "Tiers by origin, points against release date, and every model's four axis levels.")
        context["tiersChartSVG"] = .text(model.charts.tiersByOrigin)
        context["scatterChartSVG"] = .text(model.charts.pointsOverTime)
        context["heatMapSVG"] = .text(model.charts.axisHeatMap)
        context["charts"] = Graphics(model: model).summaries(root: SitePaths.root(of: file))
        context["origins"] = .list(contexts.origins())
        context["tiers"] = .list(model.rubric.tiers.map { .object(contexts.tier($0)) })
        let undated = model.cards.filter { $0.manifest.released == nil }.map(\.manifest.name)
        context["undated"] = .text(undated.joined(separator: ", "))
        return context
    }

    static func scenariosContext(_ contexts: ContextBuilder, file: String) -> Context {
        let model = contexts.model
        var context = contexts.base(file: file, title: "Scenarios", section: "scenarios",
                                    description: "Three futures for open AI in the US and China, tested against the data.")
        context["scenarios"] = .list(model.outlook.assessments.map { .object(contexts.scenarioSummary($0, root: SitePaths.root(of: file))) })
        context["outlook"] = ["explanation": .text(model.outlook.explanation), "leading": .text(model.outlook.leading?.scenario.title ?? "")]
        return context
    }

    static func scenarioContext(_ assessment: ScenarioAssessment, contexts: ContextBuilder, file: String) -> Context {
        var context = contexts.base(file: file, title: assessment.scenario.title, section: "scenarios", description: assessment.scenario.summary)
        context["scenario"] = .object(contexts.scenarioSummary(assessment, root: SitePaths.root(of: file)))
        context["bodyHTML"] = .text(contexts.markdown.html(from: assessment.scenario.body))
        context["bodyMarkdown"] = .text(contexts.markdown.safeMarkdown(from: assessment.scenario.body))
        return context
    }

    static func proseContext(_ page: Page, contexts: ContextBuilder, file: String) -> Context {
        var context = contexts.base(file: file, title: page.title, section: page.id, description: page.summary)
        context["page"] = ["title": .text(page.title), "summary": .text(page.summary ?? "")]
        context["bodyHTML"] = .text(contexts.markdown.html(from: page.body))
        context["bodyMarkdown"] = .text(contexts.markdown.safeMarkdown(from: page.body))
        return context
    }

    static func briefContext(_ contexts: ContextBuilder, file: String) -> Context {
        var context = contexts.base(file: file, title: "Policy brief", section: "brief",
                                    description: "Headline numbers, tiers, origins and scenario status, in one page.")
        let markdownLinks = file.hasSuffix(".md")
        context.merge(BriefContext(model: contexts.model, contexts: contexts).context(root: SitePaths.root(of: file), markdownLinks: markdownLinks)) { _, new in new }
        return context
    }
}
