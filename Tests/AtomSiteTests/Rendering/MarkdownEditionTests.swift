import Foundation
import Testing
@testable import AtomSite

/// The Markdown edition, read the way GitHub reads it: GFM table rows split on
/// unescaped pipes, and every cell and paragraph parsed by libcmark.
@Suite struct MarkdownEditionTests {
    let files: [String: OutputFile]
    let cmark = MarkdownRenderer()

    init() throws { files = try SiteFixture.build() }

    func markdown(_ path: String) throws -> String { try SiteFixture.text(path, in: files) }

    /// The rows (without header and delimiter) of the first table after `heading`.
    func tableRows(after heading: String, in text: String) -> [[String]] {
        let lines = text.components(separatedBy: "\n")
        let start = lines.firstIndex(of: heading) ?? 0
        return lines[start...].drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }.dropFirst(2).map(BriefTests.cells)
    }

    /// A table cell as a reader sees it: cmark's HTML, parsed.
    func cell(_ markdown: String) -> HTMLElement { HTMLDocument.parse(cmark.html(from: markdown)) }

    @Test func readmeLeaderboardListsEveryModelWithTierAndPoints() throws {
        let rows = tableRows(after: "## Leaderboard", in: try markdown("README.md"))
        #expect(rows.count == 5)
        #expect(rows.allSatisfy { $0.count == 12 })
        let open = try #require(rows.first)
        #expect(cell(open[1]).text == "Open Fixture 7B")
        #expect(cell(open[1]).first("a")?["href"] == "./models/open-fixture/README.md")
        #expect(open[4...11] == ["open-fixture-family", "Open with checkpoints", "Released", "Full pipeline", "OSI-approved or equivalent", "100", "Truly open", "1,234,567 (2025-08-01)"])
        let llama = try #require(rows.first { cell($0[1]).text == "Llama Fixture 70B" })
        #expect(llama[9...11] == ["44", "Restricted weights", "5,600,000 (2025-08-01)"])
        let hosted = try #require(rows.first { cell($0[1]).text == "Hosted Fixture" })
        #expect(hosted[11] == "no data")
    }

    @Test func scorecardShowsAxesAndAbsoluteEvidenceLinks() throws {
        let text = try markdown("models/llama-fixture/README.md")
        #expect(text.contains("\n# Llama Fixture 70B\n"))
        #expect(text.contains("**Tier: Restricted weights** · **44 of 100 points**"))
        let axes = tableRows(after: "## The four axes", in: text)
        #expect(axes.map { $0[0...2] } == [["Weights", "Open weights", "18/25"], ["Data", "Described", "6/25"],
                                           ["Code", "Inference", "8/25"], ["License", "Custom restrictive", "12/25"]])
        let page = HTMLDocument.parse(cmark.html(from: text))
        let links = page.all("a").compactMap { $0["href"] }
        #expect(links.contains("https://huggingface.co/example/llama-fixture"))
        #expect(links.contains("https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/LICENSE"))
        #expect(page.all("img").first?["src"] == "../../badges/llama-fixture.svg")
    }

    @Test func methodologyAndScenarioPagesCarryTheirTables() throws {
        let methodology = try markdown("methodology/README.md")
        #expect(tableRows(after: "### Data (up to 25 points)", in: methodology).map(\.first) ==
                ["Undisclosed", "Described", "Partly released", "Documented", "Released"])
        let scenario = try markdown("scenarios/divergence/README.md")
        let signposts = tableRows(after: "## Signposts: 2 of 4 met, 1 more without data", in: scenario)
        #expect(signposts.map { $0.last } == ["✗ Not met", "✓ Met", "✓ Met", "– No data", "✗ Not met"])
        #expect(signposts[0][2...3].map { cell($0).text } == ["1", "more than the United States (1)"])
        #expect(scenario.contains("The *narrative* of divergence."))
    }

    @Test func chartsLinkToTheSVGFilesWithASummary() throws {
        let page = HTMLDocument.parse(cmark.html(from: try markdown("charts/README.md")))
        #expect(page.all("img").compactMap { $0["src"] } == ["../charts/tiers-by-origin.svg", "../charts/points-over-time.svg", "../charts/axis-heat-map.svg"])
        #expect(page.text.contains("China: 2 (1 open weights, 1 closed)"))
    }

    @Test func everyRelativeLinkPointsAtAFileThatExists() throws {
        var checked = 0
        for (path, file) in files where path.hasSuffix(".md") && path != "brief.md" {
            let page = HTMLDocument.parse(cmark.html(from: String(decoding: file.contents, as: UTF8.self)))
            let targets = page.all("a").compactMap { $0["href"] } + page.all("img").compactMap { $0["src"] }
            let folder = path.contains("/") ? String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]) : ""
            for target in targets where !target.contains(":") && !target.hasPrefix("#") {
                let resolved = resolve(target.components(separatedBy: "#")[0], from: folder)
                #expect(files[resolved] != nil, "\(path) links to \(target), which is not in the site")
                checked += 1
            }
        }
        #expect(checked > 50)
    }

    func resolve(_ target: String, from folder: String) -> String {
        var parts = folder.split(separator: "/").map(String.init)
        for part in target.split(separator: "/", omittingEmptySubsequences: false).map(String.init) {
            switch part {
            case ".", "": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        let path = parts.joined(separator: "/")
        return target.hasSuffix("/") ? path + "/index.html" : path
    }

    @Test func hostileNameNeitherBreaksTheTableNorInjectsMarkup() throws {
        let rows = tableRows(after: "## Leaderboard", in: try markdown("README.md"))
        let hostile = try #require(rows.first { $0[1].contains("Evil") })
        #expect(hostile.count == 12)
        let name = cell(hostile[1])
        #expect(name.text == "Evil <script>alert(1)</script> | ] ( `x` # Model")
        #expect(name.all("script").isEmpty && name.all("code").isEmpty)
        #expect(name.first("a")?["href"] == "./models/hostile/README.md")
        let developer = cell(hostile[2])
        #expect(developer.text == "<img src=x onerror=alert(2)> & Co")
        #expect(developer.all("img").isEmpty)
    }

    @Test func hostileNotesAreSanitizedInTheMarkdownEdition() throws {
        let text = try markdown("models/hostile/README.md")
        #expect(!text.contains("<script") && !text.contains("<a href"))
        let page = HTMLDocument.parse(cmark.html(from: text))
        #expect(page.all("script").isEmpty)
        let targets = page.all("a").compactMap { $0["href"] } + page.all("img").compactMap { $0["src"] }
        #expect(targets.allSatisfy { MarkdownRenderer.isAllowedLink($0) && !$0.isEmpty })
        // The unsafe links' text survives; only their targets are gone.
        #expect(page.text.contains("a bad link and pixel and"))
        #expect(text.contains("\n### A heading in notes\n"))
    }
}
