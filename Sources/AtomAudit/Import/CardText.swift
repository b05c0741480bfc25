/// Values from a model card with control characters stripped.
///
/// A card is anyone's text. Printed raw, a terminal escape sequence in its license name
/// recolours or clears the terminal of the person importing it; written into the draft
/// (even quoted, as `"\x1B"`), it would decode back into the manifest and reach every
/// page. Stripping rather than refusing keeps the import useful: the values are still
/// the card's words, and the draft says which fields lost characters.
enum CardText {
    /// `text` without control characters: line breaks and tabs become spaces, whole
    /// ANSI escape sequences (`ESC [ … m`, `ESC ] … BEL`) go, and every other C0 or C1
    /// control, DEL and bidirectional override is removed.
    static func stripped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: PrintableText.needsEscape) else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            switch scalar {
            case "\n", "\r", "\t":
                result.append(" ")
            case "\u{1B}" where index < scalars.count && scalars[index] == "[":
                // CSI: parameters and intermediates up to one final byte in @...~.
                index += 1
                while index < scalars.count, !(0x40...0x7E).contains(scalars[index].value) { index += 1 }
                index += 1
            case "\u{1B}" where index < scalars.count && scalars[index] == "]":
                // OSC (a window title, a hyperlink): up to BEL or ESC \.
                index += 1
                while index < scalars.count, scalars[index] != "\u{07}", scalars[index] != "\u{1B}" { index += 1 }
                if index < scalars.count, scalars[index] == "\u{1B}" { index += 1 }
                index += 1
            case _ where PrintableText.needsEscape(scalar):
                continue
            default:
                result.append(scalar)
            }
        }
        return String(result)
    }
}
