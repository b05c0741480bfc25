import Foundation
import Testing
@testable import AtomSite

/// compare/ and the featured comparisons, as a reader without JavaScript meets them. The
/// fixture has two US models (Open Fixture 7B, truly open; Llama Fixture 70B, restricted)
/// and two Chinese ones (Qwen Fixture 7B; Hosted Fixture, closed).
@Suite struct ComparePageTests {
    let files: [String: OutputFile]

    init() throws { files = try SiteFixture.build() }

    func featuredLinks() throws -> [(text: String, href: String)] {
        let page = try SiteFixture.html("compare/index.html", in: files)
        let list = try #require(page.all(class: "comparison-list").first)
        return list.all("li").compactMap { item in
            guard let link = item.children.compactMap({ node -> HTMLElement? in
                if case .element(let element) = node, element.name == "a" { return element }
                return nil
            }).first else { return nil }
            return (link.text, link["href"] ?? "")
        }
    }

    @Test func theComparePageListsTheTopUSAndChineseModelsOverallAndPerTier() throws {
        let links = try featuredLinks()
        #expect(links.first?.text == "Open Fixture 7B and Qwen Fixture 7B")
        #expect(links.first?.href == "../compare/open-fixture-vs-qwen-fixture/")
        #expect(!links.contains { $0.href.contains("llama-fixture-vs-hosted-fixture") }, "models of different tiers are no tier's pair")
        for link in links {
            let folder = String(link.href.dropFirst("../".count))
            #expect(files[folder + "index.html"] != nil && files[folder + "README.md"] != nil, "\(link.href)")
        }
        let page = try SiteFixture.html("compare/index.html", in: files)
        // The form needs the script, so it starts hidden; its lists are labelled.
        let form = try #require(page.element(id: "compare-form"))
        #expect(form["hidden"] != nil)
        #expect(form["data-axes"] == "weights:Weights data:Data code:Code license:License")
        #expect(form["data-folder"] == "../data/models/")
        let first = try #require(page.element(id: "compare-1"))
        #expect(first.all("option").compactMap { $0["value"] }.filter { !$0.isEmpty }.count == 5)
        #expect(page.all("label").compactMap { $0["for"] } == ["compare-1", "compare-2", "compare-3", "compare-4"])
        #expect(page.all("script").compactMap { $0["src"] } == ["../assets/compare.js"])
        #expect(page.all("nav").first?.all("a").contains { $0.text == "Compare" && $0["aria-current"] == "page" } == true)
    }

    @Test func aFeaturedComparisonIsATableWithScopedHeaders() throws {
        let page = try SiteFixture.html("compare/open-fixture-vs-qwen-fixture/index.html", in: files)
        #expect(page.first("h1")?.text == "Open Fixture 7B and Qwen Fixture 7B")
        let table = try #require(page.all(class: "comparison").first)
        #expect(table.first("caption")?.text == "Open Fixture 7B and Qwen Fixture 7B, side by side")
        let columns = table.first("thead")?.all("th") ?? []
        #expect(columns.allSatisfy { $0["scope"] == "col" } && columns.count == 2)
        #expect(columns.map { $0.first("a")?["href"] ?? "" } == ["../../models/open-fixture/", "../../models/qwen-fixture/"])
        let rows = table.first("tbody")?.all("tr") ?? []
        #expect(rows.map { $0.first("th")?.text ?? "" } == [
            "Tier", "Points", "Origin", "Released", "Parameters", "Weights", "Data", "Code", "License", "Weights license", "Assessed",
        ])
        #expect(rows.allSatisfy { $0.first("th")?["scope"] == "row" && $0.all("td").count == 2 })
        let tier = rows[0].all("td").map { $0.all(class: "tier").first?.text ?? "" }
        #expect(tier.first == "Truly open")
        #expect(rows[1].all("td").first?.text == "100 of 100")
        #expect(rows[2].all("td").map(\.text) == ["United States (US)", "China (CN)"])
        // Each axis cell names its level and points and links its evidence.
        let weights = rows[5].all("td")[0]
        #expect(weights.first("strong")?.text == "Open with checkpoints")
        #expect(weights.all("a").first?["href"] == "https://huggingface.co/example/open-fixture-7b")
        #expect(weights.all("a").first?.text == "huggingface.co/example/open-fixture-7b")
    }

    @Test func theMarkdownEditionHasTheSameTable() throws {
        let text = try SiteFixture.text("compare/open-fixture-vs-qwen-fixture/README.md", in: files)
        let rows = text.components(separatedBy: "\n").filter { $0.hasPrefix("|") }.dropFirst(2).map(BriefTests.cells)
        #expect(rows.map { $0.first ?? "" } == [
            "Developer", "Tier", "Points", "Origin", "Released", "Parameters", "Weights", "Data", "Code", "License", "Weights license", "Assessed",
        ])
        #expect(rows.allSatisfy { $0.count == 3 })
        let html = HTMLDocument.parse(MarkdownRenderer().html(from: text))
        #expect(html.all("a").contains { $0["href"] == "https://huggingface.co/example/open-fixture-7b" })
        let index = try SiteFixture.text("compare/README.md", in: files)
        #expect(index.contains("- [Open Fixture 7B and Qwen Fixture 7B](../compare/open-fixture-vs-qwen-fixture/README.md): The top US model and the top Chinese model."))
    }

    @Test func eachScorecardOffersAComparisonWithTheOtherCountrysTopModel() throws {
        let open = try SiteFixture.html("models/open-fixture/index.html", in: files)
        let section = try #require(open.element(id: "compare-title")?.parent)
        let links = section.all("a").map { ($0.text, $0["href"] ?? "") }
        // A featured pair links its page, which works without JavaScript.
        #expect(links.first?.0 == "Compare with Qwen Fixture 7B" && links.first?.1 == "../../compare/open-fixture-vs-qwen-fixture/")
        #expect(links.last?.1 == "../../compare/?models=open-fixture")
        // A model from elsewhere is measured against both.
        let hostile = try SiteFixture.html("models/hostile/index.html", in: files)
        let offered = hostile.element(id: "compare-title")?.parent?.all("a").map { $0["href"] ?? "" } ?? []
        #expect(offered.count == 3)
        #expect(offered.dropLast().allSatisfy { $0.hasPrefix("../../compare/") })
        let markdown = try SiteFixture.text("models/open-fixture/README.md", in: files)
        #expect(markdown.contains("[Compare with Qwen Fixture 7B](../../compare/open-fixture-vs-qwen-fixture/README.md)"))
    }
}
