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
    func context(root: String, markdownLinks: Bool) -> [String: Any] {
        var context: [String: Any] = [
            "headline": contexts.headline(),
            "tierTotals": contexts.tierTotals(),
            "origins": contexts.origins(),
            "tiers": model.rubric.tiers.map(contexts.tier),
            "scenarios": model.outlook.assessments.map { assessment -> [String: Any] in
                var summary = contexts.scenarioSummary(assessment, root: root)
                if markdownLinks { summary["url"] = summary["markdownURL"] }
                return summary
            },
            "outlook": ["explanation": model.outlook.explanation, "leading": model.outlook.leading?.scenario.title ?? ""] as [String: Any],
            "closest": model.closestToNextTier.prefix(Self.closestCount).map { card -> [String: Any] in
                var entry = contexts.card(card, root: root)
                if markdownLinks { entry["url"] = entry["markdownURL"] }
                entry["missing"] = card.nextTier?.shortfalls.map(\.summary).joined(separator: "; ") ?? ""
                return entry
            },
            "rubricVersion": model.rubric.version,
            "siteURL": model.site.baseURL,
            "modelLink": markdownLinks ? "README.md" : "",
        ]
        if let intro = model.page("introduction") {
            context["introduction"] = ["title": intro.title, "markdown": contexts.markdown.safeMarkdown(from: intro.body), "html": contexts.markdown.html(from: intro.body)] as [String: Any]
        }
        if let recommendations = model.page("recommendations") {
            context["recommendations"] = ["title": recommendations.title, "markdown": contexts.markdown.safeMarkdown(from: recommendations.body), "html": contexts.markdown.html(from: recommendations.body)] as [String: Any]
        }
        return context
    }
}
