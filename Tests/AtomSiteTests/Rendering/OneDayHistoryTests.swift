import AtomAudit
import Foundation
import Testing
import TestSupport
@testable import AtomSite

/// A history whose commits all fall on one day has no change over time to draw: the pages
/// say so in a sentence instead of drawing an axis that starts and ends on that day.
@Suite final class OneDayHistoryTests {
    let repository: TestRepository
    let output: URL

    init() throws {
        repository = try TestRepository()
        output = FileManager.default.temporaryDirectory.appendingPathComponent("one-day-\(UUID().uuidString)")
        try repository.copy(HistoryFixture.content, to: "Content")
        try repository.commit("Add the fixture content", date: "2025-03-04")
        try repository.write("Content/models/acme-7b.yaml", HistoryFixture.manifest(name: "Acme 7B"))
        try repository.commit("Add Acme 7B", date: "2025-03-04")
    }

    deinit {
        repository.delete()
        try? FileManager.default.removeItem(at: output)
    }

    @Test func theChartGivesWayToASentence() throws {
        var pipeline = SitePipeline(content: repository.root.appendingPathComponent("Content").path,
                                    templates: SiteFixture.templatesPath, output: output.path)
        pipeline.history = SitePipeline.HistorySettings(tool: "one-day-test", cacheFolder: output.path + "-cache")
        defer { try? FileManager.default.removeItem(atPath: output.path + "-cache") }
        guard case .built = try pipeline.run().outcome else { Issue.record("not built"); return }

        let sentence = "Every audited commit so far is from one day, 2025-03-04: the chart of change over time appears once the history spans two days or more."
        let changes = HTMLDocument.parse(try String(contentsOf: output.appendingPathComponent("changes/index.html"), encoding: .utf8))
        #expect(changes.all("p").map(\.text).contains(sentence))
        #expect(changes.all("svg").isEmpty)
        // Both commits are still listed as changes: only the chart needs two days.
        #expect(changes.all(class: "change").count == 2)
        let charts = HTMLDocument.parse(try String(contentsOf: output.appendingPathComponent("charts/index.html"), encoding: .utf8))
        #expect(charts.element(id: "c4")?.parent?.all("p").first?.text == sentence)
        #expect(try String(contentsOf: output.appendingPathComponent("charts/README.md"), encoding: .utf8).contains("\n" + sentence + "\n"))
        #expect(try String(contentsOf: output.appendingPathComponent("changes/README.md"), encoding: .utf8).contains("\n" + sentence + "\n"))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("charts/tiers-over-time.svg").path))
    }
}
