/// Reads `site.yaml`.
struct SiteConfigDecoder {
    static let keys = ["title", "tagline", "base-url", "publisher", "repository", "language", "data-license", "stale-after-days", "census-from", "edition-tags"]
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
        let dataLicense = map.value("data-license").flatMap { readDataLicense($0, reader: &reader) }
        let editionTags = reader.string(map, "edition-tags", in: "the site settings")
        if let editionTags, let problem = SiteConfig.editionTagsProblem(editionTags.value) {
            reader.error("invalid-value", "edition-tags '\(editionTags.value)' \(problem); expected a tag pattern such as 'edition-*' or 'v*'", at: editionTags.location)
        }
        guard !reader.diagnostics.containsErrors, let title, let tagline, let baseURL, let publisher else {
            return (nil, reader.diagnostics)
        }
        return (SiteConfig(title: title.value, tagline: tagline.value, baseURL: baseURL.value, publisher: publisher.value,
                           repository: repository?.value, language: language?.value ?? "en",
                           staleAfterDays: staleAfter?.value ?? SiteConfig.defaultStaleAfterDays,
                           censusFrom: censusFrom?.value, dataLicense: dataLicense,
                           editionTags: editionTags?.value ?? SiteConfig.defaultEditionTags), reader.diagnostics)
    }

    /// `data-license: {id: CC-BY-4.0, name: ..., url: https://...}`; the name is optional.
    private func readDataLicense(_ node: YAMLNode, reader: inout FieldReader) -> SiteConfig.DataLicense? {
        let name = "data-license in the site settings"
        guard let map = reader.mapping(node, named: name, expected: "a mapping with 'id' and 'url', e.g. {id: CC-BY-4.0, url: https://creativecommons.org/licenses/by/4.0/}")
        else { return nil }
        reader.checkKeys(map, named: name, allowed: ["id", "name", "url"], required: ["id", "url"])
        let id = reader.string(map, "id", in: name)
        let title = reader.string(map, "name", in: name)
        let url = map.value("url").flatMap { reader.url($0, named: "data-license url") }
        guard let id, let url else { return nil }
        return SiteConfig.DataLicense(id: id.value, name: title?.value, url: url.value)
    }
}

extension SiteConfig {
    /// Reads `site.yaml` on its own, for a command that needs the settings rather than an
    /// audit; nil when they have errors (`check` reports them).
    public static func read(text: String, file: String) -> SiteConfig? {
        let (document, _) = YAMLReader().read(text: text, file: file)
        return document.flatMap { SiteConfigDecoder().decode($0).config }
    }
}
