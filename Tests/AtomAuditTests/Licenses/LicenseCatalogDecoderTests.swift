import Testing
@testable import AtomAudit
import AtomIO

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

    // MARK: Terms decide the level

    @Test func aLevelItsTermsDoNotGiveIsAnError() throws {
        let marked = MarkedText("""
            licenses:
              - id: kimi-like
                name: MIT plus a display duty
                url: https://example.org/kimi
                osi-approved: false
                level: 1️⃣custom-restrictive
                terms: [attribution-display]
                summary: MIT plus one display duty.
              - id: inf-like
                name: Revocable grant
                url: https://example.org/inf
                osi-approved: false
                level: custom-restrictive
                terms: [revocable]
                summary: Perpetual but revocable.
              - id: typo
                name: Typo
                url: https://example.org/typo
                osi-approved: false
                level: open-restricted
                terms: [2️⃣use-restriction]
                summary: A misspelt term.
              - id: osi
                name: OSI with terms
                url: https://example.org/osi
                osi-approved: true
                level: open
                terms: 3️⃣[user-cap]
                summary: Impossible.
            """)
        let report = try Fixture.audit(replacing: ["licenses.yaml": marked.text])
        let file = "Content/licenses.yaml"
        let mismatch = expectDiagnostic("level-mismatch", at: "1️⃣", in: marked, file: file, of: report)
        #expect(mismatch?.message == "level 'custom-restrictive' does not follow from its terms 'attribution-display', which place it at 'open-restricted'; expected level 'open-restricted', or the terms that justify 'custom-restrictive'")
        let term = expectDiagnostic("unknown-value", at: "2️⃣", in: marked, file: file, of: report)
        #expect(term?.message.contains("(did you mean 'use-restrictions'?)") == true)
        expectDiagnostic("invalid-value", at: "3️⃣", in: marked, file: file, of: report)
        // A revocable grant is custom-restrictive, so that entry is consistent; the OSI entry
        // is wrong twice (its term, and the level its term would give).
        #expect(report.diagnostics.filter { $0.code == "level-mismatch" }.map { $0.location?.line } == [6, 27])
    }

    @Test func theLevelIsTheLowestCeilingOfTheTerms() {
        #expect(LicenseTerm.level(of: []) == .open)
        #expect(LicenseTerm.level(of: [.notice]) == .open)
        #expect(LicenseTerm.level(of: [.attributionDisplay]) == .openRestricted)
        #expect(LicenseTerm.level(of: [.useRestrictions, .notice]) == .openRestricted)
        #expect(LicenseTerm.level(of: [.useRestrictions, .userCap]) == .customRestrictive)
        #expect(LicenseTerm.level(of: [.userCap, .nonCommercial, .attributionDisplay]) == .nonCommercial)
    }

    /// The project's catalog, held to the rule: the inconsistent pairs now agree.
    @Test func theProjectCatalogPlacesLikeLicensesAlike() throws {
        var snapshot = try ContentReader().read(directory: Fixture.repositoryContent)
        snapshot.root = "Content"
        let catalog = try #require(ContentAuditor().audit(snapshot).licenses)
        let level = { (id: String) in catalog.license(id)?.level }
        #expect(level("gemma") == level("deepseek"))
        #expect(level("minimax") == level("deepseek"))
        #expect(level("kimi-modified-mit") == .openRestricted)
        #expect(catalog.license("inf")?.terms == [.revocable])
        for license in catalog.licenses { #expect(LicenseTerm.level(of: license.terms) == license.level, "\(license.id)") }
    }
}
