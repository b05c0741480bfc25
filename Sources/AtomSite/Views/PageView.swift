/// One page of the site, in both editions: where it goes, its templates, and how its
/// context is built from plain data. Both paths sit in the same folder, so one context
/// (built for the HTML path) serves both editions and relative links work the same from
/// either.
protocol PageView: Sendable {
    var folder: String { get }
    var htmlTemplate: String { get }
    var markdownTemplate: String? { get }
    /// The page shows something for every model (10 MB of HTML at 10,000 models): it is
    /// rendered in the first batch, apart from the rest.
    var showsEveryModel: Bool { get }
    /// Whether the Markdown edition needs a context of its own (the brief links
    /// differently from each edition).
    var markdownHasOwnContext: Bool { get }

    func context(_ shared: SharedContext, file: String) -> TemplateObject
}

extension PageView {
    var showsEveryModel: Bool { false }
    var markdownHasOwnContext: Bool { false }
    var htmlPath: String { folder + (folder.isEmpty || folder.hasSuffix("/") ? "index.html" : "") }
    var markdownPath: String { SitePaths.markdown(of: folder) }
}
