import Testing
@testable import AtomAudit

@Suite struct PrintableTextTests {
    @Test func lineBreaksAndEscapeCodesAreShownAsEscapes() {
        #expect(PrintableText.escape("a\n::error::forged") == "a\\n::error::forged")
        #expect(PrintableText.escape("\u{1B}[2Jcleared\r\t") == "\\u{1B}[2Jcleared\\r\\t")
        #expect(PrintableText.escape("right\u{202E}txt.exe") == "right\\u{202E}txt.exe")
        #expect(PrintableText.escape("line\u{2028}separator\u{85}") == "line\\u{2028}separator\\u{85}")
        #expect(PrintableText.escape("Ünïcödé — fine") == "Ünïcödé — fine")
    }

    @Test func fileNameBytesThatAreNotUTF8AreNamedOneByOne() {
        #expect(PrintableText.describe(bytes: Array("models/".utf8) + [0xFF] + Array(".yaml".utf8)) == "models/\\xFF.yaml")
        // Valid sequences stay as they are; a cut-off one is named byte by byte.
        #expect(PrintableText.describe(bytes: Array("é".utf8) + [0xE2, 0x82]) == "é\\xE2\\x82")
        // An overlong encoding of '/' is not UTF-8.
        #expect(PrintableText.describe(bytes: [0xC0, 0xAF]) == "\\xC0\\xAF")
        #expect(PrintableText.describe(bytes: Array("plain.yaml".utf8)) == "plain.yaml")
    }

    @Test func diagnosticMessagesAreEscaped() {
        let diagnostic = Diagnostic.error("x", "key 'a\nb'", at: nil)
        #expect(diagnostic.message == "key 'a\\nb'")
    }
}
