import Testing
@testable import AtomAudit

/// The `adoption` block and `family`: what a reviewer writes, and every mistake at its position.
@Suite struct AdoptionDecoderTests {
    private func manifest(adoption: String, family: String = "family: subject-1") -> String {
        Fixture.validManifest.replacingOccurrences(of: "assessed: 2025-08-10", with: "\(family)\n\(adoption)\nassessed: 2025-08-10")
    }

    @Test func repositoriesAndSnapshotsAreRead() throws {
        let text = manifest(adoption: """
            adoption:
              repositories: [example/subject, example/subject-Base]
              snapshots:
                - as-of: 2025-06-01
                  downloads: 1200
                  downloads-30d: 300
                  likes: 12
                  derivatives: {fine-tunes: 4, quantizations: 9}
                  source: https://huggingface.co/example/subject
                - as-of: 2025-07-01
                  downloads: 1500
                  source: [https://huggingface.co/api/models/example/subject, https://huggingface.co/api/models/example/subject-Base]
            """)
        let report = try Fixture.auditManifest(MarkedText(text))
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let model = try #require(report.manifests.first { $0.id.rawValue == "subject" })
        #expect(model.family == "subject-1")
        let adoption = try #require(model.adoption)
        #expect(adoption.repositories.map(\.description) == ["example/subject", "example/subject-Base"])
        #expect(adoption.snapshots.count == 2)
        #expect(adoption.snapshots[0].derivatives == DerivativeCounts(fineTunes: 4, quantizations: 9))
        #expect(adoption.snapshots[0].downloadsLast30Days == 300)
        #expect(adoption.latest?.downloads == 1500)
        #expect(adoption.latest?.likes == nil, "a figure the source did not give stays unknown, never 0")
        #expect(adoption.latest?.sources.count == 2)
        #expect(adoption.latest(onOrBefore: CalendarDate("2025-06-15")!)?.downloads == 1200)
        #expect(adoption.latest(onOrBefore: CalendarDate("2025-05-31")!) == nil)
    }

    @Test func cumulativeDownloadsThatFallAreAnError() throws {
        let marked = MarkedText(manifest(adoption: """
            adoption:
              repositories: [example/subject]
              snapshots:
                - as-of: 2025-06-01
                  downloads: 1200
                  source: https://huggingface.co/example/subject
                - as-of: 1️⃣2025-07-01
                  downloads: 900
                  source: https://huggingface.co/example/subject
            """))
        let report = try Fixture.auditManifest(marked)
        let diagnostic = expectDiagnostic("downloads-fell", at: "1️⃣", in: marked, of: report)
        #expect(diagnostic?.message.contains("fall from 1200 (as of 2025-06-01) to 900 (as of 2025-07-01)") == true)
        #expect(report.scorecard("subject") == nil)
    }

    @Test func snapshotsOutOfOrderAreAnError() throws {
        let marked = MarkedText(manifest(adoption: """
            adoption:
              snapshots:
                - as-of: 2025-07-01
                  likes: 3
                  source: https://huggingface.co/example/subject
                - as-of: 1️⃣2025-06-01
                  likes: 4
                  source: https://huggingface.co/example/subject
            """))
        let report = try Fixture.auditManifest(marked)
        expectDiagnostic("snapshot-order", at: "1️⃣", in: marked, of: report)
    }

    @Test func negativeCountsAndMissingFiguresAreErrors() throws {
        let marked = MarkedText(manifest(adoption: """
            adoption:
              snapshots:
                - as-of: 2025-06-01
                  downloads: 1️⃣-5
                  source: https://huggingface.co/example/subject
                - 2️⃣as-of: 2025-07-01
                  source: https://huggingface.co/example/subject
                - as-of: 2025-08-01
                  derivatives: {adapters: 3️⃣many}
                  source: https://huggingface.co/example/subject
            """))
        let report = try Fixture.auditManifest(marked)
        let negative = expectDiagnostic("invalid-value", at: "1️⃣", in: marked, of: report)
        #expect(negative?.message == "'downloads' in adoption snapshot 1 is -5; expected a count of zero or more")
        let empty = expectDiagnostic("missing-key", at: "2️⃣", in: marked, of: report)
        #expect(empty?.message.hasPrefix("adoption snapshot 2 has no figure") == true)
        expectDiagnostic("wrong-type", at: "3️⃣", in: marked, of: report)
    }

