/// Point shapes for the scatter chart and its legend.
///
/// Each series gets a shape as well as a colour, so readers who cannot tell the colours
/// apart (or who print in greyscale) can still tell the series apart.
enum ChartMarker: CaseIterable, Sendable {
    case circle, square, triangle, diamond

    /// Shapes repeat after four series; negative indexes (broken input) still get a shape.
    static func forSeries(_ index: Int) -> ChartMarker {
        let shapes = allCases
        return shapes[((index % shapes.count) + shapes.count) % shapes.count]
    }

    /// Appends the shape centred on (`x`, `y`) and about `size` pixels across.
    ///
    /// `extra` is appended verbatim inside the opening tag (class, stroke) and `title`,
    /// already escaped, becomes the shape's tooltip and accessible name.
    func append(x: Double, y: Double, size: Double, fill: String, extra: String = "",
                escapedTitle: String? = nil, to out: inout String) {
        let half = size / 2
        let tag: String
        switch self {
        case .circle:
            tag = "circle"
            out += "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(half))\""
        case .square:
            // A square looks larger than a circle of the same width; shrink it to match areas.
            let side = size * 0.9
            tag = "rect"
            out += "<rect x=\"\(n(x - side / 2))\" y=\"\(n(y - side / 2))\" width=\"\(n(side))\" height=\"\(n(side))\""
        case .triangle:
            let r = size * 0.6
            tag = "path"
            out += "<path d=\"M\(n(x)) \(n(y - r))L\(n(x + r)) \(n(y + r * 0.77))L\(n(x - r)) \(n(y + r * 0.77))Z\""
        case .diamond:
            let r = size * 0.6
            tag = "path"
            out += "<path d=\"M\(n(x)) \(n(y - r))L\(n(x + r)) \(n(y))L\(n(x)) \(n(y + r))L\(n(x - r)) \(n(y))Z\""
        }
        out += " fill=\"\(fill)\"\(extra)"
        if let escapedTitle {
            out += "><title>\(escapedTitle)</title></\(tag)>"
        } else {
            out += "/>"
        }
    }

    private func n(_ value: Double) -> String { SVGNumber.format(value) }
}
