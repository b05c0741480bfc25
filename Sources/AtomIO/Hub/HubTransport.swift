import Foundation

/// An HTTP response as the Hub client reads it.
public struct HubResponse: Sendable {
    public var status: Int
    /// Header names in lower case.
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }) { first, _ in first }
        self.body = body
    }

    public func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// A request that got no HTTP answer at all, in words.
public struct HubTransportError: Error, Equatable, Sendable {
    public var message: String

    public init(_ message: String) { self.message = message }
}

/// Sends GET requests. The client is written against this, so tests can answer from memory.
public protocol HubTransport: Sendable {
    func get(_ url: URL, headers: [String: String]) async throws(HubTransportError) -> HubResponse
}
