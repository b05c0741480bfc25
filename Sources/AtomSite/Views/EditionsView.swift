import AtomAudit

/// `editions/`: the citable editions of the dataset, one per git tag that matches
/// `edition-tags` in site.yaml, each a download that never changes once tagged.
struct EditionsView: PageView {
    let folder = SitePaths.editions
    let htmlTemplate = "pages/editions"
    let markdownTemplate: String? = "markdown/editions"

    func context(_ shared: SharedContext, file: String) -> TemplateObject {
        let root = SitePaths.root(of: file), site = shared.siteData.site
        var context = shared.base(file: file, title: "Editions", section: "changes",
                                  description: "Citable editions of the dataset: the data as it was at each tagged release, to download and cite.")
        context["history"] = .object(shared.history.status(root: root))
        context["pattern"] = .text(site.editionTags)
        context["editions"] = .list(shared.editions.map { published in
            let edition = published.edition
            var commit: TemplateObject = ["commitID": .text(edition.commit), "shortID": .text(String(edition.commit.prefix(7)))]
            if let base = shared.history.commitBase { commit["commitURL"] = .text(base + edition.commit) }
            return [
                "tag": .text(edition.tag), "date": .text(edition.date.description), "commit": .object(commit),
                "models": .number(published.cards.count), "rubricVersion": .text(published.data.rubric.version),
                "tierCounts": .list(published.tierCounts.map { ["label": .text($0.tier.label), "count": .number($0.count)] }),
                "tiersText": .text(published.tierCounts.map { "\($0.count) \($0.tier.label.lowercased())" }.joined(separator: ", ")),
                "json": .text(root + published.path), "file": .text(published.path),
                "citation": .text(published.citation(site: site)),
            ]
        })
        context["hasEditions"] = .flag(!shared.editions.isEmpty)
        return context
    }
}
