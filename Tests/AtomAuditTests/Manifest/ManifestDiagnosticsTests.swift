import Testing
@testable import AtomAudit

/// Every kind of manifest mistake `check` reports, each at its exact line and column.
@Suite struct ManifestDiagnosticsTests {
    @Test func validManifestHasNoDiagnostics() throws {
        let report = try Fixture.auditManifest(MarkedText(Fixture.validManifest))
        #expect(report.diagnostics.isEmpty)
        #expect(report.scorecard("subject")?.tier.id == "open-weights")
    }

    @Test func yamlSyntaxErrorIsPositioned() throws {
        let marked = MarkedText("name: A\ndeveloper: B\norigin: [US\nweights1️⃣: x\n")
        let report = try Fixture.auditManifest(marked)
        let diagnostic = expectDiagnostic("yaml-syntax", at: "1️⃣", in: marked, of: report)
        #expect(diagnostic?.message.contains("YAML syntax error") == true)
        #expect(report.scorecard("subject") == nil)
    }

    @Test func tabIndentationSaysUseSpaces() throws {
        let marked = MarkedText("name: A\nweights:\n1️⃣\taccess: open\n")
        let report = try Fixture.auditManifest(marked)
        let diagnostic = expectDiagnostic("yaml-syntax", at: "1️⃣", in: marked, of: report)
        #expect(diagnostic?.message == "a tab character is used for indentation or separation; YAML expects spaces")
    }

    @Test func unknownKeySuggestsTheClosestKey() throws {
        let marked = MarkedText(Fixture.validManifest.replacingOccurrences(of: "  license: Apache-2.0", with: "  1️⃣licence: Apache-2.0"))
        let report = try Fixture.auditManifest(marked)
        let diagnostic = expectDiagnostic("unknown-key", at: "1️⃣", in: marked, of: report)
        #expect(diagnostic?.message == "unknown key 'licence' in weights (did you mean 'license'?); expected one of 'access', 'checkpoints', 'license', 'evidence' or 'note'")
        #expect(report.scorecard("subject") == nil)
    }

    @Test func missingRequiredKeyPointsAtItsParent() throws {
        let marked = MarkedText("""
            name: A
            developer: B
            origin: US
            weights:
              access: hosted
            1️⃣data:
              evidence: []
            code:
              access: none
            assessed: 2025-01-01
            """)
        let report = try Fixture.auditManifest(marked)
        let diagnostic = expectDiagnostic("missing-key", at: "1️⃣", in: marked, of: report)
        #expect(diagnostic?.message == "data has no 'access'; it is required")
    }

