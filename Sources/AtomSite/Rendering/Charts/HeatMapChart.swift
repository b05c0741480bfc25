/// One row per model, one cell per axis, shaded by level: "Every model's four axis levels".
///
/// Every cell prints its level, so the shading only reinforces what the text already says.
/// Output grows linearly: the document is appended into one reserved buffer, which keeps a
/// 10,000-model table fast and the file compact (one line per row).
public struct HeatMapChart: Sendable, Hashable {
    public struct Cell: Sendable, Hashable {
        /// 0 for the lowest level, `maxRank` for the top one.
        public var rank: Int
        public var maxRank: Int
        /// The level's label, printed in the cell (shortened if needed) and in its tooltip.
        public var text: String

        public init(rank: Int, maxRank: Int, text: String) {
            self.rank = rank
            self.maxRank = maxRank
            self.text = text
        }
    }

    public struct Row: Sendable, Hashable {
        /// The model's name.
        public var label: String
        /// Aligned with the chart's `columns`: extra cells are ignored, missing ones left blank.
        public var cells: [Cell]

        public init(label: String, cells: [Cell]) {
            self.label = label
            self.cells = cells
        }
    }

    public var title: String
    /// The text alternative, written into `<desc>`.
    public var description: String
    /// Axis names, left to right.
    public var columns: [String]
    public var rows: [Row]

    public init(title: String, description: String, columns: [String], rows: [Row]) {
        self.title = title
        self.description = description
        self.columns = columns
        self.rows = rows
    }

    /// Text shown instead of the table when there are no rows.
    public static let emptyMessage = "No models"

    /// Light grey (lowest level) to dark green (top level), with the text colour each needs.
    ///
    /// WCAG 2 contrast ratios, computed from relative luminance:
    /// - `#eaeef2` with ink `#1f2328`: 13.55:1
    /// - `#c6e9c9` with ink `#1f2328`: 11.96:1
    /// - `#7fc98a` with ink `#1f2328`: 7.99:1
    /// - `#2a7a3b` with white: 5.32:1
    /// - `#0e4420` with white: 11.25:1
    /// All are above the 4.5:1 that WCAG AA asks of normal-size text.
    static let palette: [(fill: String, text: String)] = [
        ("#eaeef2", ChartColor.ink),
        ("#c6e9c9", ChartColor.ink),
        ("#7fc98a", ChartColor.ink),
        ("#2a7a3b", ChartColor.white),
        ("#0e4420", ChartColor.white),
    ]

    static let rowHeight = 18.0
    private static let fontSize = 11.0
    private static let headerFont = 12.0
    private static let labelLeft = SVGDocument.padding
    private static let gridLeft = 216.0
    private static let gridTop = 62.0

    /// Palette step for a cell: rank 0 is the first step, `maxRank` the last, and ranks in
    /// between are spread evenly over the steps between them.
    static func paletteIndex(rank: Int, maxRank: Int) -> Int {
        guard maxRank > 0 else { return 0 }
        let clamped = min(max(rank, 0), maxRank)
        let position = Double(clamped) / Double(maxRank) * Double(palette.count - 1)
        return min(max(Int(position.rounded()), 0), palette.count - 1)
    }

    /// The chart as a standalone SVG document; `id` prefixes the ids of `<title>` and `<desc>`.
    public func svg(id: String) -> String {
        guard !rows.isEmpty else {
            return SVGDocument.emptyChart(id: id, title: title, description: description, message: Self.emptyMessage)
        }
        let gridRight = SVGDocument.width - SVGDocument.padding
        let columnWidth = (gridRight - Self.gridLeft) / Double(max(columns.count, 1))
        let cellTextWidth = columnWidth - 6
        let labelWidth = Self.gridLeft - Self.labelLeft - 8
        let height = Self.gridTop + Double(rows.count) * Self.rowHeight + SVGDocument.padding
        func n(_ value: Double) -> String { SVGNumber.format(value) }
        // Per-column positions are the same on every row; format them once.
        let cellX = columns.indices.map { n(Self.gridLeft + Double($0) * columnWidth + 1) }
        let textX = columns.indices.map { n(Self.gridLeft + (Double($0) + 0.5) * columnWidth) }
        let cellWidth = n(columnWidth - 2)

        var out = ""
        out.reserveCapacity(2_000 + rows.count * (120 + columns.count * 190))
        SVGDocument.open(id: id, height: height, title: title, description: description, to: &out)
        SVGDocument.heading(title, to: &out)

        out += "<g class=\"columns\" font-size=\"\(n(Self.headerFont))\" font-weight=\"600\" text-anchor=\"middle\">\n"
        for (index, column) in columns.enumerated() {
            let shown = SVGTextWidth.fitting(column, maxWidth: cellTextWidth, fontSize: Self.headerFont)
            out += "<text class=\"column\" x=\"\(textX[index])\" y=\"\(n(Self.gridTop - 8))\">"
            appendTitleIfShortened(full: column, shown: shown, to: &out)
            SVGText.append(shown, to: &out)
            out += "</text>\n"
        }
        // Attributes every cell shares sit on the group, which keeps each of the (possibly
        // tens of thousands of) cells short.
        out += "</g>\n<g class=\"grid\" font-size=\"\(n(Self.fontSize))\" text-anchor=\"middle\">\n"

        // A level label repeats on thousands of rows; shorten each distinct one only once.
        var shortened: [String: String] = [:]
        for (rowIndex, row) in rows.enumerated() {
            let top = Self.gridTop + Double(rowIndex) * Self.rowHeight
            let cellY = n(top + 1)
            let baseline = n(top + 13)
            let label = SVGTextWidth.fitting(row.label, maxWidth: labelWidth, fontSize: Self.fontSize)
            out += "<g class=\"heat-row\"><text class=\"row-label\" x=\"\(n(Self.labelLeft))\" y=\"\(baseline)\" text-anchor=\"start\">"
            appendTitleIfShortened(full: row.label, shown: label, to: &out)
            SVGText.append(label, to: &out)
            out += "</text>"
            for (columnIndex, cell) in zip(columns.indices, row.cells) {
                let colors = Self.palette[Self.paletteIndex(rank: cell.rank, maxRank: cell.maxRank)]
                let shown: String
                if let cached = shortened[cell.text] {
                    shown = cached
                } else {
                    shown = SVGTextWidth.fitting(cell.text, maxWidth: cellTextWidth, fontSize: Self.fontSize)
                    shortened[cell.text] = shown
                }
                out += "<g class=\"cell\"><title>"
                SVGText.append(row.label, to: &out)
                out += " — "
                SVGText.append(columns[columnIndex], to: &out)
                out += ": "
                SVGText.append(cell.text, to: &out)
                out += "</title><rect x=\"\(cellX[columnIndex])\" y=\"\(cellY)\" width=\"\(cellWidth)\" height=\"16\" fill=\"\(colors.fill)\"/>"
                if !shown.isEmpty {
                    out += "<text x=\"\(textX[columnIndex])\" y=\"\(baseline)\""
                    // Ink is inherited from the root; only white text needs saying.
                    if colors.text != ChartColor.ink { out += " fill=\"\(colors.text)\"" }
                    out += ">"
                    SVGText.append(shown, to: &out)
                    out += "</text>"
                }
                out += "</g>"
            }
            out += "</g>\n"
        }
        out += "</g>\n"
        SVGDocument.close(to: &out)
        return out
    }

    private func appendTitleIfShortened(full: String, shown: String, to out: inout String) {
        guard shown != full else { return }
        out += "<title>"
        SVGText.append(full, to: &out)
        out += "</title>"
    }
}
