/// Settings for the published site, from `Content/site.yaml`.
public struct SiteConfig: Sendable, Hashable {
    public var title: String
    public var tagline: String
    /// The absolute URL the site is served from, ending in `/`; used for the sitemap,
    /// the feed and every absolute link. Stored percent-encoded (`BaseURL.encoded`), so
    /// whoever sets it, it is safe in a Markdown link or a table cell.
    public var baseURL: String {
        get { encodedBaseURL }
        set { encodedBaseURL = BaseURL.encoded(newValue.hasSuffix("/") ? newValue : newValue + "/") }
    }
    private var encodedBaseURL: String
    public var publisher: String
    /// Where corrections are proposed (a repository URL), shown on the about page.
    public var repository: String?
    public var language: String
    /// A manifest assessed longer ago than this (before the data's as-of date) is stale:
    /// marked on its scorecard, counted on the leaderboard, and a `check` warning.
    public var staleAfterDays: Int
    public static let defaultStaleAfterDays = 365
    /// The inclusion policy's first release day: older models need a `reference` reason.
    public var censusFrom: CalendarDate?

    /// The path part of the base URL (`/audit/` for `https://example.org/audit/`), for
    /// links that must work at any depth of the same host, such as the 404 page's.
    public var basePath: String {
        guard let schemeEnd = baseURL.range(of: "://"),
              let slash = baseURL[schemeEnd.upperBound...].firstIndex(of: "/") else { return "/" }
        return String(baseURL[slash...])
    }

    public init(title: String, tagline: String, baseURL: String, publisher: String, repository: String? = nil, language: String = "en",
                staleAfterDays: Int = SiteConfig.defaultStaleAfterDays, censusFrom: CalendarDate? = nil) {
        self.censusFrom = censusFrom
        self.staleAfterDays = staleAfterDays
        self.title = title
        self.tagline = tagline
        encodedBaseURL = BaseURL.encoded(baseURL.hasSuffix("/") ? baseURL : baseURL + "/")
        self.publisher = publisher
        self.repository = repository
        self.language = language
    }
}
