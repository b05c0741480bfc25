import AtomAudit
import Foundation
import Testing
@testable import AtomSite

/// Citable editions: one JSON file per edition tag, from the content at the tag, and the
/// page that lists them.
@Suite final class EditionsTests {
    let site: HistorySite

    init() throws {
        site = try HistorySite()
        try site.build()
    }

    func json(_ path: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(site.text(path).utf8)) as? [String: Any])
    }

    @Test func anEditionHoldsTheRecordsOfItsTagAsOfTheTagsDate() throws {
        let edition = try json("data/editions/edition-2025-01.json")
        #expect(edition["asOf"] as? String == "2025-01-07")
        #expect(edition["rubricVersion"] as? String == "1.1")
        let records = try #require(edition["models"] as? [[String: Any]])
        #expect(records.compactMap { $0["id"] as? String } == ["acme-7b-instruct", "hosted-fixture", "open-fixture"])
        // The same record data/models.json publishes for the same manifest under the same rubric.
        let current = try #require(try json("data/models.json")["models"] as? [[String: Any]])
        let now = try #require(current.first { $0["id"] as? String == "open-fixture" })
        let then = try #require(records.first { $0["id"] as? String == "open-fixture" })
        #expect(NSDictionary(dictionary: now).isEqual(to: then))

        let first = try json("data/editions/edition-first.json")
        #expect(first["asOf"] as? String == "2025-02-01", "an annotated tag is dated by its tagger")
        #expect(first["rubricVersion"] as? String == "1.0" && first["count"] as? Int == 3)
        #expect(!site.exists("data/editions/edition-broken.json") && !site.exists("data/editions/v1.json"))
    }

    @Test func theEditionsPageListsEachWithItsCitation() throws {
        let page = try site.html("editions/index.html")
        let rows = page.first("tbody")?.all("tr") ?? []
        #expect(rows.map { $0.first("th")?.text } == ["edition-first", "edition-2025-01"])
        #expect(rows[1].all("td").map(\.text).prefix(4) == ["2025-01-07", "3", "1 truly open, 0 open source, 2 open weights, 0 restricted weights, 0 closed", "1.1"])
        #expect(rows[1].all("a").map { $0["href"] } == ["../data/editions/edition-2025-01.json", site.commitURL(6)])
        #expect(page.all(class: "citations").first?.all("li").last?.text
            == "Test publisher (2025). Fixture audit (edition-2025-01, data as of 2025-01-07) [Data set]. https://example.org/audit/data/editions/edition-2025-01.json")
        let markdown = try site.text("editions/README.md")
        #expect(markdown.contains("| edition-2025-01 | 2025-01-07 | 3 | 1 truly open, 0 open source, 2 open weights, 0 restricted weights, 0 closed | 1.1 | [edition-2025-01.json](../data/editions/edition-2025-01.json) |"))
    }

    /// Same commit, same bytes: a build from a cold cache equals one from a warm cache.
    @Test func twoBuildsOfOneCommitGiveTheSameBytes() throws {
        let other = site.work.appendingPathComponent("Other")
        try FileManager.default.removeItem(at: site.cache)
        try site.build(output: other)
        for path in ["changes/index.html", "changes/README.md", "feed.xml", "charts/tiers-over-time.svg", "data/editions/edition-first.json",
                     "editions/index.html", "models/hosted-fixture/index.html"] {
            #expect(try site.text(path) == site.text(path, in: other), "\(path)")
        }
    }
}
