import AtomAudit
import AtomIO
import Foundation
import Testing

/// The Hub client against answers from memory: what it asks, how it counts derivatives
/// over pages, and how each failure reads.
@Suite struct HubClientTests {
    static let hub = "https://hub.test"
    static let repository = HubRepositoryID("Qwen/Qwen3-8B")!
    static let info = "\(hub)/api/models/Qwen/Qwen3-8B?expand%5B%5D=downloads&expand%5B%5D=downloadsAllTime&expand%5B%5D=likes&expand%5B%5D=createdAt"

    static func list(_ relation: String) -> String {
        "\(hub)/api/models?filter=base_model:\(relation):Qwen/Qwen3-8B&limit=1000"
    }

    static func models(_ ids: [String]) -> String {
        "[" + ids.map { #"{"_id":"6\#($0.count)","id":"\#($0)","likes":1,"downloads":10,"private":false,"tags":["gguf"],"modelId":"\#($0)"}"# }.joined(separator: ",") + "]"
    }

    /// Every request answered: two pages of fine-tunes, one of quantizations, none of the rest.
    static func answers() -> [String: [RecordedTransport.Answer]] {
        [
            info: [RecordedTransport.json(#"{"_id":"680da718","id":"Qwen/Qwen3-8B","downloads":2803581,"downloadsAllTime":18735432,"likes":712,"createdAt":"2025-04-27T03:41:29.000Z"}"#)],
            list("finetune"): [RecordedTransport.json(models(["a/ft-1", "b/ft-2"]), headers: ["Link": "<\(list("finetune"))&cursor=Mg%3D%3D>; rel=\"next\""])],
            list("finetune") + "&cursor=Mg%3D%3D": [RecordedTransport.json(models(["c/ft-3", "a/ft-1"]))],
            list("adapter"): [RecordedTransport.json("[]")],
            list("quantized"): [RecordedTransport.json(models(["unsloth/Qwen3-8B-GGUF"]))],
            list("merge"): [RecordedTransport.json("[]")],
        ]
    }

    private func client(_ transport: RecordedTransport, token: String? = "hf_secret", waits: WaitRecorder = WaitRecorder()) throws -> HubClient {
        try HubClient(endpoint: Self.hub + "/", token: token, transport: transport, sleep: waits.sleep)
    }

    @Test func readsFiguresAndCountsDerivativesOverPages() async throws {
        let transport = RecordedTransport(Self.answers())
        let figures = try await client(transport).figures(of: Self.repository)
        #expect(figures == HubRepositoryFigures(
            repository: Self.repository, downloads: 18_735_432, downloadsLast30Days: 2_803_581, likes: 712,
            created: CalendarDate(year: 2025, month: 4, day: 27),
            derivatives: [.fineTune: ["a/ft-1", "b/ft-2", "c/ft-3"], .adapter: [], .quantization: ["unsloth/Qwen3-8B-GGUF"], .merge: []],
            source: "https://hub.test/api/models/Qwen/Qwen3-8B"))
        #expect(transport.requests.count == 6)
        #expect(transport.requests.allSatisfy { $0.headers["Authorization"] == "Bearer hf_secret" })
    }

    @Test func sendsNoAuthorizationWithoutAToken() async throws {
        let transport = RecordedTransport(Self.answers())
        _ = try await client(transport, token: nil).figures(of: Self.repository)
        #expect(transport.requests.allSatisfy { $0.headers["Authorization"] == nil })

        var answers = Self.answers()
        answers[Self.info] = [RecordedTransport.json("{}", status: 401)]
        await #expect(throws: HubFailure.gated(status: 401, url: Self.info, hubMessage: nil, tokenSent: false)) {
            try await client(RecordedTransport(answers), token: nil).figures(of: Self.repository)
        }
    }

