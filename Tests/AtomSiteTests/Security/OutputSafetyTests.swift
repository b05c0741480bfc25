import AtomAudit
import Foundation
import Testing
@testable import AtomSite

/// Builds a whole site, with the real templates, from content that puts injection
/// payloads in every text field (names, developers, notes, axis notes, evidence URLs
/// with quotes, scenario and signpost text, page bodies, license names, rubric labels,
/// site settings), then scans every HTML, SVG, XML and Markdown file it produces.
@Suite struct OutputSafetyTests {
    static let contentPath = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/hostile-content").path

    /// The hostile site, built once for every test of the suite.
    static let site: Result<(report: AuditReport, files: [OutputFile]), SiteFixture.FixtureError> = {
        do {
            let report = try SiteFixture.report(contentPath: contentPath)
            guard !report.hasErrors else { return .failure(.build(report.diagnostics)) }
            let result = SiteBuilder(templates: try SiteFixture.templates()).build(report)
            guard !result.diagnostics.containsErrors else { return .failure(.build(result.diagnostics)) }
            return .success((report, result.files))
        } catch let error as SiteFixture.FixtureError {
            return .failure(error)
        } catch {
            return .failure(.missing("\(error)"))
        }
    }()

    static let scanner = ActiveContentScanner(templatesPath: SiteFixture.templatesPath)

    func files(withExtensions extensions: Set<String>) throws -> [OutputFile] {
        try Self.site.get().files.filter { extensions.contains(($0.path as NSString).pathExtension) }
    }

    @Test func theHostileContentIsAcceptedWhole() throws {
        let report = try Self.site.get().report
        #expect(report.scorecards.count == 4)
        #expect(report.scenarios.count == 2)
        #expect(report.pages.count == 4)
    }

    @Test func htmlPagesHoldNoActiveContentFromTheContent() throws {
        let pages = try files(withExtensions: ["html"])
        #expect(pages.count >= 10)
        let findings = pages.flatMap(Self.scanner.scan)
        #expect(findings.isEmpty, "\(findings.map(\.description).joined(separator: "\n"))")
    }

    @Test func svgAndXMLFilesAreWellFormedAndInert() throws {
        let documents = try files(withExtensions: ["svg", "xml"])
        #expect(documents.map(\.path).contains("feed.xml"))
        #expect(documents.filter { $0.path.hasPrefix("badges/") }.count == 4)
        let findings = documents.flatMap(Self.scanner.scan)
        #expect(findings.isEmpty, "\(findings.map(\.description).joined(separator: "\n"))")
    }

    @Test func markdownFilesHoldNoRawHTMLAndNoOtherSchemes() throws {
        let documents = try files(withExtensions: ["md"])
        #expect(documents.map(\.path).contains("brief.md"))
        let findings = documents.flatMap(Self.scanner.scan)
        #expect(findings.isEmpty, "\(findings.map(\.description).joined(separator: "\n"))")
    }

    /// The checks above would also pass if payloads were silently dropped; the text
    /// a reader sees must still hold them, escaped.
    @Test func payloadsReachThePagesAsVisibleText() throws {
        let files = Dictionary(uniqueKeysWithValues: try Self.site.get().files.map { ($0.path, $0) })
        let scorecard = try SiteFixture.html("models/evil-open/index.html", in: files)
        let heading = try #require(scorecard.first("h1"))
        #expect(heading.text.hasPrefix("Evil open <script>alert(1)</script> \"><img src=x onerror=alert(2)>"))
        #expect(scorecard.text.contains("Evil open developer <script>alert(1)</script>"))
        #expect(scorecard.text.contains("Evil open code note <script>alert(1)</script>"))
        #expect(scorecard.text.contains("Raw alert(11) and and ."), "raw HTML in notes is dropped, the text around it stays")
        #expect(scorecard.text.contains("Links: js JS spaced pointy"), "unsafe links keep their text, not their target")
        let evidence = scorecard.all("a").compactMap { $0["href"] }
        #expect(evidence.contains("https://huggingface.co/example/evil-open?a='onmouseover='alert(50)&b=x"))
        let brief = try SiteFixture.text("brief.md", in: files)
        #expect(brief.contains("introduction title &lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    /// The scanner itself: each kind of injection, written as the site would carry it
    /// if escaping failed, is found.
    @Test(arguments: [
        ("<p><script>alert(1)</script></p>", "<script> element"),
        ("<p><img src=x onerror=alert(1)></p>", "event handler onerror"),
        ("<a href=\" JaVa&#x09;ScRiPt&colon;alert(1)\">x</a>", "scheme javascript"),
        ("<a href=\"vbscript:x\">x</a>", "scheme vbscript"),
        ("<img src=\"data:image/png;base64,AAAA\">", "scheme data"),
        ("<iframe src=\"https://example.org\"></iframe>", "<iframe> element"),
        ("<object data=\"x\"></object>", "<object> element"),
        ("<embed src=\"x\">", "<embed> element"),
        ("<base href=\"https://evil.example/\">", "<base> element"),
        ("<meta http-equiv=\"Refresh\" content=\"0;url=https://evil.example\">", "<meta http-equiv=refresh>"),
        ("<svg><foreignObject><p>x</p></foreignObject></svg>", "<foreignobject> element"),
        ("<form action=\"javascript:alert(1)\"></form>", "scheme javascript"),
        ("<script src=\"assets/leaderboard.js\">alert(1)</script>", "<script> element"),
    ])
    func theScannerFindsEachInjection(_ html: String, _ expected: String) {
        let findings = Self.scanner.scanHTML("<!doctype html><html><body>\(html)</body></html>", file: "probe.html")
        #expect(findings.contains { $0.what.contains(expected) }, "\(findings)")
    }

    @Test func theScannerAcceptsTheTemplatesOwnScriptAndFavicon() throws {
        let page = """
            <html><head><link rel="icon" href="\(try #require(Self.scanner.templateURLs.first { $0.hasPrefix("data:") }))"></head>
            <body><a href="../models/x/">x</a><a href="mailto:a@example.org">m</a><script src="../assets/leaderboard.js" defer></script></body></html>
            """
        #expect(Self.scanner.scanHTML(page, file: "probe.html").isEmpty)
    }

    @Test func theScannerFindsInjectionInSVGAndMarkdown() {
        let svg = #"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="javascript:alert(1)"><text onclick="x">t</text></a><script>x</script></svg>"#
        let svgFindings = Self.scanner.scanXML(svg, file: "probe.svg").map(\.what)
        #expect(svgFindings.contains { $0.contains("xlink:href") })
        #expect(svgFindings.contains { $0.contains("onclick") })
        #expect(svgFindings.contains { $0.contains("<script> element") })
        #expect(Self.scanner.scanXML("<svg><text>a & b</text></svg>", file: "probe.svg").first?.what.hasPrefix("not well-formed XML") == true)
        let markdown = "A <b>bold</b> claim, [a link](javascript:alert(1)) and <javascript:alert(2)>.\n\n<div>block</div>\n"
        let markdownFindings = Self.scanner.scanMarkdown(markdown, file: "probe.md").map(\.what)
        #expect(markdownFindings.filter { $0.hasPrefix("raw HTML") }.count == 3)
        #expect(markdownFindings.filter { $0.hasPrefix("link to") }.count == 2)
    }
}
