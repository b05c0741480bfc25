/// Checks that a piece of evidence is an absolute web address a reader can open.
///
/// A hand-written scan rather than URLComponents: every manifest has several URLs and
/// URLComponents was a tenth of `check`'s time on 10,000 manifests.
public enum EvidenceURL {
    public enum Problem: Equatable, Sendable {
        case notAbsoluteWebURL
        case insecure
    }

    /// nil when `text` is an absolute https URL with a host; otherwise what is wrong.
    /// Plain http is accepted but reported, so reviewers can upgrade it.
    public static func problem(with text: String) -> Problem? {
        let bytes = Array(text.utf8)
        let insecure: Bool
        let hostStart: Int
        if hasPrefix(bytes, "https://") {
            insecure = false
            hostStart = 8
        } else if hasPrefix(bytes, "http://") {
            insecure = true
            hostStart = 7
        } else {
            return .notAbsoluteWebURL
        }
        // Characters that cannot appear in a URL as written in a manifest; they would
        // also let a value break out of an HTML attribute or a Markdown link.
        for byte in bytes where byte <= 0x20 || byte == 0x7F || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "<")
            || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "`") {
            return .notAbsoluteWebURL
        }
        // ASCII white space was refused above; only non-ASCII text needs the Unicode tables.
        if bytes.contains(where: { $0 >= 0x80 }), text.unicodeScalars.contains(where: \.properties.isWhitespace) {
            return .notAbsoluteWebURL
        }
        var authorityEnd = hostStart
        while authorityEnd < bytes.count, !"/?#".utf8.contains(bytes[authorityEnd]) { authorityEnd += 1 }
        let authority = bytes[hostStart..<authorityEnd]
        // No user information: "https://trusted.org@elsewhere.net" reads as the wrong site.
        guard !authority.contains(UInt8(ascii: "@")) else { return .notAbsoluteWebURL }
        let host = authority.split(separator: UInt8(ascii: ":"), maxSplits: 1, omittingEmptySubsequences: false).first ?? []
        if authority.contains(UInt8(ascii: ":")) {
            let port = authority.split(separator: UInt8(ascii: ":"), maxSplits: 1, omittingEmptySubsequences: false).last ?? []
            guard !port.isEmpty, port.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return .notAbsoluteWebURL }
        }
        guard !host.isEmpty, host.first != UInt8(ascii: "."), host.last != UInt8(ascii: "."),
              host.allSatisfy({ isHostByte($0) }),
              host.contains(UInt8(ascii: ".")) || Array(host) == Array("localhost".utf8)
        else { return .notAbsoluteWebURL }
        return insecure ? .insecure : nil
    }

    public static func isWebURL(_ text: String) -> Bool {
        problem(with: text) != .notAbsoluteWebURL
    }

    private static func hasPrefix(_ bytes: [UInt8], _ prefix: String) -> Bool {
        let prefix = Array(prefix.utf8)
        guard bytes.count > prefix.count else { return false }
        // Schemes are case-insensitive: HTTPS:// is accepted.
        return zip(bytes, prefix).allSatisfy { ($0 | 0x20) == $1 || $0 == $1 }
    }

    /// Letters, digits, '-' and '.': internationalised names must be written in punycode.
    private static func isHostByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }
}
