import AtomAudit

/// Why the Hub gave no usable answer for a request, in the words a user acts on.
public enum HubFailure: Error, Equatable, Sendable, CustomStringConvertible {
    /// 404, or a 401 the Hub marks `X-Error-Code: RepoNotFound` (how it answers for a
    /// repository that does not exist, or is private, without a token).
    case notFound(url: String, hubMessage: String?)
    /// 401 or 403: gated (conditions to accept) or private; `tokenSent` says whether
    /// HF_TOKEN went with the request, which changes what the user should do.
    case gated(status: Int, url: String, hubMessage: String?, tokenSent: Bool)
    case rateLimited(attempts: Int, url: String)
    /// The Hub asked to wait longer than the client accepts.
    case waitTooLong(seconds: Int, url: String)
    /// Any other status that is not a success.
    case status(Int, attempts: Int, url: String)
    case network(String, url: String)
    case malformed(String, url: String)
    case pagination(String, url: String)

    public var description: String {
        switch self {
        case .notFound(let url, let message):
            "not found on the Hub (\(Self.hub(message, "HTTP 404")) for \(url)); expected an existing public repository: check its spelling in adoption.repositories"
        case .gated(let status, let url, let message, let tokenSent):
            "gated or private (\(Self.hub(message, "HTTP \(status)")) for \(url)); expected a repository "
                + (tokenSent ? "HF_TOKEN may read: accept its conditions on the Hub with the token's account"
                             : "anyone may read, or set HF_TOKEN to a token of an account that accepted its conditions")
        case .rateLimited(let attempts, let url):
            "still rate limited (HTTP 429) after \(attempts) attempts at \(url); expected the Hub to answer: try again later"
        case .waitTooLong(let seconds, let url):
            "rate limited (HTTP 429): the Hub asks to wait \(seconds) s before asking \(url) again, longer than a refresh waits; try again later"
        case .status(let status, let attempts, let url):
            "the Hub answered HTTP \(status) for \(url)\(attempts > 1 ? " after \(attempts) attempts" : ""); expected 200"
        case .network(let message, let url):
            "network error for \(url): \(message); expected the Hub to answer (check --endpoint and the connection)"
        case .malformed(let what, let url):
            "malformed answer from \(url): \(what)"
        case .pagination(let what, let url):
            "\(what) (at \(url)); expected pages of the same listing on the same Hub"
        }
    }

    /// `HTTP 401, "Repository not found"`: the Hub's own words when it gave them.
    private static func hub(_ message: String?, _ status: String) -> String {
        guard let message, !message.isEmpty else { return status }
        // The message comes from the network: printed as it is, control characters or a
        // bidirectional override could rewrite the terminal line it appears on.
        let clean = String(PrintableText.escape(message).unicodeScalars.prefix(200))
        return "\(status), the Hub says \"\(clean)\""
    }
}
