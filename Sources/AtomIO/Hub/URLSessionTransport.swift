import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// GET requests through Foundation's URLSession: no cache, no cookies, a timeout, and
/// redirects that never carry the token to another host.
public final class URLSessionTransport: HubTransport {
    private let session: URLSession

    public init(timeout: TimeInterval = 30) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        session = URLSession(configuration: configuration, delegate: RedirectGuard(), delegateQueue: nil)
    }

    deinit { session.finishTasksAndInvalidate() }

    /// Sends the request through a completion handler rather than `data(for:)`: on Linux,
    /// cancelling an async request while URLSession completes it deadlocks
    /// (FoundationNetworking cancels synchronously on the session's queue while that queue
    /// waits to resume the cancelled task). A request here is never cancelled; it ends
    /// with an answer, an error or the timeout.
    public func get(_ url: URL, headers: [String: String]) async throws(HubTransportError) -> HubResponse {
        var request = URLRequest(url: url)
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<HubResponse, HubTransportError>, Never>) in
            session.dataTask(with: request) { data, response, error in
                continuation.resume(returning: Self.result(data, response, error))
            }.resume()
        }
        return try result.get()
    }

    private static func result(_ data: Data?, _ response: URLResponse?, _ error: (any Error)?) -> Result<HubResponse, HubTransportError> {
        if let error = error as? URLError { return .failure(HubTransportError(describe(error))) }
        if let error { return .failure(HubTransportError("\(error)")) }
        guard let http = response as? HTTPURLResponse else { return .failure(HubTransportError("the answer was not HTTP")) }
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { fields[name.lowercased()] = value }
        }
        return .success(HubResponse(status: http.statusCode, headers: fields, body: data ?? Data()))
    }

    /// Words for the failures a refresh meets; Linux's descriptions only give a number.
    private static func describe(_ error: URLError) -> String {
        switch error.code {
        case .cannotConnectToHost: "could not connect to the host"
        case .cannotFindHost, .dnsLookupFailed: "the host name could not be resolved"
        case .timedOut: "the request timed out"
        case .networkConnectionLost: "the connection was lost"
        case .notConnectedToInternet: "this computer is not connected to a network"
        case .badServerResponse: "the server's answer was not valid HTTP"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot: "the secure connection failed"
        case .httpTooManyRedirects: "too many redirects"
        default: "URL error \(error.code.rawValue)"
        }
    }
}

/// Follows redirects (the Hub redirects a renamed repository to its new name), but drops
/// the Authorization header when one leads to another scheme, host or port.
private final class RedirectGuard: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        var request = request
        let from = task.originalRequest?.url
        if let to = request.url, from?.scheme != to.scheme || from?.host != to.host || from?.port != to.port {
            request.setValue(nil, forHTTPHeaderField: "Authorization")
        }
        completionHandler(request)
    }
}
