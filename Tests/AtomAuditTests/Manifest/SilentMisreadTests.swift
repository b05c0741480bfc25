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

    // MARK: Identifiers compared by scalars

    @Test func anOriginWithAKelvinSignIsNotKorea() throws {
        let marked = MarkedText(Fixture.validManifest.replacingOccurrences(of: "origin: US", with: "origin: 1️⃣\u{212A}R"))
        let report = try Fixture.auditManifest(marked)
        #expect(expectDiagnostic("invalid-origin", at: "1️⃣", in: marked, of: report)?.message
                == "'\u{212A}R' is not an ISO 3166-1 alpha-2 country code: character 1 is U+212A KELVIN SIGN, a look-alike of 'K' (did you mean 'KR'?); expected two capital letters such as 'US', 'CN' or 'FR'")
        #expect(report.scorecard("subject") == nil)
        #expect(CountryCode("\u{212A}R") == nil && CountryCode("KR") != nil)
    }

    @Test func lookAlikesInKeysAndVocabulariesAreNamed() throws {
        let marked = MarkedText(Fixture.validManifest
            .replacingOccurrences(of: "  access: described", with: "  access: 1️⃣describe\u{0301}d")
            .replacingOccurrences(of: "  access: inference", with: "  access: 2️⃣inference\u{200B}")
            + "\n3️⃣\u{FF4E}otes: x\nparameters: 4️⃣7\u{212A}\nmodality: [5️⃣te\u{0445}t]\n")
        let report = try Fixture.auditManifest(marked)
        #expect(expectDiagnostic("unknown-value", at: "1️⃣", in: marked, of: report)?.message
                == "'describe\u{0301}d' is not a valid access for data: character 9 is U+0301 COMBINING ACUTE ACCENT, which is not ASCII (did you mean 'described'?); expected 'undisclosed', 'described', 'partial', 'documented' or 'released'")
        #expect(expectDiagnostic("unknown-value", at: "2️⃣", in: marked, of: report)?.message
                == "'inference\u{200B}' is not a valid access for code: character 10 is U+200B ZERO WIDTH SPACE, which is not ASCII (did you mean 'inference'?); expected 'none', 'inference', 'partial-training' or 'full-pipeline'")
        #expect(expectDiagnostic("unknown-key", at: "3️⃣", in: marked, of: report)?.message.hasPrefix(
            "unknown key '\u{FF4E}otes' in the manifest: character 1 is U+FF4E FULLWIDTH LATIN SMALL LETTER N, a look-alike of 'n' (did you mean 'notes'?); expected one of") == true)
        expectDiagnostic("invalid-value", at: "4️⃣", in: marked, of: report)
        #expect(expectDiagnostic("unknown-value", at: "5️⃣", in: marked, of: report)?.message
                == "modality 'te\u{0445}t' is not known: character 3 is U+0445 CYRILLIC SMALL LETTER HA, which is not ASCII; expected 'text', 'code', 'image', 'audio' or 'video'")
    }

    @Test func identifiersMatchScalarForScalar() {
        #expect("K".isIdentical(to: "K") && !"\u{212A}".isIdentical(to: "K") && "\u{212A}" == "K")
        #expect(!["KR"].containsIdentical("\u{212A}R"))
        #expect(ParameterCount("7\u{212A}") == nil && ParameterCount("7K")?.value == 7_000)
        let catalog = LicenseCatalog([License(id: "TK-1.0", name: "T", url: "https://t.example", osiApproved: false, level: .customRestrictive, summary: "s")])
        #expect(catalog.license("T\u{212A}-1.0") == nil && catalog.license("TK-1.0") != nil)
        #expect(Set([ExactKey("\u{212A}")]).contains(ExactKey("K")) == false)
    }

    // MARK: Booleans

    @Test(arguments: [
        ("checkpoints: 1️⃣\"true\"", "'checkpoints' in weights is the text 'true' in quotes, not a boolean; expected true or false without quotes"),
        ("checkpoints: 1️⃣'false'", "'checkpoints' in weights is the text 'false' in quotes, not a boolean; expected true or false without quotes"),
        ("checkpoints: 1️⃣!!str true", "'checkpoints' in weights is the text 'true' tagged '!!str', not a boolean; expected true or false without quotes"),
        ("checkpoints: 1️⃣! true", "'checkpoints' in weights is the text 'true' tagged '!', not a boolean; expected true or false without quotes"),
        ("checkpoints: 1️⃣|-\n    true", "'checkpoints' in weights is the text 'true' written as a block ('|' or '>'), not a boolean; expected true or false without quotes"),
    ])
    func aQuotedOrTaggedBooleanIsText(_ line: String, _ message: String) throws {
        let marked = MarkedText(Fixture.validManifest.replacingOccurrences(of: "  license: Apache-2.0", with: "  license: Apache-2.0\n  " + line))
        let report = try Fixture.auditManifest(marked)
        #expect(expectDiagnostic("wrong-type", at: "1️⃣", in: marked, of: report)?.message == message)
        #expect(report.scorecard("subject") == nil)
    }

    @Test(arguments: ["checkpoints: true", "checkpoints: !!bool true", "checkpoints: false # plain"])
    func aPlainBooleanIsABoolean(_ line: String) throws {
        let report = try Fixture.auditManifest(MarkedText(Fixture.validManifest.replacingOccurrences(of: "  license: Apache-2.0", with: "  license: Apache-2.0\n  " + line)))
        #expect(report.diagnostics.isEmpty)
        #expect(report.scorecard("subject") != nil)
    }

    @Test func aTaggedNullIsText() throws {
        let marked = MarkedText(Fixture.validManifest.replacingOccurrences(of: "name: Subject Model", with: "name: !!str null"))
        let report = try Fixture.auditManifest(marked)
        #expect(report.diagnostics.isEmpty)
        #expect(report.manifests.first { $0.id.rawValue == "subject" }?.name == "null")
    }
}
