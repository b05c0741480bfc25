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

    /// Whether `escape` would change anything: most values ("Open weights", "GPT-4o",
    /// "1.0") need nothing, and this runs for every value of every Markdown page. The
    /// rules that depend on position look at the start only; the rest is one bit test
    /// per byte over the contiguous UTF-8.
    static func needsEscaping(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let first = bytes.first else { return false }
            // A block marker at the start: '#', '-' or '+'.
            if first == UInt8(ascii: "#") || first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { return true }
            // "12. " or "12)" at the start would begin an ordered list.
            var digits = 0
            while digits < bytes.count, bytes[digits] &- UInt8(ascii: "0") < 10 { digits += 1 }
            if digits > 0, digits < bytes.count, bytes[digits] == UInt8(ascii: ".") || bytes[digits] == UInt8(ascii: ")"),
               digits + 1 == bytes.count || bytes[digits + 1] == UInt8(ascii: " ") {
                return true
            }
            // A line of only '=' (and spaces) would make the line above a heading.
            var sawEquals = false
            var onlyEquals = true
            for byte in bytes {
                if byte == UInt8(ascii: "=") { sawEquals = true } else if byte != UInt8(ascii: " ") { onlyEquals = false; break }
            }
            if onlyEquals, sawEquals { return true }
            // Bit n set: byte n (low) or 0x40 + n (high) is escaped wherever it stands:
            // line breaks, '&', '*', '<', '>' (low); '[', '\\', ']', '_', '`', '|', '~' (high).
            // Literals rather than static lets, which cost a call per value to read.
            let low: UInt64 = 0x5000044000002400, high: UInt64 = 0x50000001B8000000
            for byte in bytes where byte < 0x80 && (byte < 0x40 ? low &>> UInt64(byte) : high &>> UInt64(byte &- 0x40)) & 1 != 0 {
                return true
            }
            return false
        }
    }
}
