import AtomAudit

/// `brief/` and its Markdown edition: the policy brief as a page of the site.
struct BriefView: PageView {
    let folder = SitePaths.brief
    let htmlTemplate = "pages/brief"
    let markdownTemplate: String? = "markdown/brief"
    let markdownHasOwnContext = true

    static let description = "Headline numbers, tiers, origins and scenario status, in one page."

    func context(_ shared: SharedContext, file: String) -> TemplateObject {
        var context = shared.base(file: file, title: "Policy brief", section: "brief", description: Self.description)
        let markdownLinks = file.hasSuffix(".md")
        context.merge(BriefSections(siteData: shared.siteData, contexts: shared).context(root: SitePaths.root(of: file), markdownLinks: markdownLinks)) { _, new in new }
        return context
    }

    /// `brief.md`, the standalone brief: it is pasted into memos and emails, so it links absolutely.
    static func pastedContext(_ shared: SharedContext) -> TemplateObject {
        var brief = shared.base(file: SitePaths.briefMarkdown, title: "Policy brief", section: "brief", description: description, links: .absoluteURL)
        brief.merge(BriefSections(siteData: shared.siteData, contexts: shared).context(root: shared.siteData.site.baseURL, markdownLinks: false)) { _, new in new }
        return brief
    }
}

/// The computed sections of the policy brief, shared by its Markdown and HTML forms.
struct BriefSections {
    let siteData: SiteData
    let contexts: SharedContext

    /// How many "closest to the next tier" models the brief lists.
    static let closestCount = 8

    /// - Parameters:
    ///   - root: the prefix links start with: a relative path, or the base URL for the pasted brief.
    ///   - markdownLinks: link to the Markdown edition's README.md files instead of HTML pages.
    func context(root: String, markdownLinks: Bool) -> TemplateObject {
        var context: TemplateObject = [
            "headline": .object(contexts.headline()),
            "tierTotals": .list(contexts.tierTotals()),
            "origins": .list(contexts.origins()),
            "tiers": .list(siteData.rubric.tiers.map { .object(contexts.tier($0)) }),
            "scenarios": .list(siteData.outlook.assessments.map { assessment in
                var summary = contexts.scenarioSummary(assessment, root: root)
                if markdownLinks { summary["url"] = summary["markdownURL"] }
                return .object(summary)
            }),
            "outlook": ["explanation": .text(siteData.outlook.explanation), "leading": .text(siteData.outlook.leading?.scenario.title ?? "")],
            "closest": .list(siteData.closestToNextTier(limit: Self.closestCount).map { card in
                let entry = contexts.card(card, root: root)
                var overlay: TemplateObject = ["missing": .text(card.nextTier?.shortfalls.map(\.summary).joined(separator: "; ") ?? "")]
                if markdownLinks { overlay["url"] = entry.value(named: "markdownURL") }
                return .lookup(OverlaidLookup(base: entry, overlay: overlay))
            }),
            "rubricVersion": .text(siteData.rubric.version),
            "siteURL": .text(siteData.site.baseURL),
            "modelLink": .text(markdownLinks ? "README.md" : ""),
        ]
        if let intro = siteData.page("introduction") {
            context["introduction"] = ["title": .text(intro.title), "markdown": .text(contexts.markdown.safeMarkdown(from: intro.body)),
                                       "html": .text(contexts.markdown.html(from: intro.body))]
        }
        if let recommendations = siteData.page("recommendations") {
            context["recommendations"] = ["title": .text(recommendations.title), "markdown": .text(contexts.markdown.safeMarkdown(from: recommendations.body)),
                                          "html": .text(contexts.markdown.html(from: recommendations.body))]
        }
        return context
    }
}
