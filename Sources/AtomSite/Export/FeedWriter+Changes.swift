import AtomAudit

extension FeedWriter {
    /// The most changes one entry spells out; a commit that adds 10,000 manifests is summed up.
    static let changesPerEntry = 20

    /// One entry per commit that changed a score, a tier, a license, the rubric or a
    /// signpost, dated by the commit and identified by its full id.
    var changes: [Entry] {
        guard let history = siteData.history.content else { return [] }
        return history.events.map { event in
            let listed = EventItems(event, siteData: siteData, limit: Self.changesPerEntry)
            var lines = listed.items.map(\.text)
            if !listed.rescored.isEmpty {
                lines.append("re-scored: " + listed.rescored.map { "\($0.label) (\($0.detail))" }.joined(separator: ", "))
            }
            if listed.notShown > 0 { lines.append("and \(NumberFormat.plural(listed.notShown, "more change"))") }
            return Entry(title: "\(event.commit.date) · \(ChangeWording.summary(event))",
                         id: siteData.site.baseURL + SitePaths.changes + "#" + HistoryContext.anchor(event.commit.id),
                         updated: event.commit.date,
                         summary: "\(event.commit.subject) (commit \(event.commit.shortID)). " + lines.joined(separator: "; ") + ".",
                         tieBreaker: Self.countdown(event.sequence))
        }
    }

    /// A key that sorts later commits of one day first: the sequence counted down from
    /// Int32.max, zero-padded to a fixed width.
    static func countdown(_ sequence: Int) -> String {
        let digits = String(Int32.max - Int32(clamping: max(sequence, 0)))
        return "a " + String(repeating: "0", count: 10 - digits.count) + digits
    }
}
