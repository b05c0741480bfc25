import Foundation

/// A request target turned into a path inside the site, or refused. Refusing here,
/// before any file is touched, is what keeps a request from reading outside the
/// output folder, whatever encoding it uses.
struct RequestPath {
    /// Decoded path segments below the site root; none is empty, `.` or `..`.
    var segments: [String]
    /// Whether the path ended in `/` (a folder, served by its index.html).
    var hasTrailingSlash: Bool
    /// The query string, without `?`, kept for redirects.
    var query: String?

    enum Refusal: Error, CustomStringConvertible {
        /// Not `/…`: an absolute URL (`http://…`), `*`, or a relative path.
        case notAPath
        /// A `%` that is not followed by two hex digits, or bytes that are not UTF-8.
        case badEncoding
        /// `..` or `.` (also as `%2e%2e`), or an empty segment as in `//etc/passwd`.
        case traversal
        /// NUL or a backslash, which no site path contains.
        case forbiddenCharacter

        var description: String {
            switch self {
            case .notAPath: "the request target must be a path starting with '/'"
            case .badEncoding: "the path has an invalid percent-encoding"
            case .traversal: "the path must stay inside the site ('..', '.' and empty segments are refused)"
            case .forbiddenCharacter: "the path contains a NUL or a backslash"
            }
        }
    }

    init(target: String) throws(Refusal) {
        guard target.hasPrefix("/") else { throw .notAPath }
        var path = Substring(target)
        if let hash = path.firstIndex(of: "#") { path = path[..<hash] }
        if let question = path.firstIndex(of: "?") {
            query = String(path[path.index(after: question)...])
            path = path[..<question]
        }
        // Decoding first and checking after is what catches %2e%2e and %2f.
        guard let decoded = String(path).removingPercentEncoding else { throw .badEncoding }
        guard !decoded.contains("\0"), !decoded.contains("\\") else { throw .forbiddenCharacter }
        var parts = decoded.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        hasTrailingSlash = parts.last == ""
        if hasTrailingSlash { parts.removeLast() }
        guard parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else { throw .traversal }
        segments = parts
    }

    /// The path as a URL path, percent-encoded again, for a Location header.
    var encoded: String {
        let allowed = Self.segmentCharacters
        let path = "/" + segments.map { $0.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0 }.joined(separator: "/")
        return path + (hasTrailingSlash && !segments.isEmpty ? "/" : "") + (query.map { "?" + $0 } ?? "")
    }

    private static let segmentCharacters: CharacterSet = {
        var set = CharacterSet.urlPathAllowed
        set.remove("/")
        return set
    }()
}
