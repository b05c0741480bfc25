import AtomAudit

/// An Atom feed of assessments, newest first. Dates come from the manifests, never
/// from the clock, so the feed is byte-identical across builds.
struct FeedWriter {
    let siteData: SiteData

    func feed() -> String {
        let cards = siteData.cards.sorted(on: { ($0.manifest.assessed, $0.id) }, by: { ($0.0, $1.1) > ($1.0, $0.1) })
        let base = siteData.site.baseURL
        let updated = cards.map(\.manifest.assessed).max().map(Self.timestamp) ?? "1970-01-01T00:00:00Z"
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>\(XMLText.escape(siteData.site.title)): assessments</title>
              <subtitle>\(XMLText.escape(siteData.site.tagline))</subtitle>
              <id>\(XMLText.escape(base))</id>
              <link rel="alternate" href="\(XMLText.escape(base))"/>
              <link rel="self" href="\(XMLText.escape(base + SitePaths.feed))"/>
              <updated>\(updated)</updated>
              <author><name>\(XMLText.escape(siteData.site.publisher))</name></author>

            """
        for card in cards {
            let url = base + SitePaths.model(card.id.rawValue)
            let m = card.manifest
            xml += """
                  <entry>
                    <title>\(XMLText.escape("\(m.name): \(card.tier.label) (\(card.points)/\(card.maxPoints))"))</title>
                    <id>\(XMLText.escape(url))</id>
                    <link rel="alternate" href="\(XMLText.escape(url))"/>
                    <updated>\(Self.timestamp(m.assessed))</updated>
                    <summary>\(XMLText.escape("\(m.developer) (\(m.origin.name)). \(card.tierReason)"))</summary>
                  </entry>

                """
        }
        return xml + "</feed>\n"
    }

    static func timestamp(_ date: CalendarDate) -> String { "\(date)T00:00:00Z" }
}
