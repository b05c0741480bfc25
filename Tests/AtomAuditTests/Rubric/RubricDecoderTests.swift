import Testing
@testable import AtomAudit

@Suite struct RubricDecoderTests {
    @Test func fixtureRubricLoadsWithAllAxesAndTiers() throws {
        let rubric = try #require(try Fixture.audit().rubric)
        #expect(rubric.axes.map(\.axis) == Axis.allCases)
        #expect(rubric.tiers.map(\.id) == ["truly-open", "open-source", "open-weights", "restricted-weights", "closed"])
        #expect(rubric.maxPoints == 100)
        #expect(rubric.axis(.data)?.levels.map(\.id) == Axis.data.levelIDs)
    }

    func rubricText(replacing old: String, with new: String) throws -> String {
        let text = try String(contentsOf: Fixture.contentURL.appendingPathComponent("rubric.yaml"), encoding: .utf8)
        #expect(text.contains(old), "fixture rubric no longer contains \(old)")
        return text.replacingOccurrences(of: old, with: new)
    }

    @Test func renamedLevelIsAMismatch() throws {
        let marked = MarkedText(try rubricText(replacing: "      - id: documented", with: "      - id: 1️⃣documentation"))
        let report = try Fixture.audit(replacing: ["rubric.yaml": marked.text])
        let diagnostic = expectDiagnostic("level-mismatch", at: "1️⃣", in: marked, file: "Content/rubric.yaml", of: report)
        #expect(diagnostic?.message.hasPrefix("level 'documentation' of axis 'data' does not match the manifest vocabulary; expected 'documented' here") == true)
        #expect(report.rubric == nil)
    }

    @Test func decreasingPointsAreRejected() throws {
        let marked = MarkedText(try rubricText(replacing: "        points: 16", with: "        points: 1️⃣4"))
        let report = try Fixture.audit(replacing: ["rubric.yaml": marked.text])
        expectDiagnostic("invalid-value", at: "1️⃣", in: marked, file: "Content/rubric.yaml", of: report)
    }

    @Test func tierRequirementMustNameARealLevel() throws {
        let marked = MarkedText(try rubricText(replacing: "requires: {weights: gated}", with: "requires: {weights: 1️⃣gate}"))
        let report = try Fixture.audit(replacing: ["rubric.yaml": marked.text])
        let diagnostic = expectDiagnostic("unknown-value", at: "1️⃣", in: marked, file: "Content/rubric.yaml", of: report)
        #expect(diagnostic?.message.contains("(did you mean 'gated'?)") == true)
    }

    @Test func lastTierMustCatchEveryModel() throws {
        let text = try rubricText(replacing: "    requires: {}", with: "    requires: {weights: gated}")
        let report = try Fixture.audit(replacing: ["rubric.yaml": text])
        #expect(report.diagnostics.contains { $0.code == "no-catch-all-tier" && $0.location?.file == "Content/rubric.yaml" })
    }
}
