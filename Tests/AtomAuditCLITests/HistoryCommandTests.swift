import Foundation
import Testing
import TestSupport

@Suite struct HistoryCommandTests {
    /// A repository holding the history story, with its own cache folder.
    func storyRepository() throws -> (TestRepository, [String]) {
        let repository = try TestRepository()
        return (repository, try HistoryFixture.story(in: repository))
    }

    @Test func markdownNewestFirstWithOneLinePerChange() throws {
        let (repository, ids) = try storyRepository()
        defer { repository.delete() }
        let result = try CLI.run(["history"], in: repository.root)
        #expect(result.status == 0, "\(result.stderr)")
        let text = result.stdout
        #expect(text.hasPrefix("# Content history\n\n8 commits touched `Content`; 7 changed a score, a signpost or the rubric; 1 could not be audited (content with errors) and is skipped.\n"))
        let headings = text.split(separator: "\n").filter { $0.hasPrefix("## ") }.map(String.init)
        #expect(headings == [
            "## 2025-01-08 · \(ids[7].prefix(7)) · Remove Acme",
            "## 2025-01-07 · \(ids[6].prefix(7)) · Rubric 1.1",
            "## 2025-01-06 · \(ids[5].prefix(7)) · Fix the license; the hosted fixture opens its weights",
            "## 2025-01-05 · \(ids[4].prefix(7)) · Typo in Acme's license",
            "## 2025-01-04 · \(ids[3].prefix(7)) · Rename acme-7b",
            "## 2025-01-03 · \(ids[2].prefix(7)) · Describe Acme's data",
            "## 2025-01-02 · \(ids[1].prefix(7)) · Add Acme 7B",
            "## 2025-01-01 · \(ids[0].prefix(7)) · Add the fixture content",
        ])
        #expect(text.contains("\n- acme-7b: data undisclosed → described; 43 → 49 points\n"))
        #expect(text.contains("\n- acme-7b-instruct: renamed from acme-7b\n"))
        #expect(text.contains("\n- hosted-fixture: weights hosted → open; license none → Apache-2.0 (proprietary → open); tier Closed → Open weights; 0 → 43 points\n"))
        #expect(text.contains("\n- signpost “China has no open-weights-or-better model” (Continued divergence): met → **not met** (value 1; threshold exactly 0)\n"))
        #expect(text.contains("\n- rubric 1.0 → 1.1: every model is scored again\n- acme-7b-instruct: 49 → 51 points\n- hosted-fixture: 43 → 45 points\n- open-fixture: 100 → 105 points\n"))
        #expect(text.contains("\n- acme-7b-instruct: removed (was Open weights, 51 points)\n"))
        #expect(text.contains("\n- acme-7b: added (Open weights, 43 points)\n"))
        #expect(text.contains("\n- not audited: the content has 1 error, so this commit is skipped and the next one is compared with the last good one\n  - `Content/models/acme-7b-instruct.yaml:7:12: error: [unknown-license] weights.license 'inf' is not in the license catalog"))

        // The broken commit is reported on standard error with its commit, file and line.
        #expect(result.stderr.contains("warning: skipped commit \(ids[4].prefix(7)) (2025-01-05 · Typo in Acme's license): its content has 1 error"))
        #expect(result.stderr.contains("\n\(ids[4].prefix(7)):Content/models/acme-7b-instruct.yaml:7:12: error: [unknown-license] weights.license 'inf'"))
        #expect(result.stderr.contains("read 8 commits touching 'Content': 8 audited, 0 from the cache"))
    }

    @Test func aSecondRunTakesEveryCommitFromTheCache() throws {
        let (repository, _) = try storyRepository()
        defer { repository.delete() }
        let first = try CLI.run(["history", "--repository", repository.path])
        let second = try CLI.run(["history", "--repository", repository.path])
        #expect(second.status == 0)
        #expect(second.stderr.contains("read 8 commits touching 'Content': 0 audited, 8 from the cache, 0 files decoded, 1 skipped"))
        #expect(second.stdout == first.stdout)
        // The cache sits in the repository, which git is told to ignore only by the
        // project's own .gitignore: here it is simply a new folder.
        let cacheFolder = repository.root.appendingPathComponent(".atom-audit-cache")
        #expect(try FileManager.default.contentsOfDirectory(atPath: cacheFolder.path).count == 1)

        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("history-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        let own = try CLI.run(["history", "--repository", repository.path, "--cache", elsewhere.path])
        #expect(own.stderr.contains("8 audited, 0 from the cache"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).map { $0.hasPrefix("history-") } == [true])
    }

    @Test func jsonWithStableFieldNames() throws {
        let (repository, ids) = try storyRepository()
        defer { repository.delete() }
        let result = try CLI.run(["history", "--format", "json", "--repository", repository.path])
        #expect(result.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(document["contentPath"] as? String == "Content" && document["commits"] as? Int == 8)
        let events = try #require(document["events"] as? [[String: Any]])
        func commit(_ event: [String: Any]) -> [String: String] { event["commit"] as? [String: String] ?? [:] }
        #expect(events.map { commit($0)["id"] } == [7, 6, 5, 3, 2, 1, 0].map { ids[$0] })
        #expect(events.map { $0["sequence"] as? Int } == [7, 6, 5, 3, 2, 1, 0])
        let described = try #require(events.first { commit($0)["id"] == ids[2] })
        #expect(commit(described) == ["id": ids[2], "date": "2025-01-03", "subject": "Describe Acme's data"])
        let change = try #require((described["models"] as? [[String: Any]])?.first)
        #expect(change["id"] as? String == "acme-7b" && change["change"] as? String == "changed")
        #expect((change["levels"] as? [String: [String: String]]) == ["data": ["from": "undisclosed", "to": "described"]])
        #expect((change["points"] as? [String: Int]) == ["from": 43, "to": 49])
        #expect(change["tier"] == nil && change["license"] == nil && change["previousId"] == nil)
        #expect((change["before"] as? [String: Any])?["points"] as? Int == 43)
        #expect((change["after"] as? [String: Any])?["tier"] as? String == "open-weights")
        let renamed = try #require((events.first { commit($0)["id"] == ids[3] }?["models"] as? [[String: Any]])?.first)
        #expect(renamed["change"] as? String == "renamed" && renamed["previousId"] as? String == "acme-7b")
        let rubric = try #require(events.first { commit($0)["id"] == ids[6] }?["rubric"] as? [String: String])
        #expect(rubric == ["from": "1.0", "to": "1.1"])
        let fix = try #require(events.first { commit($0)["id"] == ids[5] })
        let license = try #require((fix["models"] as? [[String: Any]])?.first?["license"] as? [String: Any])
        #expect(license["from"] is NSNull && license["to"] as? String == "Apache-2.0")
        let signpost = try #require((fix["signposts"] as? [[String: Any]])?.first)
        #expect(signpost["scenario"] as? String == "divergence" && signpost["metBefore"] as? Bool == true && signpost["metAfter"] as? Bool == false)
        let skipped = try #require((document["skipped"] as? [[String: Any]])?.first)
        #expect(commit(skipped)["id"] == ids[4] && skipped["sequence"] as? Int == 4)
        let problem = try #require((skipped["problems"] as? [[String: Any]])?.first)
        #expect(problem["file"] as? String == "Content/models/acme-7b-instruct.yaml" && problem["line"] as? Int == 7)
        #expect(problem["code"] as? String == "unknown-license")
    }

    @Test func oneModelThroughItsRename() throws {
        let (repository, _) = try storyRepository()
        defer { repository.delete() }
        let result = try CLI.run(["history", "--model", "acme-7b-instruct", "--repository", repository.path])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("# History of `acme-7b-instruct`\n"))
        let bullets = result.stdout.split(separator: "\n").filter { $0.hasPrefix("- ") && !$0.hasPrefix("- not audited") }
        #expect(bullets == [
            "- acme-7b-instruct: removed (was Open weights, 51 points)",
            "- rubric 1.0 → 1.1: every model is scored again",
            "- acme-7b-instruct: 49 → 51 points",
            "- acme-7b-instruct: renamed from acme-7b",
            "- acme-7b: data undisclosed → described; 43 → 49 points",
            "- acme-7b: added (Open weights, 43 points)",
        ])

        let unknown = try CLI.run(["history", "--model", "acme", "--repository", repository.path])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("error: no model 'acme' in the history of 'Content' (did you mean 'acme-7b'?); expected the id of a manifest that some commit added"))
    }

    @Test func outsideARepositoryOrWithoutTheFolderItFailsClearly() throws {
        let (repository, _) = try storyRepository()
        defer { repository.delete() }
        let missing = try CLI.run(["history", "--repository", repository.path, "--content-path", "Nothing"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("error: no commit touches 'Nothing'; expected the content folder's path inside the repository (pass --content-path)"))
        let notGit = try CLI.run(["history", "--repository", FileManager.default.temporaryDirectory.appendingPathComponent("no-repo-\(UUID().uuidString)").path])
        #expect(notGit.status == 2)
        #expect(notGit.stderr.hasPrefix("error: git failed: "))
    }
}
