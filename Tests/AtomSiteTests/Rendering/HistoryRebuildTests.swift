import AtomAudit
import Foundation
import Testing
import TestSupport
@testable import AtomSite

/// A build with nothing changed stops at its stamp without reading the history; a new
/// commit or tag is a change. Outside git, the site says history is not available.
@Suite final class HistoryRebuildTests {
    let site: HistorySite

    init() throws { site = try HistorySite() }

    @Test func aRebuildWithNothingChangedReadsNoHistory() throws {
        let first = try site.build()
        #expect(first.progress.contains { $0.hasPrefix("read the history: 9 commits, 0 from the cache") })
        // Without its cache, reading the history would write it again: it stays gone.
        try FileManager.default.removeItem(at: site.cache)
        let second = try site.build()
        guard case .upToDate = second.result.outcome else { Issue.record("rebuilt: \(second.result.outcome)"); return }
        #expect(!second.progress.contains { $0.contains("history") })
        #expect(!FileManager.default.fileExists(atPath: site.cache.path))
    }

    @Test func aNewCommitOrTagRebuildsTheSite() throws {
        try site.build()
        // Committing changes no file of the content folder, but adds a commit to its history.
        try site.repository.write("Content/models/beta-1b.yaml", HistoryFixture.manifest(name: "Beta 1B", origin: "FR"))
        let dirty = try site.build()
        guard case .built = dirty.result.outcome else { Issue.record("not rebuilt: \(dirty.result.outcome)"); return }
        let beta = try site.html("models/beta-1b/index.html")
        #expect(beta.element(id: "history-title")?.parent?.text.contains("No commit records this model yet") == true)
        let id = try site.repository.commit("Add Beta 1B", date: "2025-01-10")
        let committed = try site.build()
        guard case .built = committed.result.outcome else { Issue.record("not rebuilt after the commit: \(committed.result.outcome)"); return }
        #expect(committed.progress.contains { $0.hasPrefix("read the history: 10 commits, 9 from the cache") })
        #expect(try site.html("changes/index.html").all(class: "change").first?["id"] == "commit-\(id)")

        try site.repository.git("tag", "edition-2025-02", id)
        guard case .built = try site.build().result.outcome else { Issue.record("a new tag did not rebuild"); return }
        #expect(site.exists("data/editions/edition-2025-02.json"))
    }

    @Test func outsideGitTheSiteSaysHistoryIsNotAvailable() throws {
        let content = site.work.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: HistoryFixture.content, to: content)
        var pipeline = SitePipeline(content: content.path, templates: SiteFixture.templatesPath, output: site.output.path)
        pipeline.history = SitePipeline.HistorySettings(tool: "test", cacheFolder: site.cache.path)
        let result = try pipeline.run()
        guard case .built = result.outcome else { Issue.record("not built: \(result.outcome)"); return }
        #expect(result.diagnostics.isEmpty)
        let reason = "History is not available: the content folder is not in a git repository."
        #expect(try site.html("changes/index.html").all(class: "notice").map(\.text) == [reason])
        let scorecard = try site.html("models/open-fixture/index.html")
        #expect(scorecard.element(id: "history-title")?.parent?.first("p")?.text == reason)
        #expect(try site.text("charts/README.md").contains("\n" + reason + "\n"))
        #expect(try site.html("editions/index.html").text.contains("No edition has been published yet: the content folder is not in a git repository."))
        #expect(!site.exists("charts/tiers-over-time.svg"))
    }
}
