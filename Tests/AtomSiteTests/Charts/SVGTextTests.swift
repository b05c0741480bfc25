import Testing
@testable import AtomSite

@Suite struct SVGTextTests {
    @Test func escapesEveryMarkupCharacter() {
        #expect(SVGText.escape("<a href=\"x\">Tom & Jerry's</a>")
                == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
    }

    @Test func leavesOrdinaryTextAlone() {
        #expect(SVGText.escape("Qwen3 — 通义千问 · 43/100") == "Qwen3 — 通义千问 · 43/100")
        #expect(SVGText.escape("") == "")
    }

    @Test func replacesCharactersXMLForbids() throws {
        let escaped = SVGText.escape("a\u{0}b\u{1B}c\td\ne")
        #expect(escaped == "a\u{FFFD}b\u{FFFD}c\td\ne")
        let root = try ChartXML.parse("<t>\(escaped)</t>")
        #expect(root.textContent == escaped)
    }

    @Test func escapedHostileTextParsesBackToTheOriginal() throws {
        let root = try ChartXML.parse("<t a=\"\(SVGText.escape(ChartChecks.hostile))\">\(SVGText.escape(ChartChecks.hostile))</t>")
        #expect(root.textContent == ChartChecks.hostile)
        #expect(root.attributes["a"] == ChartChecks.hostile)
        #expect(root.children.isEmpty)
    }
}
