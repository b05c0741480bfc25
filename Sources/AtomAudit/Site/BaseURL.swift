/// The rules for the site's base URL (`base-url` in site.yaml, `build --base-url`).
///
/// The base URL is written, unescaped by design, into every place that links
/// absolutely: Markdown link destinations in `brief.md` (`[title](<base-url>)`), table
/// cells, the sitemap, the feed and the data. Evidence URLs only need to be absolute web
/// addresses; this one must also be plain enough that no Markdown, HTML or table syntax
/// can hide in it, so it is held to the characters a site's address needs: letters,
/// digits, `-._~/:%` and the sub-delimiters that mean nothing in a Markdown link
/// destination (`!$'+,;=`; HTML attributes escape `'` anyway).
public enum BaseURL {
    /// What is wrong with a base URL, worded to follow "'<url>' …" in a message.
    public enum Problem: Equatable, Sendable {
        case notAbsoluteWebURL
        /// `?` or `#`: page paths are appended to the base URL, which would put them inside the query.
        case queryOrFragment
        /// A character outside the plain set (such as `(`, `]`, `<`, `|`, `*`, `&` or a space).
        case character(Unicode.Scalar)
        /// A `%` not followed by two hex digits.
        case badPercentEncoding

        public var explanation: String {
            switch self {
            case .notAbsoluteWebURL: "is not an absolute web address"
            case .queryOrFragment: "has a query or fragment ('?' or '#'), and page paths are appended to it"
            case .character(let scalar): "holds '\(PrintableText.escape(String(scalar)))', which Markdown, HTML or a table would read as syntax"
            case .badPercentEncoding: "has a '%' that is not followed by two hex digits"
            }
        }
    }

    /// The expectation every base-URL message ends with.
    public static let expectation = "expected an absolute http(s) URL of letters, digits and -._~/:%!$'+,;=, e.g. https://example.org/atom/"

    /// nil when `text` can be the site's base URL. Plain http is accepted (a preview or an
    /// intranet host may have nothing else).
    public static func problem(with text: String) -> Problem? {
        guard EvidenceURL.isWebURL(text) else { return .notAbsoluteWebURL }
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", ".", "_", "~", "/", ":", "!", "$", "'", "+", ",", ";", "=":
                continue
            case "%":
                let hex = scalars.dropFirst(index + 1).prefix(2)
                guard hex.count == 2, hex.allSatisfy({ $0.properties.isASCIIHexDigit }) else { return .badPercentEncoding }
            case "?", "#":
                return .queryOrFragment
            default:
                return .character(scalar)
            }
        }
        return nil
    }

    /// `text` with every byte that could be syntax somewhere it is written percent-encoded
    /// (anything outside the characters `problem(with:)` accepts, except a well-formed
    /// `%XX`). Validated URLs come out unchanged; this guards a value that reached a
    /// `SiteConfig` some other way, so it still cannot inject a Markdown link or break a table.
    public static func encoded(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var result = ""
        for (index, byte) in bytes.enumerated() {
            if isPlain(byte) && byte != UInt8(ascii: "%") {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else if byte == UInt8(ascii: "%"), index + 2 < bytes.count, isHex(bytes[index + 1]), isHex(bytes[index + 2]) {
                result += "%"
            } else {
                result += "%" + Hex.byte(byte)
            }
        }
        return result
    }

    private static func isPlain(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || "-._~/:%!$'+,;=".utf8.contains(byte)
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte | 0x20)
    }
}
