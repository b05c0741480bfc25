/// Estimates how wide a string renders, to size badges and to truncate labels before
/// they run into neighbouring marks.
///
/// SVG has no text measurement without a browser, so this uses Verdana's advance widths
/// at 11px (what shields.io badges are drawn in). Verdana is wider than the system fonts
/// the charts use, so for chart labels the estimate errs on the side of too much room.
enum SVGTextWidth {
    /// Verdana advance widths at 11px for ASCII 32 (space) through 126 (`~`).
    private static let asciiAt11px: [Double] = [
        3.87, 4.33, 5.05, 9.00, 6.99, 11.84, 7.99, 2.95, 5.00, 5.00, 6.99, 9.00, 4.00, 5.00, 4.00, 5.00, // space … /
        6.99, 6.99, 6.99, 6.99, 6.99, 6.99, 6.99, 6.99, 6.99, 6.99,                                       // 0 … 9
        5.00, 5.00, 9.00, 9.00, 9.00, 6.00, 11.00,                                                        // : … @
        7.52, 7.54, 7.68, 8.48, 6.96, 6.32, 8.53, 8.26, 4.63, 5.00, 7.62, 6.12, 9.27,                     // A … M
        8.23, 8.66, 6.63, 8.66, 7.65, 7.52, 6.78, 8.05, 7.52, 10.88, 7.54, 6.77, 7.54,                    // N … Z
        5.00, 5.00, 5.00, 9.00, 6.99, 6.99,                                                               // [ … `
        6.61, 6.85, 5.73, 6.85, 6.55, 3.87, 6.85, 6.96, 3.02, 3.79, 6.51, 3.02, 10.68,                    // a … m
        6.96, 6.68, 6.85, 6.85, 4.69, 5.73, 4.33, 6.96, 6.51, 8.98, 6.51, 6.51, 5.76,                     // n … z
        6.98, 5.00, 6.98, 9.00,                                                                           // { … ~
    ]

    static let ellipsis = "…"

    /// Estimated advance width of `character` at `fontSize` pixels.
    static func width(of character: Character, fontSize: Double) -> Double {
        // A grapheme cluster is one glyph on screen; its first scalar decides the class,
        // so combining accents add nothing.
        guard let scalar = character.unicodeScalars.first else { return 0 }
        return widthAt11px(scalar) * fontSize / 11
    }

    static func width(of text: String, fontSize: Double) -> Double {
        var total = 0.0
        for character in text {
            total += width(of: character, fontSize: fontSize)
        }
        return total
    }

    /// `text` unchanged when it fits in `maxWidth`, otherwise its longest prefix that fits
    /// together with a trailing "…"; empty when not even "…" fits.
    static func fitting(_ text: String, maxWidth: Double, fontSize: Double) -> String {
        if width(of: text, fontSize: fontSize) <= maxWidth { return text }
        let budget = maxWidth - width(of: ellipsis, fontSize: fontSize)
        guard budget >= 0 else { return "" }
        var used = 0.0
        var prefix = ""
        for character in text {
            let next = width(of: character, fontSize: fontSize)
            if used + next > budget { break }
            used += next
            prefix.append(character)
        }
        // "Llama 3 …" reads worse than "Llama 3…".
        while let last = prefix.last, last.isWhitespace { prefix.removeLast() }
        return prefix + ellipsis
    }

    private static func widthAt11px(_ scalar: Unicode.Scalar) -> Double {
        let value = scalar.value
        if (32...126).contains(value) { return asciiAt11px[Int(value - 32)] }
        switch value {
        case 0x00B7: return 4.00  // middle dot, as in "Open weights · 43/100"
        case 0x2013: return 6.99  // en dash
        case 0x2014, 0x2026: return 11.00  // em dash, ellipsis
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
             0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1FAFF, 0x20000...0x3FFFD:
            return 11.00  // East Asian wide characters and emoji take a full em
        default:
            return 7.00
        }
    }
}
