import Testing
@testable import AtomSite

@Suite struct BriefTests {
    let files: [String: OutputFile]

    init() throws { files = try SiteFixture.build() }

    /// Rows of the GitHub-flavoured Markdown table that follows a `## heading`.
    func table(after heading: String, in markdown: String) -> [[String]] {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: { $0 == heading }) else { return [] }
        let tableLines = lines[(start + 1)...].drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }
        return tableLines.dropFirst(2).map(Self.cells)
    }

    /// Splits a table row on unescaped pipes, as GitHub does.
    static func cells(_ line: String) -> [String] {
        var cells: [String] = [], current = "", escaped = false
        for character in line.dropFirst() {
            if character == "|" && !escaped {
                cells.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
            escaped = character == "\\" && !escaped
        }
        return cells
    }

    @Test func markdownBriefHasHeadlineNumbers() throws {
        let brief = try SiteFixture.text("brief.md", in: files)
        #expect(brief.hasPrefix("# Fixture audit: policy brief\n"))
        #expect(brief.contains("- **5** models from 3 countries assessed against the ATOM rubric (version 1.0)."))
        #expect(brief.contains("- **1** is truly open"))
        #expect(brief.contains("\n*Data as of 2025-08-10: 5 models assessed against the ATOM rubric, version 1.0.*\n"))
        // Pasted as text, a brief has no HTML entities, only where a name holds markup (the
        // fixture's hostile model) are its angle brackets kept from becoming tags.
        let ordinary = brief.split(separator: "\n").filter { !$0.contains("Evil") }.joined(separator: "\n")
        #expect(!ordinary.contains("&gt;") && !ordinary.contains("&lt;") && !ordinary.contains("&amp;"))
        #expect(brief.contains("1 of 2 US models and 1 of 2 Chinese models"))
        #expect(brief.contains("The median model scores **44** of 100 points."))
        #expect(brief.contains("## Introduction\n\nWhy openness matters."))
        // cmark re-writes the Markdown after sanitizing it; list markers get its spacing.
        #expect(brief.contains("## Recommendations\n\n1.  Release data.\n2.  Release checkpoints."))
    }

    @Test func markdownBriefTierTable() throws {
        let brief = try SiteFixture.text("brief.md", in: files)
        #expect(table(after: "## Models by tier", in: brief) == [
            ["Truly open", "1", "20%"], ["Open source", "0", "0%"], ["Open weights", "1", "20%"],
            ["Restricted weights", "2", "40%"], ["Closed", "1", "20%"],
        ])
    }

    @Test func markdownBriefOriginTableLinksAbsolutely() throws {
        let rows = table(after: "## By origin", in: try SiteFixture.text("brief.md", in: files))
        #expect(rows.map(\.first) == ["China", "United States", "France"])
        #expect(rows[1][1...4] == ["2", "1", "1 (50%)", "72"])
        #expect(rows[1][5] == "[Open Fixture 7B](https://example.org/audit/models/open-fixture/) (100, Truly open)")
        #expect(rows[0][4] == "25.5")
    }

    @Test func markdownBriefScenarioStatusAndClosestModels() throws {
        let brief = try SiteFixture.text("brief.md", in: files)
        #expect(brief.contains("### [Continued divergence](https://example.org/audit/scenarios/divergence/): signposts 2 met, 2 not met, 1 without data"))
        let closest = table(after: "## Closest to the next tier", in: brief)
        // The hosted model is left out: publishing weights at all is not "close".
        #expect(closest.count == 3)
        #expect(!closest.contains { $0.first?.contains("Hosted") ?? false })
        // One level step (open-restricted → open) comes before two (custom-restrictive → open).
        #expect(closest[0].last == "license must be OSI-approved or equivalent (now Open with use restrictions)")
        #expect(closest[1].first == "[Llama Fixture 70B](https://example.org/audit/models/llama-fixture/)")
        #expect(closest[1].last == "license must be OSI-approved or equivalent (now Custom restrictive)")
    }

    @Test func hostileNameCannotBreakTheMarkdownTable() throws {
        let brief = try SiteFixture.text("brief.md", in: files)
        let row = try #require(table(after: "## Closest to the next tier", in: brief).first { $0.first?.contains("Evil") == true })
        #expect(row.count == 5)
        #expect(row[0] == "[Evil &lt;script&gt;alert(1)&lt;/script&gt; \\| \\] ( \\`x\\` # Model](https://example.org/audit/models/hostile/)")
    }

    @Test func htmlBriefHasTheSameTables() throws {
        let page = try SiteFixture.html("brief/index.html", in: files)
        let tierRows = page.element(id: "tiers-title")?.parent?.first("tbody")?.all("tr") ?? []
        #expect(tierRows.map { [$0.first("th")?.text ?? ""] + $0.all("td").prefix(2).map(\.text) } == [
            ["Truly open", "1", "20%"], ["Open source", "0", "0%"], ["Open weights", "1", "20%"],
            ["Restricted weights", "2", "40%"], ["Closed", "1", "20%"],
        ])
        #expect(page.all(class: "signpost-list").count == 2)
    }
}