    @Test func repositoriesMustBeOwnerSlashName() throws {
        let marked = MarkedText(manifest(adoption: """
            adoption:
              repositories: [example/subject, 1️⃣../../etc, 2️⃣example/subject]
            """))
        let report = try Fixture.auditManifest(marked)
        expectDiagnostic("invalid-repository", at: "1️⃣", in: marked, of: report)
        expectDiagnostic("duplicate-repository", at: "2️⃣", in: marked, of: report)
    }

    @Test func unknownSnapshotKeySuggestsTheClosest() throws {
        let marked = MarkedText(manifest(adoption: """
            adoption:
              snapshots:
                - as-of: 2025-06-01
                  1️⃣download: 5
                  likes: 1
                  source: https://huggingface.co/example/subject
            """))
        let report = try Fixture.auditManifest(marked)
        let diagnostic = expectDiagnostic("unknown-key", at: "1️⃣", in: marked, of: report)
        #expect(diagnostic?.message.contains("(did you mean 'downloads'?)") == true)
    }

    @Test func aSnapshotFromTheFutureIsAnError() throws {
        let marked = MarkedText(manifest(adoption: """
            adoption:
              repositories: [example/subject]
              snapshots:
                - as-of: 1️⃣2025-09-01
                  likes: 1
                  source: https://huggingface.co/example/subject
            """))
        let report = try Fixture.audit(replacing: ["models/subject.yaml": marked.text], today: CalendarDate("2025-08-20"))
        let diagnostic = expectDiagnostic("future-date", at: "1️⃣", in: marked, of: report)
        #expect(diagnostic?.severity == .error)
    }

    @Test func aHostedModelListsNoRepositories() throws {
        let text = manifest(adoption: "1️⃣adoption:\n  repositories: [example/subject]")
            .replacingOccurrences(of: "  access: open\n  license: Apache-2.0\n  evidence: [https://huggingface.co/example/subject]", with: "  access: hosted")
        let marked = MarkedText(text)
        let report = try Fixture.auditManifest(marked)
        expectDiagnostic("hosted-with-adoption", at: "1️⃣", in: marked, of: report)
    }

    @Test func familyMustBeAnID() throws {
        let marked = MarkedText(manifest(adoption: "", family: "family: 1️⃣Qwen 3"))
        let report = try Fixture.auditManifest(marked)
        let diagnostic = expectDiagnostic("invalid-value", at: "1️⃣", in: marked, of: report)
        #expect(diagnostic?.message.contains("did you mean 'qwen-3'") == true)
    }

    @Test func missingFamilyReleasedParametersAndRepositoriesAreWarnings() throws {
        let report = try Fixture.audit(replacing: ["models/subject.yaml": Fixture.validManifest], today: CalendarDate("2025-08-20"))
        let codes = Set(report.diagnostics(forFile: "Content/models/subject.yaml").map(\.code))
        #expect(codes == ["missing-family", "missing-released", "missing-parameters", "missing-repositories"])
        #expect(report.diagnostics.allSatisfy { $0.severity == .warning })
        #expect(report.scorecard("subject") != nil)
    }

    @Test func factsMarkedUnknownAreNotWarnedAbout() throws {
        let text = manifest(adoption: "adoption:\n  repositories: [example/subject]")
            .replacingOccurrences(of: "origin: US", with: "origin: US\nreleased: unknown\nparameters: unknown")
        let report = try Fixture.audit(replacing: ["models/subject.yaml": text], today: CalendarDate("2025-08-20"))
        #expect(report.diagnostics(forFile: "Content/models/subject.yaml").isEmpty)
        let model = try #require(report.manifests.first { $0.id.rawValue == "subject" })
        #expect(model.unknownFacts == ["released", "parameters"])
        #expect(model.released == nil && model.parameters == nil)
    }
}
