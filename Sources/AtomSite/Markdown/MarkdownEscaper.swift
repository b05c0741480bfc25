/// Escapes text for use inside GitHub-flavoured Markdown, including table cells.
public enum MarkdownEscaper {
    /// Characters with inline Markdown meaning get a backslash; `<`, `>` and `&` become
    /// entities (so raw HTML cannot start); line breaks become spaces, so a value always
    /// stays inside its table cell or list item. Block markers (`#`, `-`, `+`, `1.`) are
    /// escaped only where they would start a block: at the start of the value. Common
    /// characters such as `-` and `(` stay readable elsewhere ("GPT-4o (2024)").
    ///
    /// Works on Unicode scalars with a fast path for text that needs nothing: it runs
    /// for every value of every Markdown page.
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: needsAttention) else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        result.reserveCapacity(scalars.count + 8)
        var leadingDigits = true
        let onlyEquals = scalars.allSatisfy { $0 == "=" || $0 == " " }
        for (index, scalar) in scalars.enumerated() {
            let next: Unicode.Scalar? = index + 1 < scalars.count ? scalars[index + 1] : nil
            let endsNumber = leadingDigits && index > 0 && (next == nil || next == " ")
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "|", "~":
                result.append("\\")
                result.append(scalar)
            case "!" where next == "[":
                result.append("\\")
                result.append(scalar)
            case "#" where index == 0, "-" where index == 0, "+" where index == 0:
                result.append("\\")
                result.append(scalar)
            // A line of only '=' would turn the line above it into a heading.
            case "=" where onlyEquals:
                result.append("\\")
                result.append(scalar)
            // "2024. " at the start would begin an ordered list.
            case "." where endsNumber, ")" where endsNumber:
                result.append("\\")
                result.append(scalar)
            case "<": result.append(contentsOf: "&lt;".unicodeScalars)
            case ">": result.append(contentsOf: "&gt;".unicodeScalars)
            case "&": result.append(contentsOf: "&amp;".unicodeScalars)
            case "\n": result.append(" ")
            case "\r": if next != "\n" { result.append(" ") }
            default: result.append(scalar)
            }
            leadingDigits = leadingDigits && ("0"..."9").contains(scalar)
        }
        return String(result)
    }

    private static func needsAttention(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "|"), UInt8(ascii: "~"), UInt8(ascii: "!"), UInt8(ascii: "#"),
             UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "="), UInt8(ascii: "."), UInt8(ascii: ")"),
             UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
            true
        default:
            false
        }
    }
}
