import AtomAudit
import AtomIO
import Foundation

/// Renders every page twice — as HTML and as the Markdown edition — from one context per
/// page (built by its view in `Views/`), so both editions always say the same thing. This
/// type only lists the pages and schedules their rendering on all cores.
struct PageRenderer {
    let siteData: SiteData
    let templates: TemplateLibrary
    let shared: SharedContext

    init(siteData: SiteData, templates: TemplateLibrary) {
        self.siteData = siteData
        self.templates = templates
        shared = SharedContext(siteData: siteData)
    }

    /// Every page but the scorecards.
    func views() -> [any PageView] {
        var views: [any PageView] = [LeaderboardView(), MethodologyView(), ChartsView(), AdoptionView(), ScenariosView(), BriefView()]
        views += siteData.outlook.assessments.map { ScenarioView(assessment: $0) }
        views.append(CompareView(comparisons: shared.comparisons))
        views += [ChangesView(), EditionsView()] as [any PageView]
        views += shared.comparisons.map { ComparisonView(comparison: $0) }
        views += siteData.pages.filter { !Page.sectionIDs.contains($0.id) }.map { ProseView(page: $0) }
        return views
    }

    /// Rendered files and the problems met rendering them.
    struct Rendered: Sendable {
        var files: [OutputFile] = []
        var diagnostics: [Diagnostic] = []

        mutating func add(_ template: String, _ context: TemplateObject, to path: String, with templates: TemplateLibrary, sizeHint: Int = 16_384) {
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

        init(files: [OutputFile] = [], diagnostics: [Diagnostic] = []) {
            self.files = files
            self.diagnostics = diagnostics
        }

        init(merging parts: [Rendered]) {
            self.init(files: parts.flatMap(\.files), diagnostics: parts.flatMap(\.diagnostics))
        }
    }

    struct IndexedCard: Sendable {
        var position: Int
        var card: Scorecard
    }

    /// A scorecard page's HTML is 15–20 KB: reserving that up front spares a regrowth.
    static let scorecardSizeHint = 24_576

    /// Scorecards in both editions for some models, rendered on all cores.
    func modelPages(_ items: [IndexedCard]) -> Rendered {
        let templates = self.templates
        let hasMarkdown = templates.has("markdown/model")
        // Every scorecard sits at the same depth in the same section: the shared part of
        // the context is built once instead of once per model.
        let view = ScorecardView(shared)
        return Rendered(merging: items.parallelMap { item -> Rendered in
            let folder = SitePaths.model(item.card.id.rawValue)
            let context = view.context(item.card, position: item.position)
            var rendered = Rendered()
            rendered.add("pages/model", context, to: folder + "index.html", with: templates, sizeHint: Self.scorecardSizeHint)
            if hasMarkdown { rendered.add("markdown/model", context, to: SitePaths.markdown(of: folder), with: templates) }
            return rendered
        })
    }

    /// A file to produce: a template with its context, or text computed on a worker.
    enum Job: Sendable {
        case template(String, TemplateObject, path: String)
        case text(path: String, @Sendable () -> String)
    }

    /// Every page but the scorecards, in both editions, with the pasted brief, the 404 and
    /// the `extra` jobs, side by side on all cores, in two batches to hand on one at a time:
    /// first the pages that show every model (the leaderboard and the charts), then the
    /// rest, so the largest pages are never all in memory at once. Contexts are built
    /// first; the leaderboard's two editions share one (its rows are computed as they are
    /// read, so it stays small).
    func sitePages(extra: [Job] = []) -> [Rendered] {
        var jobs: [Job] = [], large: [Job] = []
        for view in views() {
            let context = view.context(shared, file: view.htmlPath)
            var batch = [Job.template(view.htmlTemplate, context, path: view.htmlPath)]
            if let markdownTemplate = view.markdownTemplate, templates.has(markdownTemplate) {
                let markdownContext = view.markdownHasOwnContext ? view.context(shared, file: view.markdownPath) : context
                batch.append(.template(markdownTemplate, markdownContext, path: view.markdownPath))
            }
            if view.showsEveryModel { large += batch } else { jobs += batch }
        }
        jobs.append(.template("markdown/brief", BriefView.pastedContext(shared), path: SitePaths.briefMarkdown))
        jobs.append(.template("pages/404", NotFoundView().context(shared), path: "404.html"))
        jobs += extra

        let templates = self.templates
        return [large, jobs].map { batch in
            Rendered(merging: batch.parallelMap { job -> Rendered in
                var rendered = Rendered()
                switch job {
                case .template(let template, let context, let path):
                    rendered.add(template, context, to: path, with: templates, sizeHint: 1 << 20)
                case .text(let path, let make):
                    rendered.files.append(OutputFile(path: path, text: make()))
                }
                return rendered
            })
        }
    }
}
