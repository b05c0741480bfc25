import Testing
@testable import AtomAudit

@Suite struct LicenseCatalogDecoderTests {
    @Test func fixtureCatalogLoads() throws {
        let catalog = try #require(try Fixture.audit().licenses)
        #expect(catalog.ids == ["Apache-2.0", "bigscience-openrail-m", "llama3.1", "CC-BY-NC-4.0"])
        #expect(catalog.license("llama3.1")?.level == .customRestrictive)
    }

    @Test func catalogProblemsArePositioned() throws {
        let marked = MarkedText("""
            licenses:
              - id: MIT
                name: MIT License
                url: 1️⃣opensource.org/license/mit
                osi-approved: 2️⃣yes
                level: open
                summary: Permissive.
              - id: Apache-2.0
                name: Apache
                url: https://www.apache.org/licenses/LICENSE-2.0
                osi-approved: true
                level: 3️⃣custom-restrictive
                summary: Wrong level.
              - id: 4️⃣MIT
                name: MIT again
                url: https://opensource.org/license/mit
                osi-approved: true
                level: open
                5️⃣sumary: Typo.
            """)
        let report = try Fixture.audit(replacing: ["licenses.yaml": marked.text])
        let file = "Content/licenses.yaml"
        expectDiagnostic("invalid-url", at: "1️⃣", in: marked, file: file, of: report)
        let bool = expectDiagnostic("wrong-type", at: "2️⃣", in: marked, file: file, of: report)
        #expect(bool?.message == "'osi-approved' in a license entry is 'yes'; expected true or false")
        let level = expectDiagnostic("invalid-value", at: "3️⃣", in: marked, file: file, of: report)
        #expect(level?.message == "an OSI-approved license cannot be at level 'custom-restrictive'; OSI approval rules out use restrictions, so expected 'open'")
        expectDiagnostic("duplicate-license", at: "4️⃣", in: marked, file: file, of: report)
        let typo = expectDiagnostic("unknown-key", at: "5️⃣", in: marked, file: file, of: report)
        #expect(typo?.message.contains("(did you mean 'summary'?)") == true)
        #expect(report.licenses == nil)
        #expect(report.scorecards.isEmpty)
    }
}
