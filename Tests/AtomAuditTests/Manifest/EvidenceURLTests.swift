import Testing
@testable import AtomAudit

@Suite struct EvidenceURLTests {
    @Test(arguments: [
        "https://huggingface.co/allenai/OLMo-2-0325-32B",
        "https://arxiv.org/abs/2501.00656",
        "HTTPS://Example.org/Path?q=1#x",
        "https://example.org:8443/a",
        "https://localhost/x",
        "https://en.wikipedia.org/wiki/Foo_(bar)",
    ])
    func acceptsAbsoluteHTTPSURLs(_ url: String) {
        #expect(EvidenceURL.problem(with: url) == nil)
    }

    @Test func plainHTTPIsAcceptedButReported() {
        #expect(EvidenceURL.problem(with: "http://example.org/") == .insecure)
    }

    @Test(arguments: [
        "", "example.org", "//example.org/x", "ftp://example.org", "javascript:alert(1)", "data:text/html,x",
        "https://", "https:///path", "https://exa mple.org", "https://example.org/a b", "https://example.org/\"x",
        "https://example.org/<script>", "https://user@evil.example", "https://trusted.org@evil.example/",
        "https://example", "https://.example.org", "https://example.org:port/", "https://exämple.org/",
        "https://example.org/\u{00A0}x", "https://example.org\\@evil.net",
    ])
    func rejectsEverythingElse(_ url: String) {
        #expect(EvidenceURL.problem(with: url) == .notAbsoluteWebURL)
    }
}
