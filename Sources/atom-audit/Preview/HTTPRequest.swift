/// The parts of an HTTP/1.x request the preview needs: its method, target and Range.
/// Other headers are read (so the request is consumed) but not used.
struct HTTPRequest {
    var method: String
    /// The request target as sent, e.g. `/models/x/?q=1`.
    var target: String
    /// The Range header's value, when there is one.
    var range: String?

    enum ParseError: Error {
        /// The bytes are not an HTTP request line.
        case malformed
    }

    /// Parses the head of a request (everything before the blank line).
    init(head: [UInt8]) throws(ParseError) {
        guard let text = String(validating: head, as: UTF8.self) else { throw .malformed }
        let lines = text.split(separator: "\r\n", omittingEmptySubsequences: false)
        let requestLine = lines.first ?? ""
        let parts = requestLine.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty, parts[2].hasPrefix("HTTP/1.") else { throw .malformed }
        method = String(parts[0])
        target = String(parts[1])
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":"), line[..<colon].lowercased() == "range" else { continue }
            range = line[line.index(after: colon)...].trimmingCharacters(in: " \t")
        }
    }

    /// The end of the request head: the first empty line.
    static let headTerminator: [UInt8] = Array("\r\n\r\n".utf8)
    /// Browsers send a few hundred bytes; anything far larger is not a browser.
    static let maximumHeadSize = 16 * 1024
}

private extension Substring {
    func trimmingCharacters(in characters: String) -> String {
        var text = self
        while let first = text.first, characters.contains(first) { text = text.dropFirst() }
        while let last = text.last, characters.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
