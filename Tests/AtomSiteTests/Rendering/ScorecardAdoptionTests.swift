import Testing
@testable import AtomSite

/// The adoption section of a scorecard, in both editions: repositories, every snapshot with
/// "no data" where a figure is missing, the cumulative downloads chart, and what is shown
/// when there are no figures.
@Suite struct ScorecardAdoptionTests {
    let files: [String: OutputFile]

    init() throws { files = try SiteFixture.build() }

    /// Runs `body` on a scorecard's adoption section, with its page kept alive (an element
    /// holds its parent weakly).
    func withSection(_ id: String, _ body: (HTMLElement) throws -> Void) throws {
        let page = try SiteFixture.html("models/\(id)/index.html", in: files)
        try withExtendedLifetime(page) { try body(try #require(page.element(id: "adoption-title")?.parent)) }
    }

    func rows(_ section: HTMLElement) -> [[String]] {
        section.first("table")?.first("tbody")?.all("tr").map { row in
            row.children.compactMap { node in if case .element(let cell) = node { cell.text } else { nil } }
        } ?? []
    }

    @Test func listsTheRepositoriesAndEverySnapshotNewestFirst() throws {
        try withSection("open-fixture") { section in
        #expect(section.first("p")?.all("a").map { $0["href"] ?? "" } == ["https://huggingface.co/example/open-fixture"])
        #expect(section.first("caption")?.text == "Figures from the Hub, newest first (4 snapshots)")
        #expect(rows(section) == [
            ["2025-08-01", "1,234,567", "45,678", "321", "42 (12 fine-tunes, 0 adapters, 30 quantizations, 0 merges)", "Hub API: example/open-fixture"],
            ["2025-07-01", "1,100,000", "no data", "no data", "no data", "Hub API: example/open-fixture"],
            ["2025-06-01", "900,000", "60,000", "210", "no data", "Hub API: example/open-fixture"],
            // A snapshot without a downloads figure: "no data", never 0.
            ["2025-05-01", "no data", "no data", "150", "no data", "huggingface.co/example/open-fixture"],
        ])
        #expect(section.first("tbody")?.all("a").first?["href"] == "https://huggingface.co/api/models/example/open-fixture")
        }
    }

    @Test func twoFiguresOrMoreDrawTheCumulativeDownloads() throws {
        try withSection("open-fixture") { section in
        let figure = try #require(section.first("figure"))
        let svg = try #require(figure.first("svg"))
        #expect(svg["role"] == "img")
        let summary = "All-time downloads of Open Fixture 7B at each of its 3 snapshots, from 900,000 on 2025-06-01 to 1,234,567 on 2025-08-01."
        #expect(svg.first("desc")?.text == summary)
        #expect(figure.first("figcaption")?.text == summary)
        #expect(svg.all(class: "point").count == 3)
        }
        // One figure draws no line.
        try withSection("qwen-fixture") { #expect($0.first("figure") == nil) }
    }

    @Test func figuresOfSeveralRepositoriesAndDerivativesByKind() throws {
        try withSection("llama-fixture") { section in
        #expect(section.first("p")?.all("a").map(\.text) == ["example/llama-fixture", "example/llama-fixture-instruct"])
        #expect(rows(section).last == ["2025-07-01", "5,000,000", "700,000", "4,000", "2,440 (900 fine-tunes, 300 adapters, 1,200 quantizations, 40 merges)",
                                       "Hub API: example/llama-fixture , Hub API: example/llama-fixture-instruct"])
        }
    }

    @Test func withoutFiguresItSaysNoDataYetAndHowFiguresAreCollected() throws {
        try withSection("hostile") { hostile in
        #expect(hostile.all("p").map(\.text).first == "No Hugging Face repository is listed for this model yet, so its downloads cannot be collected.")
        #expect(hostile.text.contains("No data yet. Downloads, likes and derivatives are read from the Hugging Face Hub and recorded, dated, in the model's manifest"))
        #expect(hostile.first("table") == nil)
        #expect(hostile.all("a").contains { $0.text == "How the figures are collected" && $0["href"] == "../../methodology/#adoption-method-title" })
        }
        try withSection("hosted-fixture") { hosted in
            #expect(hosted.all("p").map(\.text) == ["The weights are not distributed, so there are no downloads to count."])
        }
    }

    @Test func theMarkdownEditionHasTheSameFigures() throws {
        let text = try SiteFixture.text("models/open-fixture/README.md", in: files)
        let lines = text.components(separatedBy: "\n")
        #expect(lines.contains("## Adoption"))
        #expect(lines.contains("| 2025-05-01 | no data | no data | 150 | no data | [huggingface.co/example/open-fixture](<https://huggingface.co/example/open-fixture>) |"))
        #expect(lines.contains("All-time downloads of Open Fixture 7B at each of its 3 snapshots, from 900,000 on 2025-06-01 to 1,234,567 on 2025-08-01."))
        #expect(text.contains("Relative adoption within its size class: not enough data (fewer than 10 models of its size class, under 10B parameters, have downloads figures that reach its age). [How it is computed](../../adoption/README.md)."))
        let hosted = try SiteFixture.text("models/hostile/README.md", in: files)
        #expect(hosted.contains("**No data yet.**"))
    }

    @Test func aHostileSourceCannotBreakTheMarkdownTable() throws {
        let files = try SiteFixture.build(try SiteFixture.report(contentPath: SiteFixture.hostileContentPath))
        let text = try SiteFixture.text("models/evil-open/README.md", in: files)
        let table = text.components(separatedBy: "\n").drop { !$0.hasPrefix("| As of") }.prefix { $0.hasPrefix("|") }
        let rows = table.dropFirst(2).map(BriefTests.cells)
        // Every row keeps its six cells: the "|" in a source is percent-encoded in the link.
        #expect(rows.map(\.count) == [6, 6])
        let source = HTMLDocument.parse(MarkdownRenderer().html(from: rows[0][5]))
        #expect(source.all("a").first?["href"] == "https://example.org/a%7Cb'onclick='alert(61)")
    }
}
