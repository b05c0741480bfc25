/// An HTTP/1.1 response: a head, and a body that is either a few bytes made here or a
/// byte range of an open file, sent in chunks. Every response closes its connection: a
/// local preview gains nothing from keep-alive and stays simpler without.
struct HTTPResponse {
    var status: Status
    var headers: [(name: String, value: String)]
    var body: Body

    enum Body {
        case bytes([UInt8])
        /// `range` of the file: the whole file, or what a Range header asked for.
        case file(OpenFile, range: Range<Int>)

        var count: Int {
            switch self {
            case .bytes(let bytes): bytes.count
            case .file(_, let range): range.count
            }
        }
    }

    enum Status: Int {
        case ok = 200
        case partialContent = 206
        case movedPermanently = 301
        case badRequest = 400
        case notFound = 404
        case methodNotAllowed = 405
        case requestTimeout = 408
        case rangeNotSatisfiable = 416
        case requestHeaderFieldsTooLarge = 431
        case serviceUnavailable = 503

        var reason: String {
            switch self {
            case .ok: "OK"
            case .partialContent: "Partial Content"
            case .movedPermanently: "Moved Permanently"
            case .badRequest: "Bad Request"
            case .notFound: "Not Found"
            case .methodNotAllowed: "Method Not Allowed"
            case .requestTimeout: "Request Timeout"
            case .rangeNotSatisfiable: "Range Not Satisfiable"
            case .requestHeaderFieldsTooLarge: "Request Header Fields Too Large"
            case .serviceUnavailable: "Service Unavailable"
            }
        }
    }

    init(status: Status, contentType: String, body: Body, extraHeaders: [(name: String, value: String)] = []) {
        self.status = status
        self.body = body
        // no-store: after a rebuild the browser must fetch the new bytes, not reuse old ones.
        headers = [("Content-Type", contentType), ("Cache-Control", "no-store"),
                   ("X-Content-Type-Options", "nosniff")] + extraHeaders
    }

    /// A file from the site, whole, or the part a `Range: bytes=…` header asks for.
    static func file(_ file: OpenFile, status: Status = .ok, contentType: String, range header: String?) -> HTTPResponse {
        let whole = 0..<file.size
        var response = HTTPResponse(status: status, contentType: contentType, body: .file(file, range: whole))
        // Ranges apply to the page asked for, not to a 404 page sent in its place.
        guard status == .ok else { return response }
        response.headers.append(("Accept-Ranges", "bytes"))
        switch ByteRange.parse(header, size: file.size) {
        case .whole:
            return response
        case .part(let range):
            response.status = .partialContent
            response.body = .file(file, range: range)
            response.headers.append(("Content-Range", "bytes \(range.lowerBound)-\(range.upperBound - 1)/\(file.size)"))
            return response
        case .unsatisfiable:
            return .text(.rangeNotSatisfiable, "the range is outside the file", extraHeaders: [("Content-Range", "bytes */\(file.size)")])
        }
    }

    /// A short plain-text response, for errors that have no page of their own.
    static func text(_ status: Status, _ message: String, extraHeaders: [(name: String, value: String)] = []) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "text/plain; charset=utf-8", body: .bytes(Array((message + "\n").utf8)),
                     extraHeaders: extraHeaders)
    }

    /// The status line and headers. A HEAD response has the GET response's headers
    /// (including its Content-Length) and no body.
    var head: [UInt8] {
        var head = "HTTP/1.1 \(status.rawValue) \(status.reason)\r\n"
        for header in headers { head += "\(header.name): \(header.value)\r\n" }
        head += "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        return Array(head.utf8)
    }
}
