import AtomAudit

/// `models/<id>/`: one model's scorecard. Rendered in batches apart from the other pages
/// (there can be 10,000), so it is not a `PageView`; the part of the context every
/// scorecard shares is built once per batch.
struct ScorecardView {
    let shared: SharedContext
    /// The base context of a page at a scorecard's depth, built once.
    let base: TemplateObject

    /// The featured comparisons by the ids they show, in either order.
    let featured: [Set<ManifestID>: Comparison]

    /// What every scorecard shares, worked out once rather than 10,000 times: the way back
    /// to the site root (every scorecard sits at the same depth), the correction links'
    /// repository, and the opening of each History section.
    let root: String
    let corrections: CorrectionLinks
    let historyStatus: TemplateObject

    init(_ shared: SharedContext) {
        self.shared = shared
        base = shared.base(file: SitePaths.modelFile("-"), title: "", section: "leaderboard")
        featured = Dictionary(shared.comparisons.map { (Set($0.cards.map(\.id)), $0) }) { first, _ in first }
        root = SitePaths.root(of: SitePaths.modelFile("-"))
        corrections = CorrectionLinks(repository: shared.siteData.site.repository, contentPath: shared.siteData.history.contentPath)
        historyStatus = shared.history.status(root: root)
    }

    /// "Compare with" the top US or Chinese model like it: the featured page when there is
    /// one (it works without JavaScript), else the compare page with the pair picked.
    func compareLinks(_ card: Scorecard) -> TemplateObject {
        let pick = root + SitePaths.compare + "?models="
        return [
            "with": .list(shared.best.counterparts(of: card).map { other, reason in
                let page = featured[[card.id, other.id]].map { SitePaths.comparison($0.id) }
                var entry: TemplateObject = ["name": .text(other.manifest.name), "reason": .text(reason),
                                             "url": .text(page.map { root + $0 } ?? pick + card.id.rawValue + "," + other.id.rawValue)]
                // The Markdown edition has no script: it links featured pages only.
                if let page { entry["markdownURL"] = .text(root + SitePaths.markdown(of: page)) }
                return .object(entry)
            }),
            "choose": .text(pick + card.id.rawValue),
        ]
    }

    func context(_ card: Scorecard, position: Int) -> TemplateObject {
        var context = base
        context["pageTitle"] = .text(card.manifest.name)
        context["description"] = .text("\(card.manifest.name): \(card.tier.label), \(card.points)/\(card.maxPoints) on the ATOM openness rubric.")
        context["canonical"] = .text(shared.siteData.site.baseURL + SitePaths.model(card.id.rawValue))
        context["model"] = .lookup(shared.card(card, root: root, position: position))
        context["badgeSnippet"] = .object(shared.badgeSnippets(card))
        context["correction"] = .object(corrections.context(for: card))
        context["compare"] = .object(compareLinks(card))
        context["history"] = .object(shared.history.scorecard(card, root: root, status: historyStatus))
        context["adoption"] = .object(ScorecardAdoption.context(card, siteData: shared.siteData, root: root))
        return context
    }
}
