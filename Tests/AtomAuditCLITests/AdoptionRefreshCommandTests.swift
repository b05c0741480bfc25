import Foundation
import Testing

/// End-to-end tests of `atom-audit adoption refresh`: the built executable against a local
/// stand-in for the Hub serving recorded answers (pages linked by `Link`, 404, a gated 401,
/// a 429 with Retry-After, malformed JSON), checked by exit status, printed lines and the
/// exact bytes of every manifest.
@Suite struct AdoptionRefreshCommandTests {
    static let next = "eyJfaWQiOnsiJGd0IjoiNjdlMGExYzJkM2U0ZjVhNmI3YzhkOTAzIn19"

    static func info(_ repository: String) -> String {
        "/api/models/\(repository)?expand[]=downloads&expand[]=downloadsAllTime&expand[]=likes&expand[]=createdAt"
    }

    static func list(_ relation: String, _ repository: String) -> String {
        "/api/models?filter=base_model:\(relation):\(repository)&limit=1000"
    }

    /// Routes for a repository: its figures, and derivative listings (empty unless given).
    static func routes(_ repository: String, info: [HubStub.Answer], lists: [String: [HubStub.Answer]] = [:]) -> [String: [HubStub.Answer]] {
        var routes = [Self.info(repository): info]
        for relation in ["finetune", "adapter", "quantized", "merge"] {
            routes[list(relation, repository)] = lists[relation] ?? [.fixture("empty-list.json")]
        }
        return routes
    }

    static func hub() throws -> HubStub {
        var routes: [String: [HubStub.Answer]] = [:]
        routes.merge(Self.routes("example/open-fixture", info: [.fixture("open-fixture.json")], lists: [
            "finetune": [.fixture("open-fixture-finetunes-1.json", headers: [
                "Link": "<{endpoint}/api/models?filter=base_model%3Afinetune%3Aexample%2Fopen-fixture&limit=1000&cursor=\(next)>; rel=\"next\""])],
            "quantized": [.fixture("open-fixture-quantized.json")],
        ])) { a, _ in a }
        routes[list("finetune", "example/open-fixture") + "&cursor=\(next)"] = [.fixture("open-fixture-finetunes-2.json")]
        routes.merge(Self.routes("lab/two-Instruct", info: [.fixture("two-instruct.json")], lists: ["merge": [.fixture("two-merges.json")]])) { a, _ in a }
        routes.merge(Self.routes("lab/two-Base", info: [.fixture("two-base.json")], lists: ["merge": [.fixture("two-merges.json")]])) { a, _ in a }
        routes.merge(Self.routes("lab/busy", info: [.fixture("rate-limited.json", status: 429, headers: ["Retry-After": "1"]), .fixture("busy.json")])) { a, _ in a }
        routes.merge(Self.routes("lab/malformed", info: [.fixture("malformed.json")])) { a, _ in a }
        routes[info("lab/missing")] = [.fixture("not-found.json", status: 404)]
        routes[info("lab/gated")] = [.fixture("gated.json", status: 401, headers: ["X-Error-Code": "GatedRepo", "X-Error-Message": "Access to model lab/gated is restricted."])]
        return try HubStub(routes)
    }

    static func manifest(_ name: String, _ adoption: String, newline: String = "\n") -> String {
        """
        name: \(name)
        developer: Example Lab
        origin: US
        released: 2025-03-01
        parameters: 7B
        family: example
        weights:
          access: open
          license: Apache-2.0
          evidence: [https://huggingface.co/lab/\(name.lowercased().replacingOccurrences(of: " ", with: "-"))]
        data:
          access: undisclosed
        code:
          access: none
        \(adoption)
        """.replacingOccurrences(of: "\n", with: newline)
    }

    static let twoRepos = manifest("Two", """
        adoption:  # both checkpoints count
          repositories:
            - lab/two-Instruct
            - lab/two-Base
          snapshots:
            - as-of: 2025-08-01   # first count, from the model pages
              downloads: 95000
              source: https://huggingface.co/lab/two-Instruct
        # Checked against the model card.
        assessed: 2025-08-10

        """, newline: "\r\n")

