import AtomAudit
import Foundation
import Testing
@testable import AtomSite

/// The base URL is written unescaped into Markdown link destinations and table cells.
/// `check` and `--base-url` refuse one with Markdown syntax; a value that reaches the
/// builder some other way is percent-encoded, so it still cannot add a link.
@Suite struct BaseURLSafetyTests {
    @Test func aBaseURLWithMarkdownSyntaxCannotInjectALinkIntoTheBrief() throws {
        let hostile = "https://example.org/a)[click](https://evil.example/ <b>|"
        let result = SiteBuilder(templates: try SiteFixture.templates(), baseURL: hostile).build(try SiteFixture.report())
        #expect(!result.diagnostics.containsErrors)
        let markdown = result.files.filter { $0.path.hasSuffix(".md") }
        #expect(markdown.contains { $0.path == "brief.md" })
        for file in markdown {
            let text = String(decoding: file.contents, as: UTF8.self)
            #expect(!text.contains("](https://evil.example"), "\(file.path)")
            #expect(!text.contains("<b>"), "\(file.path)")
        }
        let brief = try #require(result.files.first { $0.path == "brief.md" })
        #expect(String(decoding: brief.contents, as: UTF8.self).contains("(https://example.org/a%29%5Bclick%5D%28https://evil.example/%20%3Cb%3E%7C/data/models.json)"))
    }
}
