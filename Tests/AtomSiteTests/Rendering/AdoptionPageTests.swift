import AtomAudit
import Foundation
import Testing
@testable import AtomSite

/// `adoption/` as a reader meets it, in both editions: downloads by origin over time, by
/// origin and tier, by tier, coverage of the Hub and relative adoption, each saying how
/// many models it covers. The fixture: figures for 3 of 5 models, US and China.
@Suite struct AdoptionPageTests {
    let files: [String: OutputFile]

    init() throws { files = try SiteFixture.build() }

    func page() throws -> HTMLElement { try SiteFixture.html("adoption/index.html", in: files) }

    /// The body rows of the table captioned `caption`, as cell texts.
    func rows(_ page: HTMLElement, caption: String) -> [[String]] {
        let table = page.all("table").first { $0.first("caption")?.text.hasPrefix(caption) == true }
        return table?.first("tbody")?.all("tr").map { $0.children.compactMap { node in
            if case .element(let cell) = node { return cell.text } else { return nil }
        } } ?? []
    }

    @Test func theNavigationLeadsToItInBothEditions() throws {
        let home = try SiteFixture.html("index.html", in: files)
        #expect(home.first("nav")?.all("a").contains { $0.text == "Adoption" && $0["href"] == "./adoption/" } == true)
        #expect(try SiteFixture.text("README.md", in: files).contains("[Adoption](./adoption/README.md)"))
        #expect(try page().all("a").contains { $0["aria-current"] == "page" && $0.text == "Adoption" })
    }

