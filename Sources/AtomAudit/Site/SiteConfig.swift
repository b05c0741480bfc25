/// Settings for the published site, from `Content/site.yaml`.
public struct SiteConfig: Sendable, Hashable {
    public var title: String
    public var tagline: String
    /// The absolute URL the site is served from, ending in `/`; used for the sitemap and feed.
    public var baseURL: String
    public var publisher: String
    /// Where corrections are proposed (a repository URL), shown on the about page.
    public var repository: String?
    public var language: String

    public init(title: String, tagline: String, baseURL: String, publisher: String, repository: String? = nil, language: String = "en") {
        self.title = title
        self.tagline = tagline
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.publisher = publisher
        self.repository = repository
        self.language = language
    }
}