    @Test func waitsAsTheHubAsksThenRetries() async throws {
        var answers = Self.answers()
        answers[Self.info] = [RecordedTransport.json(#"{"error":"rate limited"}"#, status: 429, headers: ["Retry-After": "3"]),
                              RecordedTransport.json(#"{"error":"rate limited"}"#, status: 429)] + answers[Self.info]!
        let waits = WaitRecorder()
        let figures = try await client(RecordedTransport(answers), waits: waits).figures(of: Self.repository)
        #expect(figures.likes == 712)
        #expect(waits.recorded == [.seconds(3), .seconds(2)])
    }

    @Test func failuresSayWhatHappened() async throws {
        let cases: [(RecordedTransport.Answer, HubFailure)] = [
            (RecordedTransport.json(#"{"error":"Repository not found"}"#, status: 404), .notFound(url: Self.info, hubMessage: "Repository not found")),
            (RecordedTransport.json(#"{"error":"Invalid username or password."}"#, status: 401, headers: ["X-Error-Code": "RepoNotFound", "X-Error-Message": "Repository not found"]),
             .notFound(url: Self.info, hubMessage: "Repository not found")),
            (RecordedTransport.json(#"{"error":"Access to model is restricted."}"#, status: 401, headers: ["X-Error-Code": "GatedRepo", "X-Error-Message": "Access to model Qwen/Qwen3-8B is restricted."]),
             .gated(status: 401, url: Self.info, hubMessage: "Access to model Qwen/Qwen3-8B is restricted.", tokenSent: true)),
            (RecordedTransport.json("{}", status: 403), .gated(status: 403, url: Self.info, hubMessage: nil, tokenSent: true)),
            (RecordedTransport.json("{}", status: 429), .rateLimited(attempts: 4, url: Self.info)),
            (RecordedTransport.json("{}", status: 429, headers: ["Retry-After": "3600"]), .waitTooLong(seconds: 3600, url: Self.info)),
            (RecordedTransport.json("{}", status: 503), .status(503, attempts: 4, url: Self.info)),
            (RecordedTransport.json("{}", status: 418), .status(418, attempts: 1, url: Self.info)),
            (RecordedTransport.json(#"{"downloads": 12, "likes": "#), .malformed("the body is not JSON; expected a JSON object with 'downloads', 'downloadsAllTime', 'likes' and 'createdAt'", url: Self.info)),
            (RecordedTransport.json(#"{"downloads": "many"}"#), .malformed("'downloads' is not a whole number; expected a JSON object with 'downloads', 'downloadsAllTime', 'likes' and 'createdAt'", url: Self.info)),
            (RecordedTransport.json(#"[1, 2]"#), .malformed("the body is JSON of another shape; expected a JSON object with 'downloads', 'downloadsAllTime', 'likes' and 'createdAt'", url: Self.info)),
            (.failure("could not connect to the host"), .network("could not connect to the host", url: Self.info)),
        ]
        for (answer, failure) in cases {
            var answers = Self.answers()
            answers[Self.info] = [answer]
            let waits = WaitRecorder()
            await #expect(throws: failure) { try await client(RecordedTransport(answers), waits: waits).figures(of: Self.repository) }
        }
    }

    @Test func aListingThatLeavesTheHubOrLoopsIsRefused() async throws {
        var answers = Self.answers()
        answers[Self.list("merge")] = [RecordedTransport.json(Self.models(["x/m"]), headers: ["Link": #"<https://elsewhere.test/api/models?cursor=1>; rel="next""#])]
        let transport = RecordedTransport(answers)
        await #expect(throws: HubFailure.pagination("the next page's link leads to elsewhere.test, away from https://hub.test", url: Self.list("merge"))) {
            try await client(transport).figures(of: Self.repository)
        }
        #expect(!transport.requests.contains { $0.url.contains("elsewhere") }, "the token never goes to another host")

        answers[Self.list("merge")] = [RecordedTransport.json(Self.models(["x/m"]), headers: ["Link": "<\(Self.list("merge"))>; rel=\"next\""])]
        await #expect(throws: HubFailure.pagination("the next page's link leads back to a page already read", url: Self.list("merge"))) {
            try await client(RecordedTransport(answers)).figures(of: Self.repository)
        }
    }

    @Test func listsTheTopModels() async throws {
        let url = "\(Self.hub)/api/models?pipeline_tag=text-generation&sort=downloads&direction=-1&limit=2"
        let transport = RecordedTransport([url: [RecordedTransport.json(#"""
            [{"_id":"1","id":"Qwen/Qwen3-8B","downloads":900,"tags":["transformers","base_model:finetune:Qwen/Qwen3-8B-Base"]},
             {"_id":"2","id":"gpt2","downloads":800}]
            """#)]])
        let models = try await client(transport).topModels(pipelineTag: "text-generation", limit: 2)
        #expect(models == [HubModelListing(id: "Qwen/Qwen3-8B", downloads: 900, tags: ["transformers", "base_model:finetune:Qwen/Qwen3-8B-Base"]),
                           HubModelListing(id: "gpt2", downloads: 800)])
    }

    @Test func refusesAnEndpointThatIsNotAHubAddress() {
        for endpoint in ["huggingface.co", "ftp://huggingface.co", "https://", "https://huggingface.co?x=1", "https://user@huggingface.co"] {
            #expect(throws: HubClient.EndpointProblem.invalid(endpoint)) { try HubClient(endpoint: endpoint, token: nil) }
        }
    }

    @Test func theHubsWordsCannotActOnATerminal() {
        let failure = HubFailure.notFound(url: "https://hub.example/api/models/a/b", hubMessage: "gone\n::error::forged \u{202E}txt.exe \u{1B}[2J")
        #expect(failure.description.contains(#"the Hub says "gone\n::error::forged \u{202E}txt.exe \u{1B}[2J""#))
        #expect(!failure.description.unicodeScalars.contains { PrintableText.needsEscape($0) })
    }
}
