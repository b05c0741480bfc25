import Foundation

/// Asks the Hugging Face Hub API for figures: one GET at a time per permit of a shared
/// limiter (at most `maxInFlight` in flight), with the token when there is one, retrying
/// "later" answers as `RetryPolicy` says.
public struct HubClient: Sendable {
    /// The Hub's address without a trailing slash, e.g. `https://huggingface.co`.
    public let endpoint: String
    private let token: String?
    private let transport: any HubTransport
    private let retry: RetryPolicy
    private let limiter: AsyncLimiter
    private let sleep: @Sendable (Duration) async -> Void
    /// Bounds a listing: 1,000 pages of 1,000 models is more than the Hub holds for any base.
    let maxPages: Int

    public enum EndpointProblem: Error, Equatable, CustomStringConvertible {
        case invalid(String)

        public var description: String {
            switch self {
            case .invalid(let text): "'\(text)' is not a Hub address; expected http:// or https:// and a host, without a query, e.g. https://huggingface.co"
            }
        }
    }

    /// - Parameters:
    ///   - endpoint: the Hub's address, e.g. `https://huggingface.co`.
    ///   - token: sent as `Authorization: Bearer` when present; never printed.
    ///   - sleep: how waits are spent (tests record them instead).
    public init(endpoint: String, token: String?, transport: any HubTransport = URLSessionTransport(),
                retry: RetryPolicy = RetryPolicy(), maxInFlight: Int = 4, maxPages: Int = 1000,
                sleep: @escaping @Sendable (Duration) async -> Void = { try? await Task.sleep(for: $0) }) throws(EndpointProblem) {
        self.endpoint = try Self.normalized(endpoint)
        self.token = token.flatMap { $0.isEmpty ? nil : $0 }
        self.transport = transport
        self.retry = retry
        self.limiter = AsyncLimiter(limit: maxInFlight)
        self.maxPages = maxPages
        self.sleep = sleep
    }

    /// The endpoint without trailing slashes, if it is an http(s) address with a host and
    /// nothing after the path.
    public static func normalized(_ endpoint: String) throws(EndpointProblem) -> String {
        var text = endpoint
        while text.hasSuffix("/") { text.removeLast() }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http",
              url.host?.isEmpty == false, url.query == nil, url.fragment == nil, url.user == nil
        else { throw .invalid(endpoint) }
        return text
    }

    /// `{endpoint}{path}?{query}`, the query percent-encoded (`expand[]` as `expand%5B%5D`).
    func url(_ path: String, _ query: [(String, String)] = []) -> URL? {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        allowed.insert(charactersIn: "-._~:/")
        let encoded = query.map { name, value in
            "\(name.addingPercentEncoding(withAllowedCharacters: allowed) ?? name)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value)"
        }
        return URL(string: endpoint + path + (encoded.isEmpty ? "" : "?" + encoded.joined(separator: "&")))
    }

    /// Whether `url` is on this Hub: the token and the listing must never leave it.
    func isOnEndpoint(_ url: URL) -> Bool {
        guard let base = URL(string: endpoint) else { return false }
        return url.scheme?.lowercased() == base.scheme?.lowercased() && url.host?.lowercased() == base.host?.lowercased()
            && url.port == base.port
    }

    /// The Hub's `{"error": "..."}` body, for failures that carry no `X-Error-Message`.
    private static func errorField(of body: Data) -> String? {
        struct Body: Decodable { var error: String }
        return try? JSONDecoder().decode(Body.self, from: body.prefix(4096)).error
    }

    /// One successful GET, after the retries the policy allows.
    func get(_ url: URL) async throws(HubFailure) -> HubResponse {
        var headers = ["Accept": "application/json", "User-Agent": "atom-audit (adoption refresh)"]
        if let token { headers["Authorization"] = "Bearer \(token)" }
        let shown = url.absoluteString
        var attempt = 0
        while true {
            attempt += 1
            await limiter.acquire()
            let result: Result<HubResponse, HubTransportError>
            do { result = .success(try await transport.get(url, headers: headers)) } catch { result = .failure(error) }
            await limiter.release()
            let response: HubResponse
            switch result {
            case .success(let answer): response = answer
            case .failure(let error): throw .network(error.message, url: shown)
            }
            let hubMessage = response.header("x-error-message") ?? Self.errorField(of: response.body)
            switch response.status {
            case 200..<300:
                return response
            case 404:
                throw .notFound(url: shown, hubMessage: hubMessage)
            case 401 where response.header("x-error-code") == "RepoNotFound":
                throw .notFound(url: shown, hubMessage: hubMessage)
            case 401, 403:
                throw .gated(status: response.status, url: shown, hubMessage: hubMessage, tokenSent: token != nil)
            case 429, 500, 502, 503, 504:
                guard attempt < retry.attempts else {
                    throw response.status == 429 ? .rateLimited(attempts: attempt, url: shown) : .status(response.status, attempts: attempt, url: shown)
                }
                let asked = response.header("retry-after").flatMap { RetryAfter.delay(from: $0, now: Date()) }
                guard let wait = retry.wait(after: attempt, retryAfter: asked) else {
                    throw .waitTooLong(seconds: Int(asked?.components.seconds ?? 0), url: shown)
                }
                await sleep(wait)
            default:
                throw .status(response.status, attempts: attempt, url: shown)
            }
        }
    }
}
