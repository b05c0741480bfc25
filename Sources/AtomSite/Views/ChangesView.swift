import AtomAudit

/// `changes/`: what changed and when, from the content's git history, newest first and
/// grouped by day: models added, removed and renamed, tier and license changes, rubric
/// versions and signposts that turned; with the chart of tiers by origin over time.
struct ChangesView: PageView {
    let folder = SitePaths.changes
    let htmlTemplate = "pages/changes"
    let markdownTemplate: String? = "markdown/changes"

    /// The most changes listed by name for one commit; the rest are counted.
    static let listLimit = 100

    func context(_ shared: SharedContext, file: String) -> TemplateObject {
        let root = SitePaths.root(of: file), history = shared.history
        var context = shared.base(file: file, title: "Changes", section: "changes",
                                  description: "What changed in the audit and when: models added and removed, tiers, licenses, rubric versions and scenario signposts.")
        var status = history.status(root: root)
        context["editionsURL"] = .text(root + SitePaths.editions)
        context["editionsMarkdownURL"] = .text(root + SitePaths.markdown(of: SitePaths.editions))
        if let chart = history.chart(root: root) { context["historyChart"] = chart }
        guard let content = history.content else {
            context["history"] = .object(status)
            return context
        }
        status["commits"] = .number(content.commitCount)
        status["commitsText"] = .text(NumberFormat.plural(content.commitCount, "commit"))
        status["contentPath"] = .text(shared.siteData.history.contentPath)
        status["changedText"] = .text(NumberFormat.plural(content.events.count, "commit"))
        status["hasSkipped"] = .flag(!content.skipped.isEmpty)
        status["skippedText"] = .text(NumberFormat.plural(content.skipped.count, "commit"))
        status["skipped"] = .list(content.skipped.reversed().map { skipped in
            var entry: TemplateObject = ["commit": .object(history.commit(skipped.commit)),
                                         "errors": .text(NumberFormat.plural(skipped.problems.count, "error"))]
            if let first = skipped.problems.first {
                entry["first"] = .text((first.location.map { "\($0.file):\($0.line):\($0.column): " } ?? "") + first.message)
            }
            return .object(entry)
        })
        context["history"] = .object(status)
        context["groups"] = .list(Self.byDay(content.events).map { day, events in
            ["date": .text(day.description), "events": .list(events.map { .object(event($0, shared: shared, root: root)) })]
        })
        context["hasGroups"] = .flag(!content.events.isEmpty)
        return context
    }

    /// Days newest first, each with its commits newest first (by position, as author
    /// dates need not grow along a branch).
    static func byDay(_ events: [HistoryEvent]) -> [(CalendarDate, [HistoryEvent])] {
        Dictionary(grouping: events, by: \.commit.date)
            .map { ($0.key, $0.value.sorted { $0.sequence > $1.sequence }) }
            .sorted { $0.0 > $1.0 }
    }

    private func event(_ event: HistoryEvent, shared: SharedContext, root: String) -> TemplateObject {
        let listed = EventItems(event, siteData: shared.siteData, limit: Self.listLimit)
        func item(_ item: ChangeItem, separator: String = "") -> TemplateValue {
            var context: TemplateObject = ["label": .text(item.label), "detail": .text(item.detail), "separator": .text(separator)]
            // `link`, not `url`: a missing key is looked up in the enclosing contexts.
            if let path = item.path {
                context["link"] = .text(root + path)
                context["markdownLink"] = .text(root + SitePaths.markdown(of: path))
            }
            return .object(context)
        }
        return [
            "commit": .object(shared.history.commit(event.commit)),
            "summary": .text(ChangeWording.summary(event)),
            "items": .list(listed.items.map { item($0) }),
            "hasRescored": .flag(!listed.rescored.isEmpty),
            "rescoredText": .text(NumberFormat.plural(listed.rescored.count, "model")),
            "rescored": .list(listed.rescored.enumerated().map { index, entry in
                item(entry, separator: index == listed.rescored.count - 1 ? "" : ", ")
            }),
            "hasNotShown": .flag(listed.notShown > 0),
            "notShown": .text("And \(NumberFormat.plural(listed.notShown, "more change")), not listed here; each scorecard lists its own"),
        ]
    }
}
