/// How a browser reads the scheme of a URL attribute, conservatively: enough to tell
/// whether a link could run script, leave the site's schemes, or load a document inline.
enum BrowserURL {
    static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    /// The lower-cased scheme, or nil for a relative URL.
    ///
    /// Follows the WHATWG URL parser where it matters for attacks: leading and trailing
    /// C0 controls and spaces are stripped, tabs and newlines anywhere are removed, and
    /// a scheme is a letter followed by letters, digits, `+`, `-` or `.` up to a `:`.
    /// Character references a browser would decode in an attribute (`&colon;`, `&#58`,
    /// `&#x3a` with or without `;`) are decoded first, in case a parser left them.
    static func scheme(of rawValue: String) -> String? {
        let value = decodeSchemeReferences(rawValue)
        var scalars = Array(value.unicodeScalars)
        while let first = scalars.first, first.value <= 0x20 { scalars.removeFirst() }
        while let last = scalars.last, last.value <= 0x20 { scalars.removeLast() }
        scalars.removeAll { $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let colon = scalars.firstIndex(of: ":"), colon > 0, isLetter(scalars[0]) else { return nil }
        let candidate = scalars[..<colon]
        guard candidate.allSatisfy({ isLetter($0) || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0) }) else { return nil }
        return String(String.UnicodeScalarView(candidate)).lowercased()
    }

    /// Relative, or one of the site's schemes.
    static func isAllowed(_ value: String) -> Bool {
        scheme(of: value).map(allowedSchemes.contains) ?? true
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    /// Decodes the character references that spell the characters a scheme is made of
    /// or hidden by: `:` and tabs and newlines, named or numeric, `;` optional.
    private static func decodeSchemeReferences(_ value: String) -> String {
        guard value.contains("&") else { return value }
        var result = ""
        var rest = Substring(value)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            rest = rest[rest.index(after: ampersand)...]
            let lowered = rest.lowercased()
            if let (text, length) = [("colon;", ":"), ("tab;", "\t"), ("newline;", "\n")].lazy
                .first(where: { lowered.hasPrefix($0.0) }).map({ ($0.1, $0.0.count) }) {
                result += text
                rest = rest.dropFirst(length)
            } else if lowered.hasPrefix("#") {
                let hex = lowered.dropFirst().hasPrefix("x")
                let digits = rest.dropFirst(hex ? 2 : 1).prefix { hex ? $0.isHexDigit : $0.isNumber }
                if let code = UInt32(digits, radix: hex ? 16 : 10), let scalar = Unicode.Scalar(code) {
                    result.unicodeScalars.append(scalar)
                    rest = rest.dropFirst((hex ? 2 : 1) + digits.count)
                    if rest.first == ";" { rest = rest.dropFirst() }
                } else {
                    result += "&"
                }
            } else {
                result += "&"
            }
        }
        return result + rest
    }
}
