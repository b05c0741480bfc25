import AtomAudit

/// One line of what a commit changed, as the changes page and the feed list it: a thing
/// (a model, a signpost, the rubric), the page about it when there is one, and what
/// happened to it.
struct ChangeItem: Sendable, Hashable {
    var label: String
    /// The page about the thing, from the site root; nil when there is none (a removed model).
    var path: String?
    var detail: String

    var text: String { "\(label): \(detail)" }
}

/// What one commit changed, as listed on the changes page and in the feed.
struct EventItems: Sendable {
    /// The rubric, then models by id, then signposts in scenario order.
    var items: [ChangeItem] = []
    /// Models re-scored without a tier or license change (a new rubric re-scores every
    /// model): only named, each with its points.
    var rescored: [ChangeItem] = []
    /// Changes left out of `items` and `rescored` beyond the limit.
    var notShown = 0

    /// - Parameter limit: the most items and re-scored models listed for one commit; a first
    ///   commit of 10,000 manifests is summed up, not listed.
    init(_ event: HistoryEvent, siteData: SiteData, limit: Int) {
        if let rubric = event.rubric {
            items.append(ChangeItem(label: "Rubric version \(rubric.to)", path: SitePaths.methodology,
                                    detail: rubric.from.map { "replaces version \($0); every model is scored again" } ?? "in use from this commit on"))
        }
        for change in event.models {
            // A removed model's id may belong to another model now: only the living are linked.
            let path = change.kind != .removed && ManifestID(change.model).flatMap(siteData.card) != nil ? SitePaths.model(change.model) : nil
            let item = ChangeItem(label: ChangeWording.name(change), path: path, detail: ChangeWording.phrases(change).joined(separator: "; "))
            if ChangeWording.isNotable(change) {
                if items.count < limit { items.append(item) } else { notShown += 1 }
            } else if rescored.count < limit {
                rescored.append(ChangeItem(label: item.label, path: path, detail: change.points.map { "\($0.from) → \(ChangeWording.points($0.to))" } ?? item.detail))
            } else {
                notShown += 1
            }
        }
        let scenarios = Set(siteData.outlook.assessments.map(\.scenario.id))
        for change in event.signposts {
            items.append(ChangeItem(label: change.signpost, path: scenarios.contains(change.scenario) ? SitePaths.scenario(change.scenario) : nil,
                                    detail: "\(ChangeWording.signpost(change)), in the scenario “\(change.scenarioTitle)”"))
        }
    }
}
