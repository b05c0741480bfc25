import Testing
@testable import AtomAudit

/// The check that runs before a refreshed manifest is written: it loads the edit through
/// the loader and accepts only the original plus the new snapshot.
@Suite struct AdoptionEditCheckTests {
    private let today = CalendarDate(year: 2025, month: 9, day: 1)
    private let original = Fixture.validManifest.replacingOccurrences(
        of: "assessed: 2025-08-10", with: "adoption:\n  repositories: [example/subject]\nassessed: 2025-08-10\n")

    private func snapshot(_ date: String = "2025-09-01", source: String = "https://huggingface.co/api/models/example/subject") -> AdoptionSnapshot {
        AdoptionSnapshot(date: CalendarDate(date)!, downloads: 10, sources: [source])
    }

    private func check(_ edited: String, appended: AdoptionSnapshot) throws -> AdoptionEditCheck.Problem? {
        AdoptionEditCheck(today: today).check(original: original, edited: edited, relativePath: "models/subject.yaml",
                                              in: try Fixture.snapshot(), appended: appended)
    }

    @Test func acceptsTheOriginalPlusTheSnapshot() throws {
        let appended = snapshot()
        #expect(try check(AdoptionSnapshotEditor().appending(appended, to: original), appended: appended) == nil)
    }

    @Test func refusesAnEditThatChangesAnythingElse() throws {
        let appended = snapshot()
        let edited = try AdoptionSnapshotEditor().appending(appended, to: original)
            .replacingOccurrences(of: "name: Subject Model", with: "name: Subject Model 2")
        #expect(try check(edited, appended: appended) == .differentManifest)
        #expect(try check(original, appended: appended) == .differentManifest)
    }

    @Test func refusesAnEditThatDoesNotLoad() throws {
        let appended = snapshot("2025-10-01")
        let problem = try check(AdoptionSnapshotEditor().appending(appended, to: original), appended: appended)
        guard case .errors(let errors) = problem else {
            Issue.record("expected errors, got \(String(describing: problem))")
            return
        }
        #expect(errors.map(\.code) == ["future-date"])
        #expect(problem?.description.hasPrefix("the edited manifest would not load: [future-date] the adoption snapshot as of 2025-10-01 is in the future") == true)
    }

    @Test func refusesNewWarningsButNotTheAnnouncedHTTPSource() throws {
        let local = snapshot(source: "http://127.0.0.1:8080/api/models/example/subject")
        #expect(try check(AdoptionSnapshotEditor().appending(local, to: original), appended: local) == nil)

        var inconsistent = snapshot()
        inconsistent.downloadsLast30Days = 20
        let problem = try check(AdoptionSnapshotEditor().appending(inconsistent, to: original), appended: inconsistent)
        guard case .newDiagnostics(let gained) = problem else {
            Issue.record("expected a new warning, got \(String(describing: problem))")
            return
        }
        #expect(gained.map(\.code) == ["inconsistent-figures"])
    }
}
