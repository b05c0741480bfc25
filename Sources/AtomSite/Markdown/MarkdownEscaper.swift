/// Escapes text for use inside GitHub-flavoured Markdown, including table cells.
public enum MarkdownEscaper {
    /// Characters with inline Markdown meaning get a backslash; `<`, `>` and `&` become
    /// entities (so raw HTML cannot start); line breaks become spaces, so a value always
    /// stays inside its table cell or list item. Block markers (`#`, `-`, `+`, `1.`) are
    /// escaped only where they would start a block: at the start of the value. Common
    /// characters such as `-` and `(` stay readable elsewhere ("GPT-4o (2024)").
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            let next: Character? = index + 1 < characters.count ? characters[index + 1] : nil
            switch character {
            case "\\", "`", "*", "_", "[", "]", "|", "~":
                result.append("\\")
                result.append(character)
            case "!" where next == "[":
                result += "\\!"
            case "#" where index == 0, "-" where index == 0, "+" where index == 0:
                result.append("\\")
                result.append(character)
            // A line of only '=' would turn the line above it into a heading.
            case "=" where characters.allSatisfy({ $0 == "=" || $0 == " " }):
                result.append("\\")
                result.append(character)
            case "." where isLeadingDigits(characters, before: index) && (next == nil || next == " "),
                 ")" where isLeadingDigits(characters, before: index) && (next == nil || next == " "):
                result.append("\\")
                result.append(character)
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            case "\n", "\r", "\r\n": result += " "
            default: result.append(character)
            }
        }
        return result
    }

    /// True when everything before `index` is digits: "2024. " would start an ordered list.
    private static func isLeadingDigits(_ characters: [Character], before index: Int) -> Bool {
        index > 0 && characters[..<index].allSatisfy { $0.isASCII && $0.isNumber }
    }
}
