import Testing
@testable import AtomSite

@Suite struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()

    @Test func rendersCommonMark() {
        #expect(renderer.html(from: "Some *emphasis* and [a link](https://example.org).") ==
                "<p>Some <em>emphasis</em> and <a href=\"https://example.org\">a link</a>.</p>\n")
    }

    @Test func dropsRawHTML() {
        let html = renderer.html(from: "<script>alert(1)</script>\n\nText <b onclick=x>bold</b>")
        #expect(!html.contains("<script"))
        #expect(!html.contains("onclick"))
        #expect(html.contains("<!-- raw HTML omitted -->"))
    }

    @Test(arguments: ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x", "vbscript:x", "file:///etc/passwd"])
    func dropsLinksWithUnsafeSchemes(_ url: String) {
        let html = renderer.html(from: "[x](\(url)) ![y](\(url))")
        // The text stays; the link and the image go.
        #expect(html == "<p>x y</p>\n")
    }

    @Test func keepsSafeLinks() {
        let html = renderer.html(from: "[a](https://x.org) [b](mailto:a@b.org) [c](../models/) [d](#top)")
        #expect(html.contains("href=\"https://x.org\"") && html.contains("href=\"mailto:a@b.org\"")
                && html.contains("href=\"../models/\"") && html.contains("href=\"#top\""))
    }

    @Test func safeMarkdownDropsRawHTMLAndUnsafeLinksButKeepsTheRest() {
        let markdown = MarkdownRenderer().safeMarkdown(from: "Hello <b>there</b> [ok](https://x.org) [bad](javascript:x)\n\n<div>block</div>\n\n# Title")
        #expect(markdown == "Hello there [ok](https://x.org) bad\n\n# Title")
    }

    @Test func fitsHeadingsUnderThePagesOutlineWithoutGaps() {
        // About's "## Who it is for" sits right under the page's h1.
        #expect(MarkdownRenderer(topHeadingLevel: 2).html(from: "## Who\n\n#### Deep\n\n## Next") == "<h2>Who</h2>\n<h3>Deep</h3>\n<h2>Next</h2>\n")
        // Notes under the scorecard's "Notes" h2: a `#` never becomes a second h1 or an h2.
        #expect(MarkdownRenderer(topHeadingLevel: 3).html(from: "# Title\n\n###### Deep") == "<h3>Title</h3>\n<h4>Deep</h4>\n")
        #expect(MarkdownRenderer(topHeadingLevel: 3).safeMarkdown(from: "### A\n\n# B") == "### A\n\n### B")
        #expect(MarkdownRenderer().html(from: "### As written") == "<h3>As written</h3>\n")
    }

    @Test func outlineLevelsNeverSkipAndStopAtSix() {
        #expect(MarkdownRenderer.outlineLevels([2, 4, 3, 5, 2, 1], top: 2) == [2, 3, 3, 4, 2, 2])
        #expect(MarkdownRenderer.outlineLevels([1, 2, 3, 4, 5, 6], top: 4) == [4, 5, 6, 6, 6, 6])
        #expect(MarkdownRenderer.outlineLevels([], top: 2) == [])
    }
}

@Suite struct MarkdownEscaperTests {
    @Test func escapesTableAndLinkSyntax() {
        #expect(MarkdownEscaper.escape("a | b ] ( `c`") == "a \\| b \\] ( \\`c\\`")
    }

    @Test func turnsHTMLIntoEntities() {
        #expect(MarkdownEscaper.escape("<script>&") == "&lt;script&gt;&amp;")
    }

    @Test func escapesBlockMarkersOnlyAtTheStart() {
        #expect(MarkdownEscaper.escape("# Title") == "\\# Title")
        #expect(MarkdownEscaper.escape("- item") == "\\- item")
        #expect(MarkdownEscaper.escape("2024. A year") == "2024\\. A year")
        #expect(MarkdownEscaper.escape("GPT-4o (2024) #1") == "GPT-4o (2024) #1")
    }

    /// The fast path must never skip text that escaping would change: checked on every
    /// short string over an alphabet of the characters that matter.
    @Test func fastPathAgreesWithEscapingOnEveryShortString() {
        let alphabet: [String] = ["a", "1", ".", ")", " ", "-", "#", "+", "=", "!", "[", "|", "<", "&", "\n", "é"]
        var strings = [""], layer = [""]
        for _ in 0..<4 {
            layer = layer.flatMap { prefix in alphabet.map { prefix + $0 } }
            strings += layer
        }
        for text in strings {
            #expect(MarkdownEscaper.needsEscaping(text) == (MarkdownEscaper.escape(text) != text), "\(text.debugDescription)")
        }
    }

    /// Every ASCII character, alone, first and in the middle of a word: the fast path
    /// tests bits of a mask for each byte, so each byte is checked.
    @Test func fastPathAgreesWithEscapingOnEveryASCIICharacter() {
        for value in 0..<0x80 {
            let character = String(UnicodeScalar(UInt8(value)))
            for text in [character, character + "x", "x" + character + "y", "x" + character] {
                #expect(MarkdownEscaper.needsEscaping(text) == (MarkdownEscaper.escape(text) != text), "\(text.debugDescription)")
            }
        }
    }

    /// Templates append escaped bytes directly; they must be exactly `escape`'s.
    @Test func appendingBytesAgreesWithEscapingOnEveryShortString() {
        let alphabet: [String] = ["a", "1", ".", ")", " ", "-", "#", "+", "=", "!", "[", "|", "<", "&", "\n", "\r", "é", "`", "*"]
        var strings = [""], layer = [""]
        for _ in 0..<4 {
            layer = layer.flatMap { prefix in alphabet.map { prefix + $0 } }
            strings += layer
        }
        for text in strings + ["1. é", "12) x", "= =", "\r\n", "!["] {
            var bytes: [UInt8] = []
            MarkdownEscaper.append(text, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == MarkdownEscaper.escape(text), "\(text.debugDescription)")
        }
    }

    @Test func keepsValuesOnOneLine() {
        #expect(MarkdownEscaper.escape("two\nlines") == "two lines")
    }

    @Test(arguments: [
        "Plain *emphasis*, `code` and a [link](https://example.org/a?b=1&c=2).",
        "<script>alert(1)</script>\n\nAfter <b>inline</b> HTML, [bad](javascript:alert(1)) and ![img](data:image/png;base64,AAAA).",
        "# A heading\n\n## And another\n\n- a list\n- of items\n\n> quoted\n\n```\ncode block\n```",
        "",
    ])
    func bothEditionsFromOneParseMatchEachOnItsOwn(markdown: String) {
        for renderer in [MarkdownRenderer(), MarkdownRenderer(topHeadingLevel: 3)] {
            let both = renderer.render(markdown)
            #expect(both.html == renderer.html(from: markdown))
            #expect(both.markdown == renderer.safeMarkdown(from: markdown))
        }
    }
}