    @Test func missingTopLevelKeysAreAllReported() throws {
        let marked = MarkedText("1️⃣name: A\n")
        let report = try Fixture.auditManifest(marked)
        let missing = Set(report.diagnostics.filter { $0.code == "missing-key" }.map(\.message))
        #expect(missing == ["the manifest has no 'developer'; it is required", "the manifest has no 'origin'; it is required",
                            "the manifest has no 'weights'; it is required", "the manifest has no 'data'; it is required",
                            "the manifest has no 'code'; it is required", "the manifest has no 'assessed'; it is required"])
        #expect(report.diagnostics(forFile: "Content/models/subject.yaml").allSatisfy { $0.location?.line == 1 && $0.location?.column == 1 })
    }

    @Test func wrongTypeNamesWhatWasFound() throws {
        let marked = MarkedText(Fixture.validManifest.replacingOccurrences(of: "name: Subject Model", with: "name: 1️⃣[a, b]"))
        let report = try Fixture.auditManifest(marked)
        let diagnostic = expectDiagnostic("wrong-type", at: "1️⃣", in: marked, of: report)
        #expect(diagnostic?.message == "'name' in the manifest is a list; expected text")
    }

    @Test func scalarWhereAMappingBelongs() throws {
        let marked = MarkedText(Fixture.validManifest.replacingOccurrences(of: "code:\n  access: inference\n  evidence: [https://github.com/example/subject]", with: "code: 1️⃣full"))
        let report = try Fixture.auditManifest(marked)
        let diagnostic = expectDiagnostic("wrong-type", at: "1️⃣", in: marked, of: report)
        #expect(diagnostic?.message == "code is the text 'full'; expected a mapping with 'access' and 'evidence'")
    }

    @Test func unknownEnumValueListsTheAllowedOnes() throws {
        let marked = MarkedText(Fixture.validManifest.replacingOccurrences(of: "access: described", with: "access: 1️⃣documentd"))
        let report = try Fixture.auditManifest(marked)
        let diagnostic = expectDiagnostic("unknown-value", at: "1️⃣", in: marked, of: report)
        #expect(diagnostic?.message == "'documentd' is not a valid access for data (did you mean 'documented'?); expected 'undisclosed', 'described', 'partial', 'documented' or 'released'")
    }

    @Test func impossibleDateIsRejected() throws {
        let marked = MarkedText(Fixture.validManifest.replacingOccurrences(of: "assessed: 2025-08-10", with: "assessed: 1️⃣2025-02-29"))
        let report = try Fixture.auditManifest(marked)
        let diagnostic = expectDiagnostic("invalid-date", at: "1️⃣", in: marked, of: report)
        #expect(diagnostic?.message == "'2025-02-29' is not a real date; expected YYYY-MM-DD, e.g. 2025-03-13")
    }

    @Test func originMustBeAnISOCode() throws {
        let marked = MarkedText(Fixture.validManifest.replacingOccurrences(of: "origin: US", with: "origin: 1️⃣USA"))
        let report = try Fixture.auditManifest(marked)
        let diagnostic = expectDiagnostic("invalid-origin", at: "1️⃣", in: marked, of: report)
        #expect(diagnostic?.message == "'USA' is not an ISO 3166-1 alpha-2 country code; expected two capital letters such as 'US', 'CN' or 'FR'")
    }

    @Test func lowerCaseOriginGetsASuggestion() throws {
        let marked = MarkedText(Fixture.validManifest.replacingOccurrences(of: "origin: US", with: "origin: 1️⃣cn"))
        let report = try Fixture.auditManifest(marked)
        let diagnostic = expectDiagnostic("invalid-origin", at: "1️⃣", in: marked, of: report)
        #expect(diagnostic?.message.contains("(did you mean 'CN'?)") == true)
    }

    @Test func evidenceMustBeAnAbsoluteWebURL() throws {
        let marked = MarkedText(Fixture.validManifest.replacingOccurrences(of: "evidence: [https://github.com/example/subject]", with: "evidence: [1️⃣github.com/example/subject, 2️⃣javascript:alert(1)]"))
        let report = try Fixture.auditManifest(marked)
        let first = expectDiagnostic("invalid-url", at: "1️⃣", in: marked, of: report)
        #expect(first?.message == "'github.com/example/subject' in code.evidence is not an absolute web address; expected an https:// URL")
        expectDiagnostic("invalid-url", at: "2️⃣", in: marked, of: report)
    }

    @Test func levelAboveLowestNeedsEvidence() throws {
        let marked = MarkedText(Fixture.validManifest.replacingOccurrences(of: "access: described\n  evidence: [https://arxiv.org/abs/2501.00001]", with: "access: 1️⃣documented"))
        let report = try Fixture.auditManifest(marked)
        let diagnostic = expectDiagnostic("missing-evidence", at: "1️⃣", in: marked, of: report)
        #expect(diagnostic?.message == "data.access is 'documented' but data.evidence is empty; expected at least one https:// URL (data card, paper or dataset) that shows it")
    }

    @Test func unknownLicenseSuggestsACatalogID() throws {
        let marked = MarkedText(Fixture.validManifest.replacingOccurrences(of: "license: Apache-2.0", with: "license: 1️⃣Apache-2"))
        let report = try Fixture.auditManifest(marked)
        let diagnostic = expectDiagnostic("unknown-license", at: "1️⃣", in: marked, of: report)
        #expect(diagnostic?.message == "weights.license 'Apache-2' is not in the license catalog (did you mean 'Apache-2.0'?); expected an id defined in licenses.yaml")
    }

    @Test func openWeightsNeedALicense() throws {
        let marked = MarkedText(Fixture.validManifest.replacingOccurrences(of: "  access: open\n  license: Apache-2.0", with: "  access: 1️⃣open"))
        let report = try Fixture.auditManifest(marked)
        expectDiagnostic("missing-license", at: "1️⃣", in: marked, of: report)
    }

    @Test func hostedWeightsCannotHaveALicense() throws {
        let marked = MarkedText(Fixture.validManifest.replacingOccurrences(of: "  access: open\n  license: Apache-2.0", with: "  access: hosted\n  license: 1️⃣Apache-2.0"))
        let report = try Fixture.auditManifest(marked)
        expectDiagnostic("hosted-with-license", at: "1️⃣", in: marked, of: report)
    }

    @Test func invalidFileNameIsReportedAtTheFileStart() throws {
        let report = try Fixture.audit(replacing: ["models/Bad Name.yaml": Fixture.validManifest])
        let diagnostic = report.diagnostics.first { $0.code == "invalid-id" }
        #expect(diagnostic?.location == AtomAudit.SourceLocation(file: "Content/models/Bad Name.yaml", line: 1, column: 1))
        #expect(diagnostic?.message == "the file name 'Bad Name.yaml' is not a valid model id; expected lower-case letters, digits, '.' and '-' starting with a letter or digit, e.g. 'bad-name.yaml'")
        #expect(report.scorecard("Bad Name") == nil)
    }

    @Test(arguments: ["..", "a..b", "-lead", "UPPER", "has space", "trailing.", "a/b"])
    func idsThatCouldEscapeOrMisbehaveAreInvalid(_ id: String) {
        #expect(ManifestID(id) == nil)
    }

    @Test func duplicateDisplayNamesPointAtTheSecondFile() throws {
        let marked = MarkedText(Fixture.validManifest.replacingOccurrences(of: "name: Subject Model", with: "name: 1️⃣Open Fixture 7B"))
        let report = try Fixture.auditManifest(marked, id: "z-duplicate")
        let diagnostic = expectDiagnostic("duplicate-name", at: "1️⃣", in: marked, file: "Content/models/z-duplicate.yaml", of: report)
        #expect(diagnostic?.message == "the name 'Open Fixture 7B' is already used by Content/models/open-fixture.yaml; expected each model to have its own display name")
        #expect(diagnostic?.notes.first?.location == AtomAudit.SourceLocation(file: "Content/models/open-fixture.yaml", line: 1, column: 7))
    }

    @Test func duplicateKeyPointsAtTheRepeat() throws {
        let marked = MarkedText(Fixture.validManifest + "\n1️⃣name: Again\n")
        let report = try Fixture.auditManifest(marked)
        let diagnostic = expectDiagnostic("duplicate-key", at: "1️⃣", in: marked, of: report)
        #expect(diagnostic?.message == "key 'name' appears more than once in the same mapping; each key may appear once")
        #expect(diagnostic?.notes.first?.location?.line == 1)
    }

    @Test func everyProblemOfAFileIsReportedInOneRun() throws {
        let marked = MarkedText("""
            name: A
            developer: B
            origin: 1️⃣XX
            released: 2️⃣2025-13-01
            weights:
              access: 3️⃣opn
            data:
              access: undisclosed
            code:
              access: none
              4️⃣licnse: MIT
            assessed: 2025-01-01
            """)
        let report = try Fixture.auditManifest(marked)
        expectDiagnostic("invalid-origin", at: "1️⃣", in: marked, of: report)
        expectDiagnostic("invalid-date", at: "2️⃣", in: marked, of: report)
        expectDiagnostic("unknown-value", at: "3️⃣", in: marked, of: report)
        expectDiagnostic("unknown-key", at: "4️⃣", in: marked, of: report)
        #expect(report.diagnostics.errorCount == 4)
    }

    @Test func emptyFileSaysWhatIsExpected() throws {
        let report = try Fixture.audit(replacing: ["models/subject.yaml": "# only a comment\n"])
        let diagnostic = report.diagnostics.first { $0.code == "empty-file" }
        #expect(diagnostic?.location == AtomAudit.SourceLocation(file: "Content/models/subject.yaml", line: 1, column: 1))
    }

    @Test func listAtTheTopLevelIsAWrongType() throws {
        let marked = MarkedText("1️⃣- name: A\n")
        let report = try Fixture.auditManifest(marked)
        let diagnostic = expectDiagnostic("wrong-type", at: "1️⃣", in: marked, of: report)
        #expect(diagnostic?.message == "the manifest is a list; expected a mapping of keys such as 'name: ...'")
    }

    @Test func parameterCountsMustHaveAUnit() throws {
        let marked = MarkedText(Fixture.validManifest + "\nparameters: 1️⃣7 billion\n")
        let report = try Fixture.auditManifest(marked)
        expectDiagnostic("invalid-value", at: "1️⃣", in: marked, of: report)
    }
}
