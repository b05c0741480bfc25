import Testing
@testable import AtomAudit

@Suite struct SiteConfigDecoderTests {
    static let base = """
        title: T
        tagline: A tagline.
        base-url: https://audit.example.gov/
        publisher: P

        """

    @Test func dataLicenseAndRepositoryAreRead() throws {
        let site = try #require(SiteConfig.read(text: Self.base + """
            repository: https://github.com/owner/audit/
            data-license:
              id: CC-BY-4.0
              url: https://creativecommons.org/licenses/by/4.0/
            """, file: "site.yaml"))
        #expect(site.dataLicense == SiteConfig.DataLicense(id: "CC-BY-4.0", name: "CC-BY-4.0", url: "https://creativecommons.org/licenses/by/4.0/"))
        #expect(site.repository == "https://github.com/owner/audit", "links append paths to it, so no trailing slash")
    }

    @Test func aDataLicenseNeedsAnIdAndAURL() throws {
        let marked = MarkedText(Self.base + """
            data-license:
              1️⃣id: CC-BY-4.0
              2️⃣licence: https://creativecommons.org/licenses/by/4.0/
            """)
        let report = try Fixture.audit(replacing: ["site.yaml": marked.text])
        let unknown = expectDiagnostic("unknown-key", at: "2️⃣", in: marked, file: "Content/site.yaml", of: report)
        #expect(unknown?.message.contains("expected one of 'id', 'name' or 'url'") == true)
        #expect(report.diagnostics.contains { $0.code == "missing-key" && $0.message == "data-license in the site settings has no 'url'; it is required" })
        #expect(report.site == nil)
    }

    @Test func exampleHostsArePlaceholders() {
        func site(_ url: String) -> SiteConfig { SiteConfig(title: "T", tagline: "t", baseURL: url, publisher: "P") }
        #expect(site("https://example.org/").hasPlaceholderBaseURL)
        #expect(site("https://audit.example.com/site/").hasPlaceholderBaseURL)
        #expect(site("http://EXAMPLE.NET:8080/").hasPlaceholderBaseURL)
        #expect(!site("https://owner.github.io/audit/").hasPlaceholderBaseURL)
        #expect(!site("https://notexample.org/").hasPlaceholderBaseURL)
    }
}
