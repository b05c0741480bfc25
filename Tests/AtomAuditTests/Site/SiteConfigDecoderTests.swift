import Testing
@testable import AtomAudit

@Suite struct SiteConfigDecoderTests {
    func site(baseURL: String) -> MarkedText {
        MarkedText("""
            title: Audit
            tagline: A tagline.
            base-url: 1️⃣\(baseURL)
            publisher: Publisher
            """)
    }

    @Test func aBaseURLWithMarkdownSyntaxIsAnErrorAtItsPosition() throws {
        let marked = site(baseURL: "https://example.org/a)[click](https://evil.example/")
        let report = try Fixture.audit(replacing: ["site.yaml": marked.text])
        let problem = expectDiagnostic("invalid-base-url", at: "1️⃣", in: marked, file: "Content/site.yaml", of: report)
        #expect(problem?.message == "'https://example.org/a)[click](https://evil.example/' in base-url holds ')', which Markdown, HTML or a table would read as syntax; expected an absolute http(s) URL of letters, digits and -._~/:%!$'+,;=, e.g. https://example.org/atom/")
        #expect(report.site == nil)
    }

    @Test func queriesTableBarsAndRelativeURLsAreRefused() throws {
        for (url, code) in [("https://example.org/?page=", "invalid-base-url"), ("https://example.org/a|b/", "invalid-base-url"),
                            ("https://example.org/100%/", "invalid-base-url"), ("/audit/", "invalid-url"),
                            ("javascript:alert(1)", "invalid-url")] {
            let marked = site(baseURL: url)
            let report = try Fixture.audit(replacing: ["site.yaml": marked.text])
            expectDiagnostic(code, at: "1️⃣", in: marked, file: "Content/site.yaml", of: report)
        }
    }

    @Test func plainBaseURLsPass() throws {
        for url in ["https://example.org/audit/", "http://localhost:8000/", "https://example.org/a%20b/~me/x_y.z-w"] {
            let report = try Fixture.audit(replacing: ["site.yaml": site(baseURL: url).text])
            #expect(!report.diagnostics.contains { $0.location?.file == "Content/site.yaml" && $0.severity == .error }, "\(url): \(report.diagnostics)")
            #expect(report.site?.baseURL.hasPrefix(url) == true)
        }
    }

    /// A base URL that bypasses the checks (set in code) is percent-encoded where it is kept.
    @Test func aSiteConfigKeepsItsBaseURLPercentEncoded() {
        var config = SiteConfig(title: "t", tagline: "t", baseURL: "https://example.org/a)[x](y <z>|w", publisher: "p")
        #expect(config.baseURL == "https://example.org/a%29%5Bx%5D%28y%20%3Cz%3E%7Cw/")
        config.baseURL = "https://example.org/ok%20/100%"
        #expect(config.baseURL == "https://example.org/ok%20/100%25/")
        #expect(BaseURL.encoded("https://example.org/atom/") == "https://example.org/atom/")
    }

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

    @Test func editionTagsDefaultToEditionStarAndTakeAPattern() throws {
        #expect(try #require(SiteConfig.read(text: Self.base, file: "site.yaml")).editionTags == "edition-*")
        #expect(try #require(SiteConfig.read(text: Self.base + "edition-tags: v*\n", file: "site.yaml")).editionTags == "v*")
        let marked = MarkedText(Self.base + "edition-tags: 1️⃣../x\n")
        let report = try Fixture.audit(replacing: ["site.yaml": marked.text])
        let problem = expectDiagnostic("invalid-value", at: "1️⃣", in: marked, file: "Content/site.yaml", of: report)
        #expect(problem?.message.contains("expected a tag pattern such as 'edition-*' or 'v*'") == true)
        #expect(SiteConfig.editionTagsProblem("edition-2026.?") == nil)
        #expect(SiteConfig.editionTagsProblem("a b") != nil && SiteConfig.editionTagsProblem("refs/tags/*") != nil)
    }
}
