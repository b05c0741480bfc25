/// `sitemap.xml` and `robots.txt`, with absolute URLs from the site's base URL.
struct SitemapWriter {
    let baseURL: String

    /// - Parameter pages: site-relative page paths (`models/x/`) with an optional last-modified day.
    func sitemap(_ pages: [(path: String, lastModified: String?)]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages.sorted(by: { $0.path < $1.path }) {
            xml += "  <url><loc>\(XMLText.escape(baseURL + page.path))</loc>"
            if let lastModified = page.lastModified { xml += "<lastmod>\(lastModified)</lastmod>" }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }

    func robots() -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(baseURL)sitemap.xml\n"
    }
}
