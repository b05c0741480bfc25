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
        guard needsEscaping(text) else { return text }
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

    /// `escape`, written straight into a byte buffer: templates append every value they
    /// show, and building a string per value first doubled the copying. Every character
    /// the rules look at is ASCII, so bytes give the same result as scalars (the tests
    /// compare both on every short string of the characters that matter).
    static func append(_ text: String, to out: inout [UInt8]) {
        guard needsEscaping(text) else {
            out.append(contentsOf: text.utf8)
            return
        }
        var text = text
        text.withUTF8 { bytes in
            let onlyEquals = bytes.allSatisfy { $0 == UInt8(ascii: "=") || $0 == UInt8(ascii: " ") }
            var leadingDigits = true
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 0x80 else {
                    out.append(byte)
                    leadingDigits = false
                    continue
                }
                let next: UInt8? = index + 1 < bytes.count ? bytes[index + 1] : nil
                let endsNumber = leadingDigits && index > 0 && (next == nil || next == UInt8(ascii: " "))
                switch byte {
                case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
                     UInt8(ascii: "]"), UInt8(ascii: "|"), UInt8(ascii: "~"):
                    out.append(UInt8(ascii: "\\"))
                    out.append(byte)
                case UInt8(ascii: "!") where next == UInt8(ascii: "["):
                    out.append(UInt8(ascii: "\\"))
                    out.append(byte)
                case UInt8(ascii: "#") where index == 0, UInt8(ascii: "-") where index == 0, UInt8(ascii: "+") where index == 0:
                    out.append(UInt8(ascii: "\\"))
                    out.append(byte)
                case UInt8(ascii: "=") where onlyEquals:
                    out.append(UInt8(ascii: "\\"))
                    out.append(byte)
                case UInt8(ascii: ".") where endsNumber, UInt8(ascii: ")") where endsNumber:
                    out.append(UInt8(ascii: "\\"))
                    out.append(byte)
                case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "\n"): out.append(UInt8(ascii: " "))
                case UInt8(ascii: "\r"): if next != UInt8(ascii: "\n") { out.append(UInt8(ascii: " ")) }
                default: out.append(byte)
                }
                leadingDigits = leadingDigits && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            }
        }
    }

    /// One pass over the bytes deciding whether `escape` would change anything: most
    /// values ("Open weights", "GPT-4o", "1.0") need nothing, and this runs for every
    /// value of every Markdown page.
    static func needsEscaping(_ text: String) -> Bool {
        var index = 0
        var digitsOnly = true
        var onlyEquals = true
        var sawEquals = false
        // A '.' or ')' right after a run of digits at the start: a list marker if a
        // space or the end follows ("12. " or "12.").
        var afterListMarker = false
        for byte in text.utf8 {
            if afterListMarker {
                if byte == UInt8(ascii: " ") { return true }
                afterListMarker = false
            }
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
                 UInt8(ascii: "]"), UInt8(ascii: "|"), UInt8(ascii: "~"), UInt8(ascii: "<"), UInt8(ascii: ">"),
                 UInt8(ascii: "&"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                return true
            case UInt8(ascii: "#"), UInt8(ascii: "-"), UInt8(ascii: "+"):
                if index == 0 { return true }
            default:
                break
            }
            if digitsOnly, index > 0, byte == UInt8(ascii: ".") || byte == UInt8(ascii: ")") { afterListMarker = true }
            digitsOnly = digitsOnly && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            onlyEquals = onlyEquals && (byte == UInt8(ascii: "=") || byte == UInt8(ascii: " "))
            sawEquals = sawEquals || byte == UInt8(ascii: "=")
            index += 1
        }
        return afterListMarker || (onlyEquals && sawEquals)
    }
}
