import AtomAudit
import Foundation
import Testing
import TestSupport
@testable import AtomIO

@Suite struct HistoryLoaderTests {
    func loader(_ repository: TestRepository, cache: URL?, tool: String = "test") -> HistoryLoader {
        HistoryLoader(reader: GitHistoryReader(repository: repository.path, contentPath: "Content"),
                      cacheFolder: cache?.path, tool: tool)
    }

    func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("atom-history-cache-\(UUID().uuidString)")
    }

    @Test func theStoryOfAModelFromItsAdditionToItsRemoval() throws {
        let repository = try TestRepository()
        defer { repository.delete() }
        let ids = try HistoryFixture.story(in: repository)
        let outcome = try loader(repository, cache: nil).load()
        let history = outcome.history
        #expect(outcome.commits == 8 && outcome.auditedCommits == 8 && outcome.cachedCommits == 0)
        #expect(history.commitCount == 8)

        // Every file version is decoded once: 6 files at the start (site, rubric, licenses,
        // two manifests, the scenario), Acme added, edited, moved (a new path), broken;
        // the fix restores the moved version (not decoded again) and edits the hosted
        // fixture; rubric 1.1, and the scenario again, because it is decoded against the rubric.
        #expect(outcome.decodedFiles == 6 + 4 + 1 + 2)

        let acme = history.changes(forModel: "acme-7b-instruct")
        #expect(acme.map { "\($0.commit.subject): \($0.kind) \($0.previousID.map { "\($0) → " } ?? "")\($0.model)" } == [
            "Add Acme 7B: added acme-7b",
            "Describe Acme's data: changed acme-7b",
            "Rename acme-7b: renamed acme-7b → acme-7b-instruct",
            "Rubric 1.1: changed acme-7b-instruct",
            "Remove Acme: removed acme-7b-instruct",
        ])
        #expect(acme[0].after?.points == 43 && acme[0].after?.tier.id == "open-weights")
        #expect(acme[1].levels.map { "\($0.axis.rawValue) \($0.from.id) → \($0.to.id)" } == ["data undisclosed → described"])
        #expect(acme[1].points == ValueChange(from: 43, to: 49))
        #expect(acme[1].commit.id == ids[2] && acme[1].commit.date.description == "2025-01-03")
        #expect(acme[2].levels.isEmpty && acme[2].points == nil)

        // The broken commit is reported with its file and line, and left out.
        #expect(history.skipped.map(\.commit.id) == [ids[4]])
        let problem = try #require(history.skipped.first?.problems.first)
        #expect(problem.code == "unknown-license")
        #expect(problem.location == AtomAudit.SourceLocation(file: "Content/models/acme-7b-instruct.yaml", line: 7, column: 12))
        #expect(!history.events.contains { $0.commit.id == ids[4] })

        // The fix is compared with the commit before the broken one: only the hosted
        // fixture changed, and the signpost that depends on it turned.
        let fix = try #require(history.events.first { $0.commit.id == ids[5] })
        #expect(fix.models.map { "\($0.model) \($0.tier.map { "\($0.from.label) → \($0.to.label)" } ?? "")" }
            == ["hosted-fixture Closed → Open weights"])
        #expect(fix.signposts.map { "\($0.signpost): \($0.metBefore == true) → \($0.metAfter == true)" }
            == ["China has no open-weights-or-better model: true → false"])

        // Rubric 1.1: one rubric event, and every model re-scored in the same commit.
        let rubric = try #require(history.events.first { $0.commit.id == ids[6] })
        #expect(rubric.rubric == RubricChange(commit: rubric.commit, from: "1.0", to: "1.1"))
        #expect(rubric.models.map { "\($0.model) \($0.points.map { "\($0.from) → \($0.to)" } ?? "")" }
            == ["acme-7b-instruct 49 → 51", "hosted-fixture 43 → 45", "open-fixture 100 → 105"])
        #expect(history.rubricChanges.map(\.to) == ["1.0", "1.1"])
    }

    @Test func aSecondRunWithNoNewCommitAuditsNothing() throws {
        let repository = try TestRepository()
        defer { repository.delete() }
        _ = try HistoryFixture.story(in: repository)
        let cache = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: cache) }

        let cold = try loader(repository, cache: cache).load()
        #expect(cold.auditedCommits == 8 && cold.decodedFiles > 0)
        let cacheFile = try #require(cold.cacheFile)
        #expect(FileManager.default.fileExists(atPath: cacheFile))
        #expect(cacheFile.hasPrefix(cache.path + "/history-") && cacheFile.hasSuffix(".json"))

        let warm = try loader(repository, cache: cache).load()
        #expect(warm.cachedCommits == 8 && warm.auditedCommits == 0 && warm.decodedFiles == 0)
        #expect(warm.history == cold.history)

        // One new commit: only it is audited, and the history is the one a cold run gives.
        try repository.write("Content/models/beta-1b.yaml", HistoryFixture.manifest(name: "Beta 1B", origin: "FR"))
        try repository.commit("Add Beta 1B", date: "2025-01-09")
        let next = try loader(repository, cache: cache).load()
        #expect(next.cachedCommits == 8 && next.auditedCommits == 1)
        #expect(next.decodedFiles == 7, "the tree at the new commit: site, rubric, licenses, three manifests and the scenario")
        #expect(next.history == (try loader(repository, cache: nil).load()).history)
        #expect(next.history.events.last?.models.map { "\($0.kind) \($0.model)" } == ["added beta-1b"])
    }

    @Test func aCacheFromAnotherBuildOrARewrittenHistoryIsNotUsed() throws {
        let repository = try TestRepository()
        defer { repository.delete() }
        _ = try HistoryFixture.story(in: repository)
        let cache = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: cache) }
        _ = try loader(repository, cache: cache).load()

        #expect(try loader(repository, cache: cache, tool: "another build").load().cachedCommits == 0)
        // The last commit amended: the cached commits are no longer a prefix of the log.
        try repository.git("commit", "-q", "--amend", "-m", "Remove Acme, reworded",
                           environment: ["GIT_COMMITTER_DATE": "2025-01-10T12:00:00Z"])
        let rewritten = try loader(repository, cache: cache, tool: "another build").load()
        #expect(rewritten.cachedCommits == 0 && rewritten.auditedCommits == 8)
        #expect(rewritten.history.events.last?.commit.subject == "Remove Acme, reworded")
    }

    @Test func anUnwritableCacheIsReportedAndTheHistoryIsComplete() throws {
        let repository = try TestRepository()
        defer { repository.delete() }
        _ = try HistoryFixture.story(in: repository)
        // A file where the cache folder should be.
        let blocker = temporaryFolder()
        try Data("x".utf8).write(to: blocker)
        defer { try? FileManager.default.removeItem(at: blocker) }
        let outcome = try loader(repository, cache: blocker).load()
        #expect(outcome.cacheProblem?.contains("could not write") == true)
        #expect(outcome.history.commitCount == 8)
    }
}
