import Testing
@testable import AtomAudit

/// `Content/coverage.yaml`: read into the report, every mistake at its position.
@Suite struct HubCoverageDecoderTests {
    static let valid = """
        # How much of the Hub's most-downloaded text-generation models the catalogue covers.
        # Written by 'atom-audit coverage --write'; downloads are the Hub's last-30-day counts.
        as-of: 2025-09-01
        endpoint: https://huggingface.co
        top: 3
        total-downloads: 1000
        covered-downloads: 850
        uncovered:
          - repository: someone/uncovered
            downloads: 100
          - repository: gpt2
            downloads: 50

        """

    private func audit(_ text: String) throws -> AuditReport {
        try Fixture.audit(replacing: ["coverage.yaml": text], today: CalendarDate(year: 2025, month: 9, day: 1))
    }

    @Test func readsTheRecordIntoTheReport() throws {
        let report = try audit(Self.valid)
        #expect(report.diagnostics(forFile: "Content/coverage.yaml").isEmpty, "\(report.diagnostics)")
        #expect(report.coverage == HubCoverage(
            date: CalendarDate(year: 2025, month: 9, day: 1)!, endpoint: "https://huggingface.co", top: 3, downloads: 1000,
            coveredDownloads: 850, uncovered: [.init(repository: "someone/uncovered", downloads: 100), .init(repository: "gpt2", downloads: 50)]))
        #expect(report.coverage?.coveredShare == 0.85)
    }

    @Test func theWrittenTextReadsBack() throws {
        let coverage = try #require(try audit(Self.valid).coverage)
        #expect(coverage.yaml == Self.valid.replacingOccurrences(of: "\n\n", with: "\n"))
        #expect(try audit(coverage.yaml).coverage == coverage)
        let none = HubCoverage(date: coverage.date, endpoint: coverage.endpoint, top: 1, downloads: 5, coveredDownloads: 5, uncovered: [])
        #expect(none.yaml.hasSuffix("covered-downloads: 5\nuncovered: []\n"))
        #expect(try audit(none.yaml).coverage == none)
    }

    @Test func anAbsentFileIsNoRecord() throws {
        let report = try Fixture.audit()
        #expect(report.coverage == nil)
    }

    @Test func mistakesAreReportedAtTheirPositions() throws {
        let marked = MarkedText("""
            as-of: 2025-09-01
            endpoint: https://huggingface.co
            top: 3
            total-downloads: 2️⃣1000
            covered-downloads: 800
            1️⃣total-downlods: 3
            uncovered:
              - repository: 3️⃣not a repo
                downloads: 100
              - repository: a/b
                4️⃣download: 100
            """)
        let report = try audit(marked.text)
        let file = "Content/coverage.yaml"
        let unknown = expectDiagnostic("unknown-key", at: "1️⃣", in: marked, file: file, of: report)
        #expect(unknown?.message.hasPrefix("unknown key 'total-downlods' in the coverage record (did you mean 'total-downloads'?)") == true)
        let sum = expectDiagnostic("inconsistent-figures", at: "2️⃣", in: marked, file: file, of: report)
        #expect(sum?.message == "covered-downloads (800) and the uncovered models' downloads (0) add up to 800, not total-downloads (1000); expected every model of the top N to be covered or listed as uncovered")
        expectDiagnostic("invalid-repository", at: "3️⃣", in: marked, file: file, of: report)
        expectDiagnostic("unknown-key", at: "4️⃣", in: marked, file: file, of: report)
        #expect(report.coverage == nil)
    }

    @Test func countsTooLargeToAddUpAreAnErrorNotATrap() throws {
        let huge = Self.valid
            .replacingOccurrences(of: "downloads: 100\n", with: "downloads: 9223372036854775000\n")
            .replacingOccurrences(of: "downloads: 50\n", with: "downloads: 9223372036854775000\n")
        let diagnostics = try audit(huge).diagnostics(forFile: "Content/coverage.yaml")
        #expect(diagnostics.map(\.code) == ["inconsistent-figures"])
        #expect(diagnostics.first?.message.contains("add up to 9223372036854775807, not total-downloads (1000)") == true)
    }

    @Test func aRecordFromTheFutureIsAnError() throws {
        let marked = MarkedText(Self.valid.replacingOccurrences(of: "as-of: 2025-09-01", with: "as-of: 1️⃣2025-09-02"))
        let report = try audit(marked.text)
        expectDiagnostic("future-date", at: "1️⃣", in: marked, file: "Content/coverage.yaml", of: report)
    }
}
