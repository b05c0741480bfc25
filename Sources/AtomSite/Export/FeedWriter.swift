import AtomAudit

/// An Atom feed of assessments and of the changes the content's history records, newest
/// first. Dates come from the manifests and the commits, never from the clock, so the
/// feed is byte-identical across builds of the same commit.
struct FeedWriter {
    let siteData: SiteData

    /// One `<entry>`: `id` is stable (a scorecard's URL, or a commit's anchor on the
    /// changes page), so readers do not see an entry twice.
    struct Entry {
        var title: String
        var id: String
        var updated: CalendarDate
        var summary: String
        /// Orders entries of the same day: changes newest commit first, then assessments by model id.
        var tieBreaker: String
    }

    func feed() -> String {
        let entries = (assessments + changes).sorted { ($1.updated, $0.tieBreaker) < ($0.updated, $1.tieBreaker) }
        let base = siteData.site.baseURL
        let updated = entries.map(\.updated).max().map(Self.timestamp) ?? "1970-01-01T00:00:00Z"
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>\(XMLText.escape(siteData.site.title)): assessments and changes</title>
              <subtitle>\(XMLText.escape(siteData.site.tagline))</subtitle>
              <id>\(XMLText.escape(base))</id>
              <link rel="alternate" href="\(XMLText.escape(base))"/>
              <link rel="self" href="\(XMLText.escape(base + SitePaths.feed))"/>
              <updated>\(updated)</updated>
              <author><name>\(XMLText.escape(siteData.site.publisher))</name></author>

            """
        for entry in entries {
            xml += """
                  <entry>
                    <title>\(XMLText.escape(entry.title))</title>
                    <id>\(XMLText.escape(entry.id))</id>
                    <link rel="alternate" href="\(XMLText.escape(entry.id))"/>
                    <updated>\(Self.timestamp(entry.updated))</updated>
                    <summary>\(XMLText.escape(entry.summary))</summary>
                  </entry>

                """
        }
        return xml + "</feed>\n"
    }

    /// One entry per model, dated by its assessment.
    var assessments: [Entry] {
        siteData.cards.map { card in
            let m = card.manifest
            return Entry(title: "\(m.name): \(card.tier.label) (\(card.points)/\(card.maxPoints))",
                         id: siteData.site.baseURL + SitePaths.model(card.id.rawValue), updated: m.assessed,
                         summary: "\(m.developer) (\(m.origin.name)). \(card.tierReason)", tieBreaker: "b " + card.id.rawValue)
        }
    }

    static func timestamp(_ date: CalendarDate) -> String { "\(date)T00:00:00Z" }
}
