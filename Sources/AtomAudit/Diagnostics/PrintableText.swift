/// Text from content (file names, keys, values) made safe to print to a terminal or a
/// CI log.
///
/// Content can hold characters that a terminal or a log reader acts on rather than
/// shows: a line break that GitHub Actions reads as a workflow command (`\n::error::…`),
/// an escape sequence that clears the screen or hides text (`\u{1B}[2J`), a
/// bidirectional override that makes text read backwards. Each is written as an escape
/// a reader can see: `\n`, `\r`, `\t`, otherwise `\u{1B}` with the scalar in hex.
public enum PrintableText {
    public static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where needsEscape(scalar): result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// C0 and C1 controls, DEL, the bidirectional embeddings, overrides and isolates,
    /// and the Unicode line and paragraph separators (which some log viewers break on).
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
            || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
            || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    /// A file name's bytes as text: valid UTF-8 as it is, every other byte as `\xFF`.
    /// A name that is not UTF-8 cannot be shown or stored as a Swift string without
    /// losing bytes (they would become U+FFFD), so the bytes themselves are named.
    public static func describe(bytes: some Collection<UInt8>) -> String {
        let bytes = Array(bytes)
        var result = ""
        var index = 0
        while index < bytes.count {
            let length = validSequenceLength(bytes, at: index)
            if length > 0, let scalar = String(validating: bytes[index..<index + length], as: UTF8.self) {
                result += scalar
                index += length
            } else {
                result += "\\x" + Hex.byte(bytes[index])
                index += 1
            }
        }
        return result
    }

    /// The length of the UTF-8 sequence the lead byte announces when the whole sequence
    /// is there; 0 for a stray continuation byte or a byte UTF-8 never uses.
    private static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length = switch lead {
        case 0x00...0x7F: 1
        case 0xC2...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF4: 4
        default: 0
        }
        return index + length <= bytes.count ? length : 0
    }
}
