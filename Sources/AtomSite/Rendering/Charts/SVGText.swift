/// Makes untrusted text safe to place in SVG text content and attribute values.
///
/// Labels, model names and titles come from YAML files anyone can send in a pull request,
/// so every one of them goes through here before it reaches the markup.
public enum SVGText {
    /// Escapes `&`, `<`, `>`, `"` and `'`, so the result is safe both between tags and
    /// inside single- or double-quoted attributes.
    ///
    /// Characters that XML 1.0 forbids even when escaped (most C0 controls, U+FFFE, U+FFFF)
    /// become U+FFFD: one stray control character in a manifest must not make the whole
    /// page's SVG fail to parse.
    public static func escape(_ text: String) -> String {
        var out = ""
        append(text, to: &out)
        return out
    }

    /// Appends the escaped text to `out`, so large documents avoid a temporary string per label.
    static func append(_ text: String, to out: inout String) {
        // Most labels need no change; copying them whole is much faster than scalar by scalar.
        guard text.unicodeScalars.contains(where: needsRewrite) else {
            out += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if isForbiddenInXML(scalar) {
                    out.unicodeScalars.append("\u{FFFD}")
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
    }

    private static func needsRewrite(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "&", "<", ">", "\"", "'": true
        default: isForbiddenInXML(scalar)
        }
    }

    private static func isForbiddenInXML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: false
        case 0..<0x20, 0xFFFE, 0xFFFF: true
        default: false
        }
    }
}
