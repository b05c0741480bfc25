import AtomAudit
import Foundation
import Testing
import TestSupport
@testable import AtomSite

/// Strict mode: every name the project's templates read must resolve in some render. A
/// typo or a key a view stopped setting would otherwise render as empty text unnoticed.
@Suite struct StrictTemplateTests {
    @Test func everyNameTheTemplatesReadIsSetBySomeView() throws {
        let recorder = TemplateNameRecorder()
        let templates = try SiteFixture.templates(recorder: recorder)
        // The fixtures and the project's own content between them set every optional field.
        let contents = [SiteFixture.contentPath,
                        Bundle.module.resourceURL!.appendingPathComponent("Fixtures/hostile-content").path,
                        SiteFixture.repositoryRoot.appendingPathComponent("Content").path]
        for content in contents {
            let result = SiteBuilder(templates: templates).build(try SiteFixture.report(contentPath: content))
            #expect(!result.diagnostics.containsErrors, "\(content): \(result.diagnostics)")
        }
        // A site with a history, editions and a GitHub repository sets the names only such a site's pages read.
        let site = try HistorySite()
        let pipeline = site.pipeline()
        let report = try SiteFixture.report(contentPath: site.content)
        let (history, _) = pipeline.loadHistory(pipeline.locateRepository(), site: report.site)
        #expect(history.content != nil && history.editions.count == 2)
        let result = SiteBuilder(templates: templates, history: history).build(report)
        #expect(!result.diagnostics.containsErrors, "\(result.diagnostics)")
        // A history of one day has no chart, and says why.
        let oneDay = try TestRepository()
        defer { oneDay.delete() }
        try oneDay.copy(HistoryFixture.content, to: "Content")
        try oneDay.commit("Add the fixture content", date: "2025-03-04")
        let oneDayContent = oneDay.root.appendingPathComponent("Content").path
        var oneDayPipeline = SitePipeline(content: oneDayContent, templates: SiteFixture.templatesPath, output: site.work.appendingPathComponent("one-day").path)
        oneDayPipeline.history = SitePipeline.HistorySettings(tool: "strict-one-day", cacheFolder: site.work.appendingPathComponent("one-day-cache").path)
        let oneDayReport = try SiteFixture.report(contentPath: oneDayContent)
        let (oneDayHistory, _) = oneDayPipeline.loadHistory(oneDayPipeline.locateRepository(), site: oneDayReport.site)
        #expect(oneDayHistory.content?.census.count == 1)
        #expect(!SiteBuilder(templates: templates, history: oneDayHistory).build(oneDayReport).diagnostics.containsErrors)
        // Relative adoption's table needs ten models of a size class with figures.
        let peers = SiteBuilder(templates: templates).build(try SiteFixture.reportWithAdoptionPeers())
        #expect(!peers.diagnostics.containsErrors, "\(peers.diagnostics)")
        #expect(recorder.namesRead > 100)
        let unresolved = recorder.unresolved.map { "'\($0.name)' (read by \($0.templates.joined(separator: ", ")))" }
        #expect(unresolved.isEmpty, "names no context ever set: \(unresolved.joined(separator: "; "))")
    }

    @Test func aMistypedNameIsReported() throws {
        let recorder = TemplateNameRecorder()
        let template = try TemplateParser.parse("{{title}} {{#model}}{{nmae}}{{/model}}", name: "t")
        let renderer = TemplateRenderer(templates: ["t": template], recorder: recorder)
        _ = try renderer.render("t", context: ["title": "A", "model": ["name": "B"]])
        #expect(recorder.unresolved.map(\.name) == ["nmae"])
        #expect(recorder.unresolved.first?.templates == ["t"])
    }
}
