import Foundation
import Testing
@testable import AtomSite

@Suite struct OtherPagesTests {
    let files: [String: OutputFile]

    init() throws { files = try SiteFixture.build() }

    @Test func methodologyRendersEveryAxisLevelTierLicenseAndIndicator() throws {
        let page = try SiteFixture.html("methodology/index.html", in: files)
        let captions = page.all("caption").map(\.text)
        #expect(captions.contains("Levels of the Data axis, lowest first"))
        let dataLevels = page.element(id: "levels-data")?.parent?.first("tbody")?.all("tr").map { $0.first("th")?.text ?? "" }
        #expect(dataLevels == ["Undisclosed", "Described", "Partly released", "Documented", "Released"])
        let tierRows = page.element(id: "tiers-caption")?.parent?.first("tbody")?.all("tr") ?? []
        #expect(tierRows.map { $0.first("th")?.text ?? "" } == ["Truly open", "Open source", "Open weights", "Restricted weights", "Closed"])
        #expect(tierRows.last?.all("td").first?.text == "Nothing (every other model)")
        let licenseRows = page.element(id: "licenses-caption")?.parent?.first("tbody")?.all("tr") ?? []
        #expect(licenseRows.count == 4)
        #expect(licenseRows.first?.all("td").map(\.text) == ["Apache-2.0", "Yes", "OSI-approved or equivalent", "none", "Permissive; no restrictions on use.", "2"])
        let indicators = page.element(id: "indicators-caption")?.parent?.first("tbody")?.all("tr").map { $0.first("th")?.text ?? "" }
        #expect(indicators?.contains("count-at-least-tier") == true)
        #expect(page.text.contains("How we score."))
    }

    @Test func scenarioPageShowsSignpostValuesAndVerdicts() throws {
        let page = try SiteFixture.html("scenarios/divergence/index.html", in: files)
        let rows = page.all(class: "signposts").first?.first("tbody")?.all("tr") ?? []
        #expect(rows.count == 5)
        #expect(rows[0].first("th")?.text == "China has more open-weights-or-better models than the US")
        #expect(rows[0].all("td").map(\.text) == ["Number of models from China at the Open weights tier or better", "1", "more than the United States (1)", "✗ Not met"])
        #expect(rows[1].all("td").map(\.text).suffix(3) == ["1", "at least 1", "✓ Met"])
        #expect(rows[2].all("td").map(\.text).suffix(3) == ["53.9%", "more than the United States (46.1%)", "✓ Met"])
        // France has no downloads figure: "No data", neither met nor unmet, and out of the tally.
        #expect(rows[3]["class"] == "no-data")
        #expect(rows[3].all("td").map(\.text) == ["Share of the all-time downloads of all models with figures that goes to models from France", "No data", "at least 10%", "– No data"])
        #expect(rows[4].all("td").map(\.text).suffix(3) == ["18.1%", "less than 10%", "✗ Not met"])
        #expect(page.first("h2")?.text == "Signposts: 2 met, 2 not met, 1 without data")
        #expect(page.text.contains("The narrative of divergence."))
    }

    /// Every number names the models behind it, on each side of a comparison, linked.
    @Test func scenarioPageNamesTheModelsBehindEachNumber() throws {
        let page = try SiteFixture.html("scenarios/divergence/index.html", in: files)
        let behind = page.all(class: "behind")
        #expect(behind.count == 5)
        let sides = behind[0].all("p").map(\.text)
        #expect(sides.count == 2)
        #expect(sides[0].hasPrefix("China: 1 (1 model):"))
        #expect(sides[1].hasPrefix("United States: 1 (1 model):"))
        #expect(behind[0].all("a").map { $0["href"] ?? "" }.allSatisfy { $0.hasPrefix("../../models/") })
        #expect(behind[1].first("a")?.text == "Open Fixture 7B")
        // Downloads: the models the share goes to, and how many models have figures at all.
        #expect(behind[2].all("p").map(\.text).first?.hasPrefix("China: 53.9% (1 model · figures for 1 of 2 models): Qwen Fixture 7B") == true)
        #expect(behind[3].all("p").map(\.text) == ["France: No data : no downloads figures yet (figures for 0 of 1 model)."])
        #expect(behind[4].all("p").first?.text.hasPrefix("United States: 18.1% (1 model at the tier or better · figures for 2 of 2 models):") == true)
    }

    @Test func scenariosIndexSaysWhichFutureTheEvidencePointsToward() throws {
        let page = try SiteFixture.html("scenarios/index.html", in: files)
        #expect(page.all(class: "outlook").first?.text.contains("The evidence points toward strategic recalibration, the scenario with the largest share of its testable signposts met (1 met, 0 not met); the others: Continued divergence: 2 met, 2 not met, 1 without data.") == true)
        #expect(page.all(class: "leading").count == 1)
    }

    @Test func aboutPageAndNotFoundPageExist() throws {
        let about = try SiteFixture.html("about/index.html", in: files)
        #expect(about.first("h1")?.text == "About this audit")
        #expect(about.first("strong")?.text == "page")
        let notFound = try SiteFixture.html("404.html", in: files)
        // Served at any depth, so its links start from the site's path on the host.
        let links = notFound.all("a").compactMap { $0["href"] }.filter { $0 != "#main" && !$0.hasPrefix("https://example.org/audit/") }
        #expect(!links.isEmpty && links.allSatisfy { $0.hasPrefix("/audit/") }, "\(links)")
        #expect(notFound.all("link").first { $0["rel"] == "stylesheet" }?["href"] == "/audit/assets/style.css")
        #expect(files["introduction/index.html"] == nil, "section pages are not published on their own")
    }

    @Test func everyPageHasOneH1AndLandmarks() throws {
        for path in files.keys where path.hasSuffix(".html") {
            let page = try SiteFixture.html(path, in: files)
            #expect(page.all("h1").count == 1, "\(path)")
            #expect(page.all("main").count == 1 && page.all("header").count >= 1 && page.all("footer").count == 1, "\(path)")
            #expect(page.first("html")?["lang"] == "en", "\(path)")
        }
    }
}
