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
}
