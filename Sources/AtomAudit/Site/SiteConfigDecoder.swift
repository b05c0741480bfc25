/// Reads `site.yaml`.
struct SiteConfigDecoder {
    static let keys = ["title", "tagline", "base-url", "publisher", "repository", "language", "stale-after-days", "census-from"]
    static let required = ["title", "tagline", "base-url", "publisher"]

    func decode(_ document: YAMLDocument) -> (config: SiteConfig?, diagnostics: [Diagnostic]) {
        var reader = FieldReader(file: document.file)
        guard let root = document.root,
              let map = reader.mapping(root, named: "the site settings", expected: "a mapping with 'title', 'tagline', 'base-url' and 'publisher'")
        else {
            if document.root == nil { reader.error("empty-file", "the site settings are empty; expected 'title', 'tagline', 'base-url' and 'publisher'", at: .start(of: document.file)) }
            return (nil, reader.diagnostics)
        }
        reader.checkKeys(map, named: "the site settings", allowed: Self.keys, required: Self.required)
        let title = reader.string(map, "title", in: "the site settings")
        let tagline = reader.string(map, "tagline", in: "the site settings")
        var baseURL = map.value("base-url").flatMap { reader.url($0, named: "base-url") }
        // Stricter than any other URL: it is written into Markdown and tables unescaped.
        if let url = baseURL, let problem = BaseURL.problem(with: url.value) {
            reader.error("invalid-base-url", "'\(url.value)' in base-url \(problem.explanation); \(BaseURL.expectation)", at: url.location)
            baseURL = nil
        }
        let publisher = reader.string(map, "publisher", in: "the site settings")
        let repository = map.value("repository").flatMap { reader.url($0, named: "repository") }
        let language = reader.string(map, "language", in: "the site settings")
        let censusFrom = reader.date(map, "census-from", in: "the site settings")
        let staleAfter = reader.integer(map, "stale-after-days", in: "the site settings")
        if let staleAfter, !(1...3650).contains(staleAfter.value) {
            reader.error("invalid-value", "stale-after-days is \(staleAfter.value); expected a number of days from 1 to 3650, e.g. 365", at: staleAfter.location)
        }
        guard !reader.diagnostics.containsErrors, let title, let tagline, let baseURL, let publisher else {
            return (nil, reader.diagnostics)
        }
        return (SiteConfig(title: title.value, tagline: tagline.value, baseURL: baseURL.value, publisher: publisher.value,
                           repository: repository?.value, language: language?.value ?? "en",
                           staleAfterDays: staleAfter?.value ?? SiteConfig.defaultStaleAfterDays,
                           censusFrom: censusFrom?.value), reader.diagnostics)
    }
}
