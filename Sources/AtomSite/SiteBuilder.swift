import AtomAudit
import AtomIO
import Foundation

/// Renders an error-free audit into the files of the site. Pure: it reads the audit
/// and the loaded templates and hands `OutputFile`s to a sink (`SiteWriter` puts them
/// on disk). Scorecards go out in batches, so a large site never sits in memory whole.
public struct SiteBuilder: Sendable {
    public let templates: TemplateLibrary
    /// Overrides `base-url` from site.yaml (a deploy knows where it serves from).
    public var baseURL: String?
    /// The as-of date of the data; nil takes the newest assessment.
    public var asOf: CalendarDate?
    /// The content's history and editions, read from git beforehand.
    public var history: SiteHistory
    /// Models rendered per batch: large enough to keep both cores busy, small enough
    /// that a batch's pages stay a few megabytes.
    public var batchSize = 256

    public init(templates: TemplateLibrary, baseURL: String? = nil, asOf: CalendarDate? = nil, history: SiteHistory = .notRead) {
        self.templates = templates
        self.baseURL = baseURL
        self.asOf = asOf
        self.history = history
    }

    public struct Result: Sendable {
        public var files: [OutputFile]
        public var diagnostics: [Diagnostic]
    }

    /// The whole site in memory, sorted by path (for tests and small sites).
    public func build(_ report: AuditReport) -> Result {
        var files: [OutputFile] = []
        let diagnostics = build(report) { files += $0 }
        return Result(files: files.joiningParts().sorted { $0.path < $1.path }, diagnostics: diagnostics)
    }

    /// Renders the site, handing files to `sink` batch by batch, and returns the
    /// diagnostics. Errors thrown by the sink stop the build and propagate. The largest
    /// download comes in parts across batches (`OutputFile.Part`).
    public func build<Failure: Error>(_ report: AuditReport, into sink: ([OutputFile]) throws(Failure) -> Void) throws(Failure) -> [Diagnostic] {
        guard !report.hasErrors, let siteData = SiteDataBuilder(baseURL: baseURL, asOf: asOf, history: history).build(report) else {
            return [.error("content-errors", "the content has errors, so no site was built; run 'atom-audit check' and fix them", at: nil)]
        }
        var diagnostics: [Diagnostic] = []
        let renderer = PageRenderer(siteData: siteData, templates: templates)
        let graphics = Graphics(siteData: siteData)
        var data = DataExporter.Accumulator(exporter: DataExporter(siteData: siteData))
        var pages: [String] = []
        var badges: [String: Data] = [:]

        // Scorecards, badges and per-model data, batch by batch in id order.
        let positions = Dictionary(uniqueKeysWithValues: siteData.cards.enumerated().map { ($0.element.id, $0.offset + 1) })
        let byID = siteData.cards.sorted(on: \.id, by: <)
        for start in stride(from: 0, to: byID.count, by: batchSize) {
            let batch = Array(byID[start..<min(start + batchSize, byID.count)])
            let items = batch.map { PageRenderer.IndexedCard(position: positions[$0.id] ?? 0, card: $0) }
            let rendered = renderer.modelPages(items)
            diagnostics += rendered.diagnostics
            var files = rendered.files
            // A badge shows only the tier and the points: each distinct one is drawn once.
            for card in batch {
                let key = "\(card.tier.id) \(card.points)/\(card.maxPoints)"
                let badge = badges[key] ?? Data(graphics.badge(for: card).utf8)
                badges[key] = badge
                files.append(OutputFile(path: SitePaths.badge(card.id.rawValue), contents: badge))
            }
            files += data.add(batch)
            pages += batch.map { SitePaths.model($0.id.rawValue) }
            try sink(files)
        }

        // The downloads, then every other page.
        try sink(data.finish())
        // The feed (4 MB at 10,000 models) is written alongside the pages.
        let feed = PageRenderer.Job.text(path: SitePaths.feed) { [siteData] in FeedWriter(siteData: siteData).feed() }
        for rendered in renderer.sitePages(extra: [feed]) {
            diagnostics += rendered.diagnostics
            pages += rendered.files.map(\.path).filter { $0.hasSuffix("index.html") }.map { String($0.dropLast("index.html".count)) }
            try sink(rendered.files)
        }
        var files = siteData.charts.outputFiles + ChartTables(siteData: siteData).files + renderer.shared.history.chartFiles
        files += renderer.shared.editions.map(\.file)
        files += siteData.adoption.charts.outputFiles + AdoptionTables(siteData: siteData).files
        files.append(OutputFile(path: SitePaths.schema, text: ManifestSchema.json(licenseIDs: siteData.licenses.ids)))
        files.append(OutputFile(path: SitePaths.socialPreview, contents: Data(SocialPreview(siteData: siteData).png())))
        let sitemap = SitemapWriter(baseURL: siteData.site.baseURL)
        let assessed = Dictionary(uniqueKeysWithValues: siteData.cards.map { (SitePaths.model($0.id.rawValue), $0.manifest.assessed.description) })
        files.append(OutputFile(path: "sitemap.xml", text: sitemap.sitemap(pages.map { ($0, assessed[$0]) })))
        files.append(OutputFile(path: "robots.txt", text: sitemap.robots()))
        files += templates.assets
        try sink(files)
        return diagnostics
    }
}