    static let busy = manifest("Busy", "assessed: 2025-08-10\nadoption:\n  repositories: [lab/busy]")

    static func content() throws -> TemporaryContent {
        let content = try TemporaryContent()
        try content.write("models/two-repos.yaml", twoRepos)
        try content.write("models/busy.yaml", busy)
        for name in ["missing", "gated", "malformed"] {
            try content.write("models/\(name).yaml", manifest(name.capitalized, "adoption:\n  repositories: [lab/\(name)]\nassessed: 2025-08-10\n"))
        }
        try content.write("models/today.yaml", manifest("Today", """
            adoption:
              repositories: [lab/today]
              snapshots:
                - as-of: 2025-09-01
                  likes: 3
                  source: https://huggingface.co/api/models/lab/today
            assessed: 2025-08-10

            """))
        return content
    }

    @Test func refreshesWhatTheHubAnswersAndReportsEachFailureOnOneLine() throws {
        let stub = try Self.hub()
        defer { stub.stop() }
        let content = try Self.content()
        let before = try Dictionary(uniqueKeysWithValues: ["open-fixture", "missing", "gated", "malformed", "today"].map {
            ($0, try content.read("models/\($0).yaml"))
        })
        let result = try CLI.run(["adoption", "refresh", "--content", content.path, "--endpoint", stub.endpoint],
                                 environment: ["HF_TOKEN": "hf_e2e_secret"])
        let api = stub.endpoint + "/api/models"
        let models = content.path + "/models"
        #expect(result.status == 1)
        #expect(result.stdout == """
            busy: added the snapshot as of 2025-09-01 to \(models)/busy.yaml: 4,500 downloads (300 in 30 days), 9 likes, 0 derivatives
            open-fixture: added the snapshot as of 2025-09-01 to \(models)/open-fixture.yaml: 912,455 downloads (48,213 in 30 days), 214 likes, 6 derivatives
            today: already refreshed on 2025-09-01; skipped
            two-repos: added the snapshot as of 2025-09-01 to \(models)/two-repos.yaml: 100,000 downloads (8,000 in 30 days), 45 likes, 1 derivative
            refreshed 3 of 7 manifests: 1 already refreshed, 3 failed

            """)
        let expand = "expand%5B%5D=downloads&expand%5B%5D=downloadsAllTime&expand%5B%5D=likes&expand%5B%5D=createdAt"
        #expect(result.stderr == """
            warning: '--endpoint \(stub.endpoint)' uses plain http; the sources recorded will draw check's insecure-url warning
            error: gated: lab/gated: gated or private (HTTP 401, the Hub says "Access to model lab/gated is restricted." for \(api)/lab/gated?\(expand)); expected a repository HF_TOKEN may read: accept its conditions on the Hub with the token's account
            error: malformed: lab/malformed: malformed answer from \(api)/lab/malformed?\(expand): the body is not JSON; expected a JSON object with 'downloads', 'downloadsAllTime', 'likes' and 'createdAt'
            error: missing: lab/missing: not found on the Hub (HTTP 404, the Hub says "Repository not found" for \(api)/lab/missing?\(expand)); expected an existing public repository: check its spelling in adoption.repositories

            """)

        #expect(try content.read("models/open-fixture.yaml") == before["open-fixture"]!.replacingOccurrences(
            of: "  repositories: [example/open-fixture]\n", with: """
                  repositories: [example/open-fixture]
                  snapshots:
                    - as-of: 2025-09-01
                      downloads: 912455
                      downloads-30d: 48213
                      likes: 214
                      derivatives: {fine-tunes: 4, adapters: 0, quantizations: 2, merges: 0}
                      source: \(api)/example/open-fixture

                """))
        let twoRepos = try Data(contentsOf: content.root.appendingPathComponent("models/two-repos.yaml"))
        #expect(twoRepos == Data(Self.twoRepos.replacingOccurrences(of: "\r\n# Checked", with: """
            \r
                - as-of: 2025-09-01\r
                  downloads: 100000\r
                  downloads-30d: 8000\r
                  likes: 45\r
                  derivatives: {fine-tunes: 0, adapters: 0, quantizations: 0, merges: 1}\r
                  source:\r
                    - \(api)/lab/two-Instruct\r
                    - \(api)/lab/two-Base\r
            # Checked
            """).utf8))
        #expect(try content.read("models/busy.yaml") == Self.busy + """

              snapshots:
                - as-of: 2025-09-01
                  downloads: 4500
                  downloads-30d: 300
                  likes: 9
                  derivatives: {fine-tunes: 0, adapters: 0, quantizations: 0, merges: 0}
                  source: \(api)/lab/busy
            """)
        for (id, text) in before where id != "open-fixture" {
            #expect(try content.read("models/\(id).yaml") == text, "\(id) is left as it was")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: models).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "no temporary file is left behind")

        let requests = stub.requests
        #expect(requests.filter { $0.target == Self.info("lab/busy") }.count == 2, "asked again after the 429")
        #expect(requests.contains { $0.target.hasSuffix("&cursor=\(Self.next)") }, "followed the next page")
        #expect(!requests.contains { $0.target.contains("lab/today") }, "a manifest refreshed today is not asked about")
        #expect(requests.allSatisfy { $0.authorization == "Bearer hf_e2e_secret" })
        #expect(!(result.stdout + result.stderr).contains("hf_e2e_secret"), "the token is never printed")

        // The refreshed manifests load: check finds no error in them.
        let check = try CLI.run(["check", "--content", content.path])
        #expect(check.status == 0, "\(check.stdout)")
    }

    @Test func unknownIDsAreRefusedWithASuggestionBeforeAnyRequest() throws {
        let stub = try Self.hub()
        defer { stub.stop() }
        let content = try Self.content()
        let result = try CLI.run(["adoption", "refresh", "open-fixtrue", "busy", "nothing-like-it", "--content", content.path, "--endpoint", stub.endpoint])
        #expect(result.status == 1)
        #expect(result.stderr == """
            error: no model 'open-fixtrue' in \(content.path)/models/ (did you mean 'open-fixture'?); expected the id of a manifest (its file name without .yaml)
            error: no model 'nothing-like-it' in \(content.path)/models/; expected the id of a manifest (its file name without .yaml)

            """)
        #expect(result.stdout.isEmpty)
        #expect(stub.requests.isEmpty)
    }

    @Test func aHubThatCannotBeReachedFailsEachModelAndWritesNothing() throws {
        let port = try HubStub.closedPort()
        let content = try Self.content()
        let before = try content.read("models/open-fixture.yaml")
        let endpoint = "http://127.0.0.1:\(port)"
        let result = try CLI.run(["adoption", "refresh", "open-fixture", "--content", content.path, "--endpoint", endpoint])
        #expect(result.status == 1)
        #expect(result.stderr.hasSuffix("""
            error: open-fixture: example/open-fixture: network error for \(endpoint)/api/models/example/open-fixture?expand%5B%5D=downloads&expand%5B%5D=downloadsAllTime&expand%5B%5D=likes&expand%5B%5D=createdAt: could not connect to the host; expected the Hub to answer (check --endpoint and the connection)

            """))
        #expect(result.stdout == "refreshed 0 of 1 manifest: 0 already refreshed, 1 failed\n")
        #expect(try content.read("models/open-fixture.yaml") == before)
    }

    @Test func aDateAfterTodayOrNotADateIsRefused() throws {
        let content = try Self.content()
        for (date, message) in [("2025-09-02", "'--date 2025-09-02' is after today (2025-09-01); expected figures read on or before today."),
                                ("2025-02-30", "'--date 2025-02-30' is not a real date; expected YYYY-MM-DD, e.g. 2026-12-01.")] {
            let result = try CLI.run(["adoption", "refresh", "--date", date, "--content", content.path])
            #expect(result.status == 64)
            #expect(result.stderr.contains(message), "\(result.stderr)")
        }
    }
}
