import AtomAudit

/// The computed sections of the policy brief, shared by its Markdown and HTML forms.
struct BriefContext {
    let model: SiteModel
    let contexts: ContextBuilder

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
            "tiers": .list(model.rubric.tiers.map { .object(contexts.tier($0)) }),
            "scenarios": .list(model.outlook.assessments.map { assessment in
                var summary = contexts.scenarioSummary(assessment, root: root)
                if markdownLinks { summary["url"] = summary["markdownURL"] }
                return .object(summary)
            }),
            "outlook": ["explanation": .text(model.outlook.explanation), "leading": .text(model.outlook.leading?.scenario.title ?? "")],
            "closest": .list(model.closestToNextTier(limit: Self.closestCount).map { card in
                let entry = contexts.card(card, root: root)
                var overlay: TemplateObject = ["missing": .text(card.nextTier?.shortfalls.map(\.summary).joined(separator: "; ") ?? "")]
                if markdownLinks { overlay["url"] = entry.value(named: "markdownURL") }
                return .lookup(OverlaidLookup(base: entry, overlay: overlay))
            }),
            "rubricVersion": .text(model.rubric.version),
            "siteURL": .text(model.site.baseURL),
            "modelLink": .text(markdownLinks ? "README.md" : ""),
        ]
        if let intro = model.page("introduction") {
            context["introduction"] = ["title": .text(intro.title), "markdown": .text(contexts.markdown.safeMarkdown(from: intro.body)),
                                       "html": .text(contexts.markdown.html(from: intro.body))]
        }
        if let recommendations = model.page("recommendations") {
            context["recommendations"] = ["title": .text(recommendations.title), "markdown": .text(contexts.markdown.safeMarkdown(from: recommendations.body)),
                                          "html": .text(contexts.markdown.html(from: recommendations.body))]
        }
        return context
    }
}
