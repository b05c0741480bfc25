import AtomAudit
import Foundation
import Testing
import TestSupport
@testable import AtomIO

@Suite struct GitHistoryReaderTests {
    @Test func theLogListsCommitsThatTouchTheContentOldestFirstWithTheirFiles() throws {
        let repository = try TestRepository()
        defer { repository.delete() }
        try repository.write("Content/models/a.yaml", "name: A\n")
        try repository.write("Content/models/with space é.yaml", "name: B\n")
        let first = try repository.commit("First", date: "2024-12-31")
        try repository.write("other.txt", "outside\n")
        try repository.commit("Outside the content", date: "2025-01-01")
        try repository.move("Content/models/a.yaml", to: "Content/models/a2.yaml")
        try repository.write("Content/models/with space é.yaml", "name: B2\n")
        let second = try repository.commit("Move a; edit b", date: "2025-01-02")
        try repository.remove("Content/models/with space é.yaml")
        let third = try repository.commit("Remove b", date: "2025-01-03")

        let log = try GitHistoryReader(repository: repository.path, contentPath: "Content/").log()
        #expect(log.map(\.commit.id) == [first, second, third])
        #expect(log.map(\.commit.subject) == ["First", "Move a; edit b", "Remove b"])
        #expect(log.map(\.commit.date.description) == ["2024-12-31", "2025-01-02", "2025-01-03"])
        #expect(log[0].changes.map { "\($0.status) \($0.path)" } == ["A Content/models/a.yaml", "A Content/models/with space é.yaml"])
        #expect(log[1].changes.map { "\($0.status) \($0.previousPath ?? "-") \($0.path)" }
            == ["R Content/models/a.yaml Content/models/a2.yaml", "M - Content/models/with space é.yaml"])
        #expect(log[1].manifestRenames(in: "Content") == ["a": "a2"])
        #expect(log[2].changes.map { "\($0.status) \($0.mode)" } == ["D 000000"])

        let blobs = try GitHistoryReader(repository: repository.path).blobs(log[1].changes.map(\.object))
        #expect(blobs.values.map { String(decoding: $0, as: UTF8.self) }.sorted() == ["name: A\n", "name: B2\n"])
    }

    @Test func aMergeIsOneCommitWithWhatItBroughtIn() throws {
        let repository = try TestRepository()
        defer { repository.delete() }
        try repository.write("Content/site.yaml", "title: x\n")
        try repository.commit("Start", date: "2025-01-01")
        try repository.git("checkout", "-q", "-b", "feature")
        try repository.write("Content/models/a.yaml", "name: A\n")
        try repository.commit("Add a on a branch", date: "2025-01-02")
        try repository.write("Content/models/a.yaml", "name: A2\n")
        try repository.commit("Edit a on the branch", date: "2025-01-03")
        try repository.git("checkout", "-q", "main")
        try repository.git("merge", "-q", "--no-ff", "feature", "-m", "Merge the feature",
                           environment: ["GIT_AUTHOR_DATE": "2025-01-04T12:00:00Z", "GIT_COMMITTER_DATE": "2025-01-04T12:00:00Z"])
        let log = try GitHistoryReader(repository: repository.path).log()
        #expect(log.map(\.commit.subject) == ["Start", "Merge the feature"])
        #expect(log[1].changes.map { "\($0.status) \($0.path)" } == ["A Content/models/a.yaml"])
    }

    @Test func contentTreeFollowsTheChangesAndKeepsOnlyWhatScoresRead() throws {
        var tree = ContentTree(folder: "Content")
        tree.apply([
            FileChange(status: "A", path: "Content/models/a.yaml", mode: "100644", object: "1"),
            FileChange(status: "A", path: "Content/pages/about.md", mode: "100644", object: "2"),
            FileChange(status: "A", path: "Content/rubric.yaml", mode: "100644", object: "3"),
            FileChange(status: "A", path: "Content/models/link.yaml", mode: "120000", object: "4"),
            FileChange(status: "A", path: "Elsewhere/models/x.yaml", mode: "100644", object: "5"),
        ])
        let added = tree.apply([FileChange(status: "R", path: "Content/models/b.yaml", previousPath: "Content/models/a.yaml", mode: "100644", object: "6")])
        #expect(added == ["6"])
        #expect(tree.entries.keys.sorted() == ["models/b.yaml", "models/link.yaml", "rubric.yaml"])
        let snapshot = try tree.snapshot(root: "Content", blobs: ["3": Data("r".utf8), "6": Data("b".utf8)])
        #expect(snapshot.files.keys.sorted() == ["models/b.yaml", "rubric.yaml"])
        #expect(snapshot.objectIDs == ["models/b.yaml": "6", "rubric.yaml": "3"])
        #expect(snapshot.readingDiagnostics.map { "\($0.location?.file ?? "") \($0.code)" } == ["Content/models/link.yaml symbolic-link"])
    }

    @Test func aFolderWithoutHistoryIsAClearError() throws {
        let repository = try TestRepository()
        defer { repository.delete() }
        try repository.write("Other/file.txt", "x\n")
        try repository.commit("Start", date: "2025-01-01")
        let loader = HistoryLoader(reader: GitHistoryReader(repository: repository.path), cacheFolder: nil, tool: "test")
        #expect(throws: GitHistoryReader.Failure.noHistory(path: "Content")) { try loader.load() }
        let notARepository = GitHistoryReader(repository: repository.root.appendingPathComponent("Other").path + "/missing")
        #expect { try notARepository.log() } throws: { error in
            guard case .git(let message) = error as? GitHistoryReader.Failure else { return false }
            return !message.isEmpty
        }
    }
}
