/// A shields.io-style flat badge, e.g. "ATOM openness | Open weights · 43/100", for READMEs
/// and model cards that link back to a scorecard.
public struct Badge: Sendable, Hashable {
    /// Background of the label half; white text on it has a 7.5:1 contrast.
    public static let labelColor = "#555"
    /// Message background for a `color` that is not exactly `#rrggbb`: the darkest common
    /// grey on which white text still reaches 4.5:1 (4.54:1). The chart fallback #777777
    /// would fall just short (4.48:1).
    public static let fallbackColor = "#767676"
    public static let height = 20

    public var label: String
    public var message: String
    /// Message background, `#rrggbb`; the caller picks one white text reads well on.
    public var color: String

    public init(label: String, message: String, color: String) {
        self.label = label
        self.message = message
        self.color = color
    }

    /// Text is centred in each half with this much room on either side.
    private static let padding = 10
    private static let fontFamily = "Verdana,DejaVu Sans,sans-serif"

    /// Estimated rendered width of a text at 11px Verdana, rounded up to whole pixels so
    /// the badge's own width is a whole number.
    static func textWidth(_ text: String) -> Int {
        Int(SVGTextWidth.width(of: text, fontSize: 11).rounded(.up))
    }

    /// Width of the label half; 0 when there is no label, which leaves only the message.
    var labelWidth: Int { label.isEmpty ? 0 : Self.textWidth(label) + 2 * Self.padding }
    var messageWidth: Int { Self.textWidth(message) + 2 * Self.padding }
    /// Total width in pixels, as written into the SVG's `width` attribute.
    public var width: Int { labelWidth + messageWidth }

    public func svg() -> String {
        let fill = ChartColor.validated(color, fallback: Self.fallbackColor)
        var name = ""
        if !label.isEmpty {
            SVGText.append(label, to: &name)
            name += ": "
        }
        SVGText.append(message, to: &name)
        let w = width
        let left = labelWidth

        var out = ""
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(Self.height)\" viewBox=\"0 0 \(w) \(Self.height)\" role=\"img\" aria-label=\"\(name)\">\n"
        out += "<title>\(name)</title>\n"
        // Two rounded rectangles; the small square covers the message half's left
        // corners so the halves meet on a straight edge (no clip path or id needed, so
        // several badges can share one page).
        if left > 0 {
            out += "<rect width=\"\(w)\" height=\"\(Self.height)\" rx=\"3\" fill=\"\(Self.labelColor)\"/>\n"
            out += "<rect x=\"\(left)\" width=\"\(messageWidth)\" height=\"\(Self.height)\" rx=\"3\" fill=\"\(fill)\"/>\n"
            out += "<rect x=\"\(left)\" width=\"4\" height=\"\(Self.height)\" fill=\"\(fill)\"/>\n"
        } else {
            out += "<rect width=\"\(w)\" height=\"\(Self.height)\" rx=\"3\" fill=\"\(fill)\"/>\n"
        }
        out += "<g fill=\"#fff\" text-anchor=\"middle\" font-family=\"\(Self.fontFamily)\" font-size=\"11\">\n"
        if left > 0 {
            appendText(label, centerX: Double(left) / 2, to: &out)
        }
        appendText(message, centerX: Double(left) + Double(messageWidth) / 2, to: &out)
        out += "</g>\n</svg>\n"
        return out
    }

    /// A faint dark copy one pixel lower, then the white text: the shadow keeps white text
    /// legible on lighter message colours. `textLength` squeezes the text into the
    /// estimated width if the reader's font runs wider than Verdana.
    private func appendText(_ text: String, centerX: Double, to out: inout String) {
        guard !text.isEmpty else { return }
        let x = SVGNumber.format(centerX)
        let length = Self.textWidth(text)
        var escaped = ""
        SVGText.append(text, to: &escaped)
        out += "<text aria-hidden=\"true\" x=\"\(x)\" y=\"15\" fill=\"#010101\" fill-opacity=\".3\" textLength=\"\(length)\">\(escaped)</text>\n"
        out += "<text x=\"\(x)\" y=\"14\" textLength=\"\(length)\">\(escaped)</text>\n"
    }
}