    @Test func everyNumberSaysHowManyModelsItCovers() throws {
        let page = try page()
        #expect(page.first("h1")?.text == "Adoption")
        #expect(page.all(class: "lede").first?.text.hasSuffix("figures for 3 of 5 models so far, newest figure 2025-08-01.") == true)
        #expect(rows(page, caption: "The same numbers as a table") == [
            ["2025-08-01", "14,834,567 (3 models)", "8,000,000 (1 model)", "6,834,567 (2 models)"],
            ["2025-07-15", "14,100,000 (3 models)", "8,000,000 (1 model)", "6,100,000 (2 models)"],
            // Before its first figure China has no data, not 0 downloads.
            ["2025-07-01", "6,100,000 (2 models)", "no data", "6,100,000 (2 models)"],
            ["2025-06-01", "900,000 (1 model)", "no data", "900,000 (1 model)"],
        ])
    }

    @Test func originsAreSplitByTier() throws {
        let table = rows(try page(), caption: "Downloads by origin and tier")
        #expect(table == [
            ["China (CN)", "figures for 1 of 2 models", "8,000,000", "53.9%", "—", "—", "8,000,000", "—", "no data"],
            ["United States (US)", "figures for 2 of 2 models", "6,834,567", "46.1%", "1,234,567", "—", "—", "5,600,000", "—"],
            ["France (FR)", "figures for 0 of 1 model", "no data", "no data", "—", "—", "—", "no data", "—"],
        ])
        let shares = rows(try page(), caption: "Downloads of all origins by tier")
        #expect(shares.first == ["Truly open", "1,234,567", "8.3%", "figures for 1 of 1 model"])
        #expect(shares[1] == ["Open source", "no data", "no data", "no model"])
    }

    @Test func eachChartIsAnAccessibleSVGWithItsFilesAndSource() throws {
        let page = try page()
        let figures = page.all("figure")
        #expect(figures.count == 3)
        for (figure, chart) in zip(figures, AdoptionCharts.files) {
            let svg = try #require(figure.first("svg"))
            #expect(svg["role"] == "img")
            #expect(svg.first("title")?.text == chart.title)
            #expect(svg.first("desc")?.text.contains("figures for 3 of 5 models") == true)
            let caption = try #require(figure.first("figcaption"))
            #expect(caption.text.contains("Source: Hugging Face Hub figures recorded in this audit's model manifests (figures for 3 of 5 models; newest figure 2025-08-01)."))
            let links = caption.all("a").map { $0["href"] ?? "" }
            #expect(links == ["../" + chart.path, "../" + ChartTables.path(ofSVG: chart.path)])
            #expect(files[chart.path] != nil && files[ChartTables.path(ofSVG: chart.path)] != nil)
        }
        let csv = try SiteFixture.text("charts/adoption-by-origin.csv", in: files)
        #expect(csv.hasPrefix("date,origin,origin_name,downloads,models_with_figures,models\r\n2025-06-01,,All origins,900000,1,5\r\n"))
        #expect(csv.contains("2025-07-15,CN,China,8000000,1,2\r\n"))
        // France has no figure: an empty cell, not 0.
        #expect(try SiteFixture.text("charts/adoption-by-origin-and-tier.csv", in: files).contains("\r\nFR,France,1,0,,0,,0,,0,,0,,0,,2025-08-01\r\n"))
    }

    @Test func coverageOfTheHubIsStatedWithTheUncoveredModels() throws {
        let page = try page()
        let section = try #require(page.element(id: "coverage-title")?.parent)
        #expect(section.first("p")?.text == "The catalogue covers 85% of the downloads of the Hub's top 4 text-generation models as of 2025-08-01 (their downloads over the 30 days before: 2,000, read from https://huggingface.co).")
        #expect(rows(section, caption: "Top models no manifest covers") == [["someone/uncovered-model", "200"], ["gpt2", "100"]])
        // Linked only when it is an owner/name repository.
        #expect(section.all("a").map { $0["href"] ?? "" } == ["https://huggingface.co/someone/uncovered-model"])
        withExtendedLifetime(page) {}

        var report = try SiteFixture.report()
        report.coverage = nil
        let unmeasured = try SiteFixture.html("adoption/index.html", in: try SiteFixture.build(report))
        #expect(unmeasured.element(id: "coverage-title")?.parent?.first("p")?.text.hasPrefix("Coverage has not been measured yet.") == true)
    }

    @Test func relativeAdoptionNeedsTenModelsOfTheClass() throws {
        let page = try page()
        let fixture = try #require(page.element(id: "relative-title")?.parent)
        #expect(fixture.all(class: "no-data").map(\.text) == ["Not enough data.", "Not enough data.", "Not enough data.", "Not enough data."])
        #expect(fixture.text.contains("Figures for 2 of 2 models. Not enough data for 2 models with figures."))
        withExtendedLifetime(page) {}

        let peers = try SiteFixture.build(try SiteFixture.reportWithAdoptionPeers())
        let peersPage = try SiteFixture.html("adoption/index.html", in: peers)
        let section = try #require(peersPage.element(id: "relative-title")?.parent)
        let table = rows(section, caption: "Relative adoption, Under 10B parameters")
        #expect(table.count == 11)
        // At 100 days the 10th of the 13 models that reach that age has 4,000 downloads.
        #expect(table.first == ["1", "Peer 11", "US", "2.75", "11,000", "100 days", "4,000 (of 13 models)"])
        #expect(table.last == ["11", "Peer 1", "US", "0.25", "1,000", "100 days", "4,000 (of 13 models)"])
        #expect(section.text.contains("Figures for 13 of 13 models. Not enough data for 2 models with figures."))
        withExtendedLifetime(peersPage) {}
        let card = try SiteFixture.html("models/peer-11/index.html", in: peers)
        #expect(card.element(id: "adoption-title")?.parent?.text.contains("Relative adoption within its size class: 2.75 times the downloads of the 10th most-downloaded model of its size class (under 10B parameters) at the same age, 100 days after release (11,000 against 4,000; 13 models of the class reach that age).") == true)
        let csv = try SiteFixture.text("charts/relative-adoption.csv", in: peers)
        #expect(csv.contains("\r\nsmall,peer-11,Peer 11,US,100,11000,4000,13,2.75\r\n"))
        #expect(csv.contains("\r\nsmall,open-fixture,Open Fixture 7B,US,,1234567,,,\r\n"))
    }

    @Test func theMarkdownEditionCarriesTheSameTables() throws {
        let text = try SiteFixture.text("adoption/README.md", in: files)
        let lines = text.components(separatedBy: "\n")
        #expect(lines.contains("| 2025-07-01 | 6,100,000 (2 models) | no data | 6,100,000 (2 models) |"))
        #expect(lines.contains("| China (CN) | figures for 1 of 2 models | 8,000,000 | 53.9% | — | — | 8,000,000 | — | no data |"))
        #expect(lines.contains("| [someone/uncovered-model](<https://huggingface.co/someone/uncovered-model>) | 200 |"))
        let html = HTMLDocument.parse(MarkdownRenderer(topHeadingLevel: 1).html(from: text))
        let images = html.all("img").map { $0["src"] ?? "" }
        #expect(images == AdoptionCharts.files.map { "../" + $0.path })
        #expect(html.all("h2").map(\.text) == ["Adoption in context", "Downloads by origin over time", "Downloads by origin and tier", "Share of downloads by tier",
                                                "How much of the Hub the catalogue covers", "Relative adoption within size class"])
    }

    @Test func publishedMeasurementsAreQuotedBesideTheCataloguesOwn() throws {
        let page = try page()
        let section = try #require(page.element(id: "context-title")?.parent)
        #expect(section.first("h2")?.text == "Adoption in context")
        #expect(section.text.contains("more than 1.4 billion of about 2 billion downloads for small models"))
        #expect(section.all("a").map { $0["href"] } == ["https://example.org/report"])
        // It comes before the first chart, and is part of the adoption page, not a page of its own.
        #expect(page.all("h2").map(\.text).prefix(2) == ["Adoption in context", "Downloads by origin over time"])
        #expect(files.keys.filter { $0.hasPrefix("adoption/") }.sorted() == ["adoption/README.md", "adoption/index.html"])
        let markdown = try SiteFixture.text("adoption/README.md", in: files)
        #expect(markdown.contains("## Adoption in context\n\nA published report (January 2026) counted more than 1.4 billion of about 2 billion\ndownloads for [small models](https://example.org/report)."))
    }

    @Test func withoutAnyFigureEveryTotalReadsNoData() throws {
        let report = try SiteFixture.reportWithoutFigures()
        let built = try SiteFixture.build(report)
        let page = try SiteFixture.html("adoption/index.html", in: built)
        #expect(page.text.contains("No data yet. No model has a downloads figure"))
        #expect(page.all("figure").allSatisfy { $0.first("svg")?.first("desc")?.text.hasPrefix("No model has a downloads figure yet (figures for 0 of 5 models)") == true })
        #expect(rows(page, caption: "Downloads of all origins by tier").allSatisfy { $0[1] == "no data" && $0[2] == "no data" })
        #expect(!page.text.contains(" 0%"))
        let divergence = try SiteFixture.html("scenarios/divergence/index.html", in: built)
        #expect(divergence.first("h2")?.text == "Signposts: 1 met, 1 not met, 3 without data")
    }
}
