/// A row of swatches with their labels, wrapping onto more lines when it runs out of width.
///
/// The label is always printed next to the swatch, so the colour is never the only way to
/// tell which series is which.
struct ChartLegend: Sendable {
    struct Item: Sendable {
        var label: String
        var color: String
        var marker: ChartMarker
    }

    static let fontSize = 12.0
    static let lineHeight = 20.0
    static let swatchSize = 12.0
    /// A single very long label must not push every other item off the chart.
    static let maxLabelWidth = 220.0

    private struct Placed {
        var item: Item
        var text: String
        var x: Double
        var line: Int
    }

    private let placed: [Placed]
    private let top: Double
    let lineCount: Int

    /// Vertical space the legend takes, 0 when there are no items.
    var height: Double { Double(lineCount) * Self.lineHeight }

    init(items: [Item], left: Double, top: Double, right: Double) {
        var placed: [Placed] = []
        var x = left
        var line = 0
        for item in items {
            let text = SVGTextWidth.fitting(item.label, maxWidth: Self.maxLabelWidth, fontSize: Self.fontSize)
            let width = Self.swatchSize + 6 + SVGTextWidth.width(of: text, fontSize: Self.fontSize)
            if x > left, x + width > right {
                line += 1
                x = left
            }
            placed.append(Placed(item: item, text: text, x: x, line: line))
            x += width + 18
        }
        self.placed = placed
        self.top = top
        self.lineCount = items.isEmpty ? 0 : line + 1
    }

    func append(to out: inout String) {
        guard !placed.isEmpty else { return }
        out += "<g class=\"legend\" font-size=\"\(SVGNumber.format(Self.fontSize))\">\n"
        for entry in placed {
            let centerY = top + Double(entry.line) * Self.lineHeight + Self.swatchSize / 2
            out += "<g class=\"legend-item\">"
            entry.item.marker.append(x: entry.x + Self.swatchSize / 2, y: centerY, size: Self.swatchSize,
                                     fill: entry.item.color, to: &out)
            out += "<text x=\"\(SVGNumber.format(entry.x + Self.swatchSize + 6))\" y=\"\(SVGNumber.format(centerY + 4))\">"
            if entry.text != entry.item.label {
                out += "<title>"
                SVGText.append(entry.item.label, to: &out)
                out += "</title>"
            }
            SVGText.append(entry.text, to: &out)
            out += "</text></g>\n"
        }
        out += "</g>\n"
    }
}
