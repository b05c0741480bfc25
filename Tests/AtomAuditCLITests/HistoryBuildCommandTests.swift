import Foundation
import Testing
import TestSupport

/// `build` in a git repository: the history on the site, end to end.
@Suite struct HistoryBuildCommandTests {
    var templates: String { CLI.repositoryRoot.appendingPathComponent("Templates").path }

    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("history-build-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func buildPublishesTheHistoryAndANoOpRebuildDoesNotReadIt() throws {
        let repository = try TestRepository()
        defer { repository.delete() }
        let ids = try HistoryFixture.story(in: repository)
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let output = work.appendingPathComponent("Site")
        let arguments = ["build", "--templates", templates, "--output", output.path]

        let first = try CLI.run(arguments, in: repository.root)
        #expect(first.status == 0, "\(first.stderr)")
        let changes = try String(contentsOf: output.appendingPathComponent("changes/index.html"), encoding: .utf8)
        for id in [ids[7], ids[0]] { #expect(changes.contains("<article class=\"change\" id=\"commit-\(id)\"")) }
        #expect(changes.contains("Read from 8 commits that touched the Content folder"))
        let cache = repository.root.appendingPathComponent(".atom-audit-cache")
        #expect(FileManager.default.fileExists(atPath: cache.path), "the history's cache, which `history` shares")
        let history = try CLI.run(["history"], in: repository.root)
        #expect(history.stderr.contains("read 8 commits touching 'Content': 0 audited, 8 from the cache"))

        // Nothing changed: the build stops at its stamp, before reading any history.
        try FileManager.default.removeItem(at: cache)
        let second = try CLI.run(arguments, in: repository.root)
        #expect(second.stdout.contains("(up to date: same inputs as the last build)"), "\(second.stdout)")
        #expect(!FileManager.default.fileExists(atPath: cache.path))
    }

    @Test func aShallowCloneBuildsASiteThatSaysWhyItHasNoHistory() throws {
        let repository = try TestRepository()
        defer { repository.delete() }
        _ = try HistoryFixture.story(in: repository)
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let clone = work.appendingPathComponent("clone")
        #expect(try CLI.shell(["git", "clone", "-q", "--depth", "1", "file://" + repository.path, clone.path], in: work) == 0)
        let output = work.appendingPathComponent("Site")
        let result = try CLI.run(["build", "--templates", templates, "--output", output.path], in: clone)
        #expect(result.status == 0, "\(result.stderr)")
        let changes = try String(contentsOf: output.appendingPathComponent("changes/README.md"), encoding: .utf8)
        #expect(changes.contains("History is not available: the repository is a shallow clone, which lacks the older commits; fetch its whole history (git fetch --unshallow) and build again."))
    }
}
