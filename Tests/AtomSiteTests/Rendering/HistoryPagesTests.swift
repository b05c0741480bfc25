import AtomAudit
import Foundation
import Testing
@testable import AtomSite

/// The site built from a git repository, read as a reader reads it: each scorecard's
/// History, the changes page with its commit links, the feed and the chart.
@Suite final class HistoryPagesTests {
    let site: HistorySite
    let result: SitePipeline.Result

    init() throws {
        site = try HistorySite()
        result = try site.build().result
    }

    @Test func theBuildSucceedsAndWarnsOnlyAboutTheBrokenEdition() throws {
        guard case .built = result.outcome else { Issue.record("not built: \(result.outcome)"); return }
        #expect(result.diagnostics.filter { $0.severity != .note }.map(\.code) == ["edition-skipped"])
        #expect(result.diagnostics.first { $0.code == "edition-skipped" }?.message
            .hasPrefix("tag 'edition-broken' is not published as an edition: the content at that tag has 1 error, the first: Content/models/acme-7b-instruct.yaml:7:12:") == true)
    }

    /// Newest first, each commit linked, each change in words.
    @Test func aScorecardListsItsChangesNewestFirst() throws {
        let page = try site.html("models/hosted-fixture/index.html")
        let section = try #require(page.element(id: "history-title")?.parent)
        let entries = section.all(class: "history-entries").first?.children.compactMap { node -> HTMLElement? in
            if case .element(let element) = node, element.name == "li" { return element }
            return nil
        } ?? []
        #expect(entries.map { $0.first("time")?.text } == ["2025-01-07", "2025-01-06", "2025-01-01"])
        #expect(entries.map { $0.first("a")?["href"] } == [site.commitURL(6), site.commitURL(5), site.commitURL(0)])
        #expect(entries[0].all("a")[1]["href"] == "../../changes/#commit-\(site.ids[6])")
        #expect(entries[0].first("ul")?.all("li").map(\.text) == ["Rubric version 1.0 → 1.1: every model is scored again", "43 → 45 points"])
        #expect(entries[1].first("ul")?.all("li").map(\.text) == [
            "Tier Closed → Open weights", "Weights: Hosted only → Open weights",
            "License none → Apache-2.0 (Proprietary → OSI-approved or equivalent)", "0 → 43 points",
        ])
        #expect(entries[2].first("ul")?.all("li").map(\.text) == ["Added (Closed, 0 points)"])
        #expect(section.all("a").last?["href"] == "../../changes/")

        let markdown = try site.text("models/hosted-fixture/README.md")
        #expect(markdown.contains("## History\n\n- **2025-01-07** · [commit \(site.ids[6].prefix(7))](<\(site.commitURL(6))>) · Rubric 1.1: Rubric version 1.0 → 1.1: every model is scored again; 43 → 45 points\n"))
    }

    @Test func theChangesPageGroupsCommitsByDayNewestFirst() throws {
        let page = try site.html("changes/index.html")
        #expect(page.all("h1").map(\.text) == ["Changes"])
        let days = page.all(class: "change-day")
        #expect(days.map { $0.first("h2")?.text } == ["2025-01-08", "2025-01-07", "2025-01-06", "2025-01-04", "2025-01-03", "2025-01-02", "2025-01-01"])
        let changes = page.all(class: "change")
        #expect(changes.map { $0["id"] } == [7, 6, 5, 3, 2, 1, 0].map { "commit-\(site.ids[$0])" })
        #expect(changes.map { $0.first("p")?.first("a")?["href"] } == [7, 6, 5, 3, 2, 1, 0].map { site.commitURL($0) })

        // The parser pads every element's text with spaces: "Label : detail" is "Label: detail" on screen.
        func items(_ index: Int) -> [String] { changes[index].all("li").map { $0.text.replacingOccurrences(of: " : ", with: ": ") } }
        #expect(items(0) == ["Acme 7B: removed (was Open weights, 51 points)"])
        #expect(changes[0].all("li").first?.first("a") == nil, "a removed model has no page to link")
        #expect(items(1) == ["Rubric version 1.1: replaces version 1.0; every model is scored again",
                             "Re-scored without a tier or license change, 3 models: Acme 7B (49 → 51 points), Hosted Fixture (43 → 45 points), Open Fixture 7B (100 → 105 points)"])
        #expect(items(2).first?.hasPrefix("Hosted Fixture: tier Closed → Open weights; weights: Hosted only → Open weights;") == true)
        #expect(changes[2].all("li").first?.first("a")?["href"] == "../models/hosted-fixture/")
        #expect(items(2).last == "China has no open-weights-or-better model: met → not met (value 1; threshold exactly 0), in the scenario “Continued divergence”")
        #expect(changes[2].all("li").last?.first("a")?["href"] == "../scenarios/divergence/")
        #expect(items(3) == ["Acme 7B: renamed from acme-7b"])
        #expect(changes[6].first("h3")?.text == "Add the fixture content")
        #expect(items(6).first == "Rubric version 1.0: in use from this commit on")
    }

    @Test func theChangesPageCountsCommitsAndListsTheSkippedOne() throws {
        let page = try site.html("changes/index.html")
        #expect(page.text.contains("Read from 9 commits that touched the Content folder; 7 commits changed a score, a signpost or the rubric."))
        let skipped = try #require(page.element(id: "skipped-title")?.parent)
        #expect(skipped.all("li").map(\.text) == [
            "2025-01-05 · commit \(site.ids[4].prefix(7)) · Typo in Acme's license: 1 error; the first: Content/models/acme-7b-instruct.yaml:7:12: weights.license 'inf' is not in the license catalog; expected an id defined in licenses.yaml",
        ])
        #expect(skipped.first("a")?["href"] == site.commitURL(4))

        let markdown = try site.text("changes/README.md")
        #expect(markdown.contains("\n## 2025-01-06\n\n### Fix the license; the hosted fixture opens its weights\n\n[Commit \(site.ids[5].prefix(7))](<\(site.commitURL(5))>) · 1 tier change, 1 signpost turned\n\n- [Hosted Fixture](../models/hosted-fixture/README.md): tier Closed → Open weights;"))
    }

    @Test func theFeedHasAnEntryPerChangeWithStableIdsAndDates() throws {
        let feed = try site.text("feed.xml")
        let ids = feed.components(separatedBy: "<id>").dropFirst(2).compactMap { $0.components(separatedBy: "</id>").first }
        let changeIDs = ids.filter { $0.contains("/changes/") }
        #expect(changeIDs == [7, 6, 5, 3, 2, 1, 0].map { "https://example.org/audit/changes/#commit-\(site.ids[$0])" })
        let updated = feed.components(separatedBy: "<updated>").dropFirst(2).compactMap { $0.components(separatedBy: "</updated>").first }
        #expect(updated == updated.sorted(by: >), "newest first")
        #expect(feed.contains("<title>2025-01-06 · 1 tier change, 1 signpost turned</title>"))
        #expect(feed.contains("<summary>Remove Acme (commit \(site.ids[7].prefix(7))). Acme 7B: removed (was Open weights, 51 points).</summary>"))
    }

    @Test func theChartOfTiersOverTimeHasItsTextAlternativeAndNumbers() throws {
        for page in ["changes/index.html", "charts/index.html"] {
            let figure = try #require(try site.html(page).all(class: "chart").last)
            let svg = try #require(figure.first("svg"))
            #expect(svg["role"] == "img" && svg["aria-labelledby"] == "tiers-over-time-title tiers-over-time-desc")
            #expect(svg.first("desc")?.text.hasPrefix("Models in each tier over time, by origin, from the content's history (9 commits read") == true)
            #expect(figure.all("a").map { $0["href"] } == ["../charts/tiers-over-time.svg", "../charts/tiers-over-time.csv"])
            #expect(figure.first("figcaption")?.text.contains("data as of 2025-08-10") == true)
        }
        let svg = try ChartXML.parse(try site.text("charts/tiers-over-time.svg"))
        #expect(svg.all(class: "panel").compactMap { $0.all(class: "panel-label").first?.textContent } == ["United States", "China"])
        let csv = try site.text("charts/tiers-over-time.csv").components(separatedBy: "\r\n")
        #expect(csv[0] == "date,commit,origin,truly-open,open-source,open-weights,restricted-weights,closed,total,as_of")
        #expect(csv[1] == "2025-01-01,\(site.ids[0]),US,1,0,0,0,0,1,2025-08-10")
        #expect(csv[2] == "2025-01-01,\(site.ids[0]),CN,0,0,0,0,1,1,2025-08-10")
        #expect(csv.contains("2025-01-06,\(site.ids[5]),CN,0,0,1,0,0,1,2025-08-10"))
    }
}
