import Foundation
import Testing

/// Every page, the brief and the downloads are dated; the date comes from `--as-of`, or
/// from git (the content's last commit), so the same commit always builds the same site.
@Suite struct AsOfDateTests {
    let work: URL

    init() throws {
        work = FileManager.default.temporaryDirectory.appendingPathComponent("as-of-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLI.fixture("valid"), to: work.appendingPathComponent("Content"))
    }

    var templates: String { CLI.repositoryRoot.appendingPathComponent("Templates").path }

    func build(_ extra: [String] = [], today: String = "2026-12-06") throws -> CLI.Result {
        try CLI.run(["build", "--content", "Content", "--templates", templates, "--output", "Site"] + extra,
                    in: work, environment: ["ATOM_AUDIT_TODAY": today])
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: work.appendingPathComponent("Site/" + path), encoding: .utf8)
    }

    @Test func asOfIsOnEveryPageTheBriefAndTheDownloads() throws {
        let result = try build(["--as-of", "2027-03-01"])
        #expect(result.status == 0, "\(result.stderr)")
        for page in ["index.html", "methodology/index.html", "charts/index.html", "scenarios/index.html", "models/open-fixture/index.html"] {
            #expect(try read(page).contains("Data as of <time datetime=\"2027-03-01\">2027-03-01</time>"), "\(page)")
        }
        #expect(try read("README.md").contains("*Data as of 2027-03-01 · rubric version"))
        #expect(try read("brief.md").contains("*Data as of 2027-03-01:"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(read("data/models.json").utf8)) as? [String: Any])
        #expect(json["asOf"] as? String == "2027-03-01")
        let csv = try read("data/models.csv").components(separatedBy: "\r\n")
        #expect(csv[0].hasSuffix(",as_of") && csv[1].hasSuffix(",2027-03-01"))
        #expect(try read("charts/tiers-by-origin.csv").contains(",2027-03-01\r\n"))
        #expect(try read("charts/index.html").contains("data as of 2027-03-01."))
    }

    /// The fixtures were assessed on 2025-08-10: as of 2027-03-01 both are stale.
    @Test func staleAssessmentsAreMarkedAndCounted() throws {
        #expect(try build(["--as-of", "2027-03-01"]).status == 0)
        #expect(try read("index.html").contains("2 of the 2 assessments are older than 365 days"))
        #expect(try read("models/open-fixture/index.html").contains("stale: older than 365 days"))
        #expect(try build(["--as-of", "2025-09-01"]).status == 0)
        #expect(try read("index.html").contains("Every assessment is less than 365 days old."))
        #expect(!(try read("models/open-fixture/index.html")).contains("stale:"))
    }

    @Test func anInvalidAsOfIsRefused() throws {
        let result = try build(["--as-of", "2026-02-30"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("'--as-of' must be a real date written YYYY-MM-DD"))
    }

    /// Outside git the date is the newest assessment: still deterministic.
    @Test func outsideGitTheNewestAssessmentDatesTheData() throws {
        #expect(try build().status == 0)
        #expect(try read("index.html").contains("Data as of <time datetime=\"2025-08-10\">"))
    }

    @Test func inGitTheLastCommitTouchingTheContentDatesTheData() throws {
        let environment = ["GIT_AUTHOR_DATE": "2026-10-20T12:00:00Z", "GIT_COMMITTER_DATE": "2026-10-20T12:00:00Z",
                           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
                           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"]
        for arguments in [["init", "-q"], ["add", "Content"], ["commit", "-q", "-m", "content"]] {
            #expect(try CLI.shell(["git"] + arguments, in: work, environment: environment) == 0)
        }
        // Built twice on different days, the same commit gives the same date.
        #expect(try build(today: "2026-12-06").status == 0)
        #expect(try read("index.html").contains("Data as of <time datetime=\"2026-10-20\">"))
        #expect(try build(today: "2028-01-01").status == 0)
        #expect(try read("index.html").contains("Data as of <time datetime=\"2026-10-20\">"))
        // Uncommitted changes to the content are today's data.
        let manifest = work.appendingPathComponent("Content/models/open-fixture.yaml")
        try (try String(contentsOf: manifest, encoding: .utf8)).replacingOccurrences(of: "A *fixture* model.", with: "Edited.")
            .write(to: manifest, atomically: true, encoding: .utf8)
        #expect(try build(today: "2026-12-06").status == 0)
        #expect(try read("index.html").contains("Data as of <time datetime=\"2026-12-06\">"))
    }
}
