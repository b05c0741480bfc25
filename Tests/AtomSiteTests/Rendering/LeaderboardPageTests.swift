import Testing
@testable import AtomSite

@Suite struct LeaderboardPageTests {
    let page: HTMLElement

    init() throws {
        page = try SiteFixture.html("index.html", in: try SiteFixture.build())
    }

    var rows: [HTMLElement] { page.element(id: "leaderboard")?.first("tbody")?.all("tr") ?? [] }

    func row(named name: String) -> HTMLElement? {
        rows.first { $0.first("th")?.first("a")?.text == name }
    }

    @Test func listsEveryModelRankedByPoints() {
        #expect(rows.count == 5)
        let points = rows.compactMap { $0.all(class: "points").first.map(\.text) }.compactMap(Int.init)
        #expect(points == points.sorted(by: >))
        #expect(rows.first?.first("th")?.first("a")?.text == "Open Fixture 7B")
    }

    @Test func showsEachModelsLevelsPointsAndTier() throws {
        let open = try #require(row(named: "Open Fixture 7B"))
        let cells = open.all("td").map(\.text)
        // Points and tier come right after the name, so they stay in view on a phone.
        #expect(cells == ["1", "100", "Truly open", "US", "Open with checkpoints", "Released", "Full pipeline", "OSI-approved or equivalent", "1,234,567 2025-08-01"])
        // A model without figures says so; it is never shown as 0.
        let hosted = try #require(row(named: "Hosted Fixture"))
        #expect(hosted.all("td").last?.text == "no data")
        // Sorted on an empty value, which the script puts last whichever the direction.
        #expect(hosted.all("td").last?["data-value"] == "")
        let llama = try #require(row(named: "Llama Fixture 70B"))
        #expect(llama.all("td")[2].text == "Restricted weights")
        #expect(llama.all(class: "points").first?.text == "44")
        #expect(llama["data-origin"] == "US")
        #expect(llama["data-tier"] == "restricted-weights")
        #expect(llama.all("td").last?.text == "5,600,000 2025-08-01")
        #expect(llama.all("td").last?["data-value"] == "5600000")
    }

    @Test func linksEachModelToItsScorecard() throws {
        let link = try #require(row(named: "Qwen Fixture 7B")?.first("a"))
        #expect(link["href"] == "./models/qwen-fixture/")
    }

    @Test func tableHeadersHaveScopesAndTheTableACaption() {
        let table = page.element(id: "leaderboard")
        #expect(table?.first("caption")?.text == "All 5 models, ranked by points out of 100; downloads are all-time Hugging Face downloads as of each model's latest recorded figure")
        #expect(table?.first("thead")?.all("th").allSatisfy { $0["scope"] == "col" } == true)
        #expect(rows.allSatisfy { $0.first("th")?["scope"] == "row" })
    }

    @Test func filterControlsAreLabelledAndHiddenUntilTheScriptRuns() throws {
        let form = try #require(page.element(id: "leaderboard-controls"))
        #expect(form["hidden"] != nil)
        for id in ["filter-search", "filter-origin", "filter-tier"] {
            #expect(form.all("label").contains { $0["for"] == id }, "no label for \(id)")
        }
        let origins = page.element(id: "filter-origin")?.all("option").map(\.text)
        #expect(origins == ["All origins", "China (2)", "United States (2)", "France (1)"])
    }

    @Test func headlineNumbersAreComputed() throws {
        let stats = try #require(page.all(class: "stats").first)
        let values = Dictionary(uniqueKeysWithValues: stats.all("div").compactMap { item -> (String, String)? in
            guard let term = item.first("dt")?.text, let value = item.first("dd")?.text else { return nil }
            return (term, value)
        })
        #expect(values["Models assessed"] == "5")
        #expect(values["Truly open"] == "1")
        #expect(values["US: open weights or better"] == "1 of 2")
        #expect(values["China: open weights or better"] == "1 of 2")
    }

    @Test func hostileNameIsEscapedNotExecuted() throws {
        let hostile = try #require(row(named: "Evil <script>alert(1)</script> | ] ( `x` # Model"))
        #expect(hostile.all("script").isEmpty)
        #expect(hostile.all("img").isEmpty)
        #expect(hostile.first("th")?.text.contains("<img src=x onerror=alert(2)> & Co") == true)
        // The only scripts on the page are the template's own.
        #expect(page.all("script").map { $0["src"] ?? "inline" } == ["./assets/leaderboard.js"])
    }

    @Test func tiersByOriginChartIsInlineSVGWithATextAlternative() throws {
        let svg = try #require(page.first("svg"))
        #expect(svg["role"] == "img")
        #expect(svg.first("title")?.text == "Tiers by origin")
        #expect(svg.first("desc")?.text.contains("China: 2 (1 open weights, 1 closed); United States: 2 (1 truly open, 1 restricted weights)") == true)
    }
}
