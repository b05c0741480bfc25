import Foundation
import Testing

/// End-to-end tests of `atom-audit coverage` against a local stand-in for the Hub.
@Suite struct CoverageCommandTests {
    static let top = "/api/models?pipeline_tag=text-generation&sort=downloads&direction=-1&limit=5"

    /// The fixture content plus a manifest that claims the base of the top model.
    static func content() throws -> TemporaryContent {
        let content = try TemporaryContent()
        try content.write("models/qwen2.5-7b.yaml", AdoptionRefreshCommandTests.manifest("Qwen2.5 7B", """
            adoption:
              repositories: [Qwen/Qwen2.5-7B]
            assessed: 2025-08-10

            """))
        return content
    }

    @Test func printsTheTableAndTheShareAndRecordsItWhenAsked() throws {
        let stub = try HubStub([Self.top: [.fixture("top-text-generation.json")]])
        defer { stub.stop() }
        let content = try Self.content()
        let result = try CLI.run(["coverage", "--top", "5", "--write", "--content", content.path, "--endpoint", stub.endpoint])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            | Rank | Repository | Downloads (30 days) | Coverage |
            | ---: | --- | ---: | --- |
            | 1 | Qwen/Qwen2.5-7B-Instruct | 9,120,334 | covered by qwen2.5-7b (base model Qwen/Qwen2.5-7B) |
            | 2 | openai-community/gpt2 | 7,453,112 | not covered |
            | 3 | quant-lab/open-fixture-GGUF | 2,500,000 | covered by open-fixture (base model example/open-fixture) |
            | 4 | example/open-fixture | 1,500,000 | covered by open-fixture |
            | 5 | meta-llama/Llama-3.2-1B | 426,554 | not covered |

            The catalogue covers 62.5% of the downloads of the Hub's top 5 text-generation models as of 2025-09-01 (13,120,334 of 21,000,000 downloads in the last 30 days; 2 not covered).
            wrote \(content.path)/coverage.yaml

            """)
        #expect(try content.read("coverage.yaml") == """
            # How much of the Hub's most-downloaded text-generation models the catalogue covers.
            # Written by 'atom-audit coverage --write'; downloads are the Hub's last-30-day counts.
            as-of: 2025-09-01
            endpoint: \(stub.endpoint)
            top: 5
            total-downloads: 21000000
            covered-downloads: 13120334
            uncovered:
              - repository: openai-community/gpt2
                downloads: 7453112
              - repository: meta-llama/Llama-3.2-1B
                downloads: 426554

            """)
        // The record is content now: check reads it (and warns only about its plain-http endpoint).
        let check = try CLI.run(["check", "--content", content.path])
        #expect(check.status == 0)
        #expect(check.stdout.contains("\(content.path)/coverage.yaml:4:11: warning: [insecure-url]"), "\(check.stdout)")
        #expect(check.stdout.hasSuffix("checked 7 files, 3 models: 0 errors, 1 warning\n"), "\(check.stdout)")
        #expect(stub.requests.map(\.authorization) == [nil], "no token unless HF_TOKEN is set")
    }

    @Test func withoutWriteNothingIsRecorded() throws {
        let stub = try HubStub([Self.top: [.fixture("top-text-generation.json")]])
        defer { stub.stop() }
        let content = try Self.content()
        let result = try CLI.run(["coverage", "--top", "5", "--content", content.path, "--endpoint", stub.endpoint])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("wrote"))
        #expect(!FileManager.default.fileExists(atPath: content.root.appendingPathComponent("coverage.yaml").path))
    }

    @Test func aListingTheHubRefusesIsOneClearError() throws {
        let stub = try HubStub([:])
        defer { stub.stop() }
        let content = try Self.content()
        let result = try CLI.run(["coverage", "--top", "5", "--write", "--content", content.path, "--endpoint", stub.endpoint])
        #expect(result.status == 1)
        #expect(result.stderr == "warning: '--endpoint \(stub.endpoint)' uses plain http; the endpoint recorded in coverage.yaml will draw check's insecure-url warning\nerror: the Hub's top models could not be read: not found on the Hub (HTTP 404, the Hub says \"Repository not found\" for \(stub.endpoint)\(Self.top)); expected an existing public repository: check its spelling in adoption.repositories\n")
        #expect(result.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: content.root.appendingPathComponent("coverage.yaml").path))
    }

    @Test func topMustBeOnePage() throws {
        let result = try CLI.run(["coverage", "--top", "1001"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("'--top 1001' is out of range; expected 1 to 1000"))
    }
}
