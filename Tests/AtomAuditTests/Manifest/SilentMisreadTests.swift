import Testing
@testable import AtomAudit

/// Text that a parser or a comparison would read as something other than what was
/// written is refused, at its position, with the character or notation named.
@Suite struct SilentMisreadTests {
    static let nel = "the text holds U+0085 NEXT LINE (NEL), a C1 control character that YAML reads as a line break; expected printable text (delete it, or use an ordinary line break)"

    // MARK: C1 controls and line separators

    /// NEL in every place a scalar can be: a key, a plain, quoted or block value, a list item.
    @Test(arguments: [
        "1️⃣\u{85}name: Subject\n",
        "name: Sub1️⃣\u{85}ject\n",
        "name: \"Sub1️⃣\u{85}ject\"\n",
        "name: 'Sub1️⃣\u{85}ject'\n",
        "notes: |\n  line one1️⃣\u{85}\n  line two\n",
        "notes: >\n  folded1️⃣\u{85}  text\n",
        "modality: [text, 1️⃣\u{85}image]\n",
        "weights:\n  evidence:\n    - https://a.example/1️⃣\u{85}x\n",
    ])
    func nextLineIsRefusedWhereverItIs(_ text: String) throws {
        let marked = MarkedText(text)
        let report = try Fixture.auditManifest(marked)
        let diagnostic = expectDiagnostic("forbidden-character", at: "1️⃣", in: marked, of: report)
        #expect(diagnostic?.message == Self.nel)
        #expect(report.diagnostics(forFile: "Content/models/subject.yaml").count == 1, "nothing else is read from the file")
    }

    @Test func everyC1ControlIsReportedWithItsName() throws {
        let marked = MarkedText(Fixture.validManifest.replacingOccurrences(of: "name: Subject Model", with: "name: 1️⃣\u{93}Subject2️⃣\u{94} Model")
            .replacingOccurrences(of: "developer: Example Lab", with: "developer: Example3️⃣\u{80}Lab"))
        let report = try Fixture.auditManifest(marked)
        let open = expectDiagnostic("forbidden-character", at: "1️⃣", in: marked, of: report)
        #expect(open?.message == "the text holds U+0093 SET TRANSMIT STATE, a C1 control character, which content files do not allow; expected printable text (C1 controls usually come from Windows-1252 text read as Latin-1, where 0x93 and 0x94 are curly quotes: retype the character)")
        #expect(expectDiagnostic("forbidden-character", at: "2️⃣", in: marked, of: report)?.message.hasPrefix("the text holds U+0094 CANCEL CHARACTER, a C1 control character") == true)
        #expect(expectDiagnostic("forbidden-character", at: "3️⃣", in: marked, of: report)?.message.hasPrefix("the text holds U+0080 PADDING CHARACTER, a C1 control character") == true)
        #expect(report.scorecard("subject") == nil)
    }

    /// libyaml would read LS and PS as line breaks, and the spaces after them as indentation.
    @Test func lineAndParagraphSeparatorsAreRefused() throws {
        let marked = MarkedText("name: Sub1️⃣\u{2028}   ject\nnotes: a2️⃣\u{2029}  b\n")
        let report = try Fixture.auditManifest(marked)
        #expect(expectDiagnostic("forbidden-character", at: "1️⃣", in: marked, of: report)?.message
                == "the text holds U+2028 LINE SEPARATOR, which YAML reads as a line break though editors do not show one; expected an ordinary line break or a space")
        #expect(expectDiagnostic("forbidden-character", at: "2️⃣", in: marked, of: report)?.message
                == "the text holds U+2029 PARAGRAPH SEPARATOR, which YAML reads as a line break though editors do not show one; expected an ordinary line break or a space")
    }

    @Test func aFileFullOfThemGetsAHundredErrorsAndACount() throws {
        let text = "notes: " + String(repeating: "a\u{85}", count: 250) + "\n"
        let report = try Fixture.audit(replacing: ["models/subject.yaml": text])
        let errors = report.diagnostics(forFile: "Content/models/subject.yaml")
        #expect(errors.count == ForbiddenCharacterScan.maxReported + 1)
        #expect(errors.last?.location == AtomAudit.SourceLocation(file: "Content/models/subject.yaml", line: 1, column: 8 + 2 * 100 + 1))
        #expect(errors.last?.message == "from here on, 150 more C1 control or line separator characters, not listed one by one; expected none")
    }

    @Test func aPageBodyMayNotHoldThemEither() throws {
        let marked = MarkedText("---\ntitle: About\n---\nSome text1️⃣\u{85}more.\n")
        let report = try Fixture.audit(replacing: ["pages/about.md": marked.text])
        expectDiagnostic("forbidden-character", at: "1️⃣", in: marked, file: "Content/pages/about.md", of: report)
        #expect(report.page("about") == nil)
    }

    /// An escape writes the character on purpose and is refused where text is read.
    @Test func anEscapedNextLineIsAControlCharacterInText() throws {
        let marked = MarkedText(Fixture.validManifest.replacingOccurrences(of: "name: Subject Model", with: "name: 1️⃣\"Sub\\Nject\""))
        let report = try Fixture.auditManifest(marked)
        #expect(expectDiagnostic("control-character", at: "1️⃣", in: marked, of: report)?.message
                == "'name' in the manifest holds the control character U+0085; expected printable text (tabs and line breaks are fine)")
    }
}
