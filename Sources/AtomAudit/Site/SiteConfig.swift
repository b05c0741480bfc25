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
    /// Where corrections are proposed (a repository URL): scorecards link their manifest in it.
    public var repository: String?
    public var language: String
    /// A manifest assessed longer ago than this (before the data's as-of date) is stale:
    /// marked on its scorecard, counted on the leaderboard, and a `check` warning.
    public var staleAfterDays: Int
    public static let defaultStaleAfterDays = 365
    /// The inclusion policy's first release day: older models need a `reference` reason.
    public var censusFrom: CalendarDate?
    /// The terms the data is published under, shown with the downloads and on the about page.
    public var dataLicense: DataLicense?
    /// Which git tags are citable editions of the dataset (a `git for-each-ref` pattern
    /// under `refs/tags/`): each is published as `data/editions/<tag>.json`.
    public var editionTags: String
    public static let defaultEditionTags = "edition-*"

    public struct DataLicense: Sendable, Hashable {
        /// An SPDX id, e.g. `CC-BY-4.0`.
        public var id: String
        public var name: String
        public var url: String

        public init(id: String, name: String? = nil, url: String) {
            self.id = id
            self.name = name ?? id
            self.url = url
        }
    }

    /// Hosts reserved for examples (RFC 2606), the placeholder `site.yaml` starts with: a
    /// site still built for one has canonical links, previews and a sitemap that lead nowhere.
    public var hasPlaceholderBaseURL: Bool {
        guard let schemeEnd = baseURL.range(of: "://") else { return false }
        let host = baseURL[schemeEnd.upperBound...].prefix { $0 != "/" && $0 != ":" }.lowercased()
        return ["example.org", "example.com", "example.net"].contains { host == $0 || host.hasSuffix("." + $0) }
    }

    /// The path part of the base URL (`/audit/` for `https://example.org/audit/`), for
    /// links that must work at any depth of the same host, such as the 404 page's.
    public var basePath: String {
        guard let schemeEnd = baseURL.range(of: "://"),
              let slash = baseURL[schemeEnd.upperBound...].firstIndex(of: "/") else { return "/" }
        return String(baseURL[slash...])
    }

    public init(title: String, tagline: String, baseURL: String, publisher: String, repository: String? = nil, language: String = "en",
                staleAfterDays: Int = SiteConfig.defaultStaleAfterDays, censusFrom: CalendarDate? = nil,
                dataLicense: DataLicense? = nil, editionTags: String = SiteConfig.defaultEditionTags) {
        self.editionTags = editionTags
        self.censusFrom = censusFrom
        self.staleAfterDays = staleAfterDays
        self.title = title
        self.tagline = tagline
        encodedBaseURL = BaseURL.encoded(baseURL.hasSuffix("/") ? baseURL : baseURL + "/")
        self.publisher = publisher
        // "https://github.com/o/r/" and ".../r" name the same repository; links append paths to it.
        self.repository = repository.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        self.language = language
        self.dataLicense = dataLicense
    }
}

extension SiteConfig {
    /// Why an `edition-tags` pattern cannot be used, or nil when it can. The pattern is
    /// handed to git and the tags it matches become file names, so it keeps to the
    /// characters of plain tag names and the wildcards `*` and `?`.
    public static func editionTagsProblem(_ pattern: String) -> String? {
        if pattern.isEmpty || pattern.count > 100 { return "is empty or longer than 100 characters" }
        let allowed = pattern.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", ".", "_", "*", "?": true
            default: false
            }
        }
        if !allowed { return "holds characters other than letters, digits, '-', '.', '_', '*' and '?'" }
        if pattern.hasPrefix("-") || pattern.hasPrefix(".") || pattern.contains("..") { return "starts with '-' or '.', or holds '..'" }
        return nil
    }
}
