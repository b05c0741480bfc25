import Foundation

/// A complete HTTP/1.1 response, serialised in one piece. Every response closes its
/// connection: a local preview gains nothing from keep-alive and stays simpler without.
struct HTTPResponse {
    var status: Status
    var headers: [(name: String, value: String)]
    var body: Data

    enum Status: Int {
        case ok = 200
        case movedPermanently = 301
        case badRequest = 400
        case notFound = 404
        case methodNotAllowed = 405
        case requestHeaderFieldsTooLarge = 431

        var reason: String {
            switch self {
            case .ok: "OK"
            case .movedPermanently: "Moved Permanently"
            case .badRequest: "Bad Request"
            case .notFound: "Not Found"
            case .methodNotAllowed: "Method Not Allowed"
            case .requestHeaderFieldsTooLarge: "Request Header Fields Too Large"
            }
        }
    }

    init(status: Status, contentType: String, body: Data, extraHeaders: [(name: String, value: String)] = []) {
        self.status = status
        self.body = body
        // no-store: after a rebuild the browser must fetch the new bytes, not reuse old ones.
        headers = [("Content-Type", contentType), ("Cache-Control", "no-store"),
                   ("X-Content-Type-Options", "nosniff")] + extraHeaders
    }

    /// A short plain-text response, for errors that have no page of their own.
    static func text(_ status: Status, _ message: String, extraHeaders: [(name: String, value: String)] = []) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "text/plain; charset=utf-8", body: Data((message + "\n").utf8),
                     extraHeaders: extraHeaders)
    }

    /// The bytes on the wire. A HEAD response has the GET response's headers
    /// (including its Content-Length) and no body.
    func serialized(includeBody: Bool) -> Data {
        var head = "HTTP/1.1 \(status.rawValue) \(status.reason)\r\n"
        for header in headers { head += "\(header.name): \(header.value)\r\n" }
        head += "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        var data = Data(head.utf8)
        if includeBody { data.append(body) }
        return data
    }
}
