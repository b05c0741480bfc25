import AtomAudit

/// `models/<id>/`: one model's scorecard. Rendered in batches apart from the other pages
/// (there can be 10,000), so it is not a `PageView`; the part of the context every
/// scorecard shares is built once per batch.
struct ScorecardView {
    let shared: SharedContext
    /// The base context of a page at a scorecard's depth, built once.
    let base: TemplateObject

    init(_ shared: SharedContext) {
        self.shared = shared
        base = shared.base(file: SitePaths.modelFile("-"), title: "", section: "leaderboard")
    }

    func context(_ card: Scorecard, position: Int) -> TemplateObject {
        var context = base
        context["pageTitle"] = .text(card.manifest.name)
        context["description"] = .text("\(card.manifest.name): \(card.tier.label), \(card.points)/\(card.maxPoints) on the ATOM openness rubric.")
        context["canonical"] = .text(shared.siteData.site.baseURL + SitePaths.model(card.id.rawValue))
        context["model"] = .lookup(shared.card(card, root: SitePaths.root(of: SitePaths.modelFile(card.id.rawValue)), position: position))
        context["badgeSnippet"] = .object(shared.badgeSnippets(card))
        context["correction"] = .object(CorrectionLinks.context(for: card, repository: shared.siteData.site.repository))
        return context
    }
}
