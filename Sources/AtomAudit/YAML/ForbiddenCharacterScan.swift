/// A lexical pass that refuses, with their positions, characters a content file may not
/// hold anywhere: the C1 controls (U+0080 to U+009F) and the line and paragraph
/// separators (U+2028, U+2029). It runs before either parser reads the text.
///
/// Before parsing, because libyaml reads NEL (U+0085), LS and PS as line breaks: inside
/// a scalar NEL becomes a space or a line break and LS or PS followed by spaces loses
/// the spaces, so no check of the parsed value could see them. The other C1 controls
/// libyaml refuses, but only the first of them, after the work of parsing up to it.
///
/// LS and PS are refused rather than kept as written: YAML 1.1 (libyaml, so Yams) reads
/// them as line breaks and YAML 1.2 as ordinary characters, editors show them as
/// neither, and keeping them would mean reading those files differently from libyaml.
/// No content needs them, and a refusal that points at one tells the reviewer where the
/// invisible character is.
///
/// Tabs, line feeds and carriage returns are YAML's; the other C0 controls and DEL
/// are libyaml's to refuse, and `FieldReader` refuses those that escapes write.
enum ForbiddenCharacterScan {
    /// Occurrences reported one by one; past this, one more error counts the rest, so a
    /// file made of them costs as much as any other error, not a diagnostic per byte.
    static let maxReported = 100

    static func diagnostics(in text: String, file: String) -> [Diagnostic] {
        var text = text
        return text.withUTF8 { diagnostics(in: $0, file: file) }
    }

    /// Walks the UTF-8 bytes: once to find the first, if there is one, then with a
    /// cursor from the start. Each character it looks for starts with a byte (0xC2 or
    /// 0xE2) that ordinary text rarely has, and the cursor steps by characters, so
    /// columns count Unicode scalars as libyaml's do.
    private static func diagnostics(in bytes: UnsafeBufferPointer<UInt8>, file: String) -> [Diagnostic] {
        // Nearly every file has none: find that out without keeping a line and column.
        guard let first = firstForbidden(in: bytes) else { return [] }
        var found: [Diagnostic] = []
        var unlisted = (count: 0, first: SourceLocation?.none)
        var cursor = SourceCursor()
        var index = 0
        let count = bytes.count
        // The cursor needs every character before the first one found.
        while index < first {
            if bytes[index] & 0xC0 != 0x80 { cursor.advance(pastCharacterStartingWith: bytes[index]) }
            index += 1
        }
        while index < count {
            let byte = bytes[index]
            var scalar: UInt32?
            if byte == 0xC2, index + 1 < count, (0x80...0x9F).contains(bytes[index + 1]) {
                scalar = UInt32(bytes[index + 1])
            } else if byte == 0xE2, index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                scalar = bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029
            }
            if let scalar {
                if found.count < maxReported {
                    found.append(.error("forbidden-character", message(for: scalar), at: cursor.location(in: file)))
                } else {
                    if unlisted.count == 0 { unlisted.first = cursor.location(in: file) }
                    unlisted.count += 1
                }
            }
            if byte & 0xC0 != 0x80 { cursor.advance(pastCharacterStartingWith: byte) }
            index += 1
        }
        if let first = unlisted.first {
            found.append(.error(
                "forbidden-character",
                "from here on, \(unlisted.count) more C1 control or line separator characters, not listed one by one; expected none",
                at: first))
        }
        return found
    }

    /// The index of the first byte of the first forbidden character, if any.
    private static func firstForbidden(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = bytes.count
        var index = 0
        while index + 1 < count {
            let byte = bytes[index]
            if byte == 0xC2, bytes[index + 1] >= 0x80, bytes[index + 1] <= 0x9F { return index }
            if byte == 0xE2, index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 { return index }
            index += 1
        }
        return nil
    }

    static func message(for scalar: UInt32) -> String {
        let code = "U+" + Hex.codePoint(scalar)
        switch scalar {
        case 0x85:
            return "the text holds \(code) NEXT LINE (NEL), a C1 control character that YAML reads as a line break; expected printable text (delete it, or use an ordinary line break)"
        case 0x2028, 0x2029:
            let name = scalar == 0x2028 ? "LINE SEPARATOR" : "PARAGRAPH SEPARATOR"
            return "the text holds \(code) \(name), which YAML reads as a line break though editors do not show one; expected an ordinary line break or a space"
        default:
            let name = c1Names[Int(scalar) - 0x80]
            return "the text holds \(code) \(name), a C1 control character, which content files do not allow; expected printable text (C1 controls usually come from Windows-1252 text read as Latin-1, where 0x93 and 0x94 are curly quotes: retype the character)"
        }
    }

    /// The ISO 6429 names of U+0080 to U+009F (Unicode gives controls no names of their own).
    private static let c1Names = [
        "PADDING CHARACTER", "HIGH OCTET PRESET", "BREAK PERMITTED HERE", "NO BREAK HERE",
        "INDEX", "NEXT LINE (NEL)", "START OF SELECTED AREA", "END OF SELECTED AREA",
        "CHARACTER TABULATION SET", "CHARACTER TABULATION WITH JUSTIFICATION", "LINE TABULATION SET", "PARTIAL LINE FORWARD",
        "PARTIAL LINE BACKWARD", "REVERSE LINE FEED", "SINGLE SHIFT TWO", "SINGLE SHIFT THREE",
        "DEVICE CONTROL STRING", "PRIVATE USE ONE", "PRIVATE USE TWO", "SET TRANSMIT STATE",
        "CANCEL CHARACTER", "MESSAGE WAITING", "START OF GUARDED AREA", "END OF GUARDED AREA",
        "START OF STRING", "SINGLE GRAPHIC CHARACTER INTRODUCER", "SINGLE CHARACTER INTRODUCER", "CONTROL SEQUENCE INTRODUCER",
        "STRING TERMINATOR", "OPERATING SYSTEM COMMAND", "PRIVACY MESSAGE", "APPLICATION PROGRAM COMMAND",
    ]
}
