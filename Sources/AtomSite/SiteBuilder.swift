import AtomAudit
import Foundation

/// Renders an error-free audit into the files of the site. Pure: it reads the audit
/// and the loaded templates and returns `OutputFile`s; `SiteWriter` puts them on disk.
public struct SiteBuilder: Sendable {
    public let templates: TemplateLibrary
    /// Overrides `base-url` from site.yaml (a deploy knows where it serves from).
    public var baseURL: String?

    public init(templates: TemplateLibrary, baseURL: String? = nil) {
        self.templates = templates
        self.baseURL = baseURL
    }

    public struct Result: Sendable {
        public var files: [OutputFile]
        public var diagnostics: [Diagnostic]
    }

    public func build(_ report: AuditReport) -> Result {
        guard !report.hasErrors, let model = SiteModel(report: report, baseURL: baseURL) else {
            return Result(files: [], diagnostics: [.error("content-errors", "the content has errors, so no site was built; run 'atom-audit check' and fix them", at: nil)])
        }
        var renderer = PageRenderer(model: model, templates: templates)
        var files: [OutputFile] = []
        files += renderer.modelPages()
        files += renderer.sitePages()
        files += Graphics(model: model).files()
        do {
            files += try DataExporter(model: model).files()
        } catch {
            renderer.diagnostics.append(.error("export-failed", "the data downloads could not be encoded: \(error)", at: nil))
        }
        files.append(OutputFile(path: SitePaths.schema, text: ManifestSchema.json(licenseIDs: model.licenses.ids)))
        files.append(OutputFile(path: SitePaths.feed, text: FeedWriter(model: model).feed()))
        let sitemap = SitemapWriter(baseURL: model.site.baseURL)
        files.append(OutputFile(path: "sitemap.xml", text: sitemap.sitemap(Self.sitemapPages(files, model: model))))
        files.append(OutputFile(path: "robots.txt", text: sitemap.robots()))
        files += templates.assets
        return Result(files: files.sorted { $0.path < $1.path }, diagnostics: renderer.diagnostics)
    }

    /// Every HTML page but the 404 page, with the assessment day as last-modified for scorecards.
    static func sitemapPages(_ files: [OutputFile], model: SiteModel) -> [(path: String, lastModified: String?)] {
        let assessed = Dictionary(uniqueKeysWithValues: model.cards.map { (SitePaths.modelFile($0.id.rawValue), $0.manifest.assessed.description) })
        return files.filter { $0.path.hasSuffix("index.html") }.map { file in
            (String(file.path.dropLast("index.html".count)), assessed[file.path])
        }
    }
}
