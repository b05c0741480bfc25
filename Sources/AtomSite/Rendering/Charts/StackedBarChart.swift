/// Horizontal stacked bars, one per row: "Tiers by origin".
///
/// Each segment is labelled with its count when it is wide enough, carries a `<title>`
/// ("China — Open weights: 7") and the legend prints every series name, so the chart never
/// relies on colour alone.
public struct StackedBarChart: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        public var label: String
        /// Aligned with the chart's `series`: missing values count as 0, extra ones are ignored.
        public var values: [Int]

        public init(label: String, values: [Int]) {
            self.label = label
            self.values = values
        }
    }

    public var title: String
    /// The text alternative, written into `<desc>`.
    public var description: String
    public var xAxisLabel: String
    public var yAxisLabel: String
    /// Segments in drawing order, e.g. tiers from best to worst.
    public var series: [ChartSeries]
    public var rows: [Row]
    public var format: ValueFormat
    /// Shown instead of bars when there are no rows (or nothing to draw in any).
    public var placeholder = Self.emptyMessage

    /// What the values are, which decides how they are printed.
    public enum ValueFormat: Sendable, Hashable {
        /// Model counts: "12".
        case count
        /// Downloads: "1.2M" on the chart, the whole number in tooltips.
        case downloads
        /// Shares in hundredths of a percent (each row adds up to 10,000): "45.2%".
        case share

        /// The largest value drawn: it keeps totals from overflowing on hostile input.
        var maxValue: Int {
            switch self {
            case .count: 1_000_000_000
            case .downloads: LineChart.maxValue
            case .share: 10_000
            }
        }

        func label(_ value: Int) -> String {
            switch self {
            case .count: String(value)
            case .downloads: NumberFormat.abbreviated(value)
            case .share: NumberFormat.percent(Double(value) / 100)
            }
        }

        func exact(_ value: Int) -> String {
            self == .downloads ? NumberFormat.grouped(value) : label(value)
        }
    }

    public init(title: String, description: String, xAxisLabel: String, yAxisLabel: String,
                series: [ChartSeries], rows: [Row], format: ValueFormat = .count) {
        self.title = title
        self.description = description
        self.xAxisLabel = xAxisLabel
        self.yAxisLabel = yAxisLabel
        self.series = series
        self.rows = rows
        self.format = format
    }

    /// Text shown instead of bars when there are no rows.
    public static let emptyMessage = "No models"

    /// Counts above this are treated as this: it keeps totals from overflowing on hostile input.
    static let maxValue = ValueFormat.count.maxValue

    private static let rowBand = 28.0
    private static let barHeight = 20.0
    private static let labelFont = 12.0
    private static let tickFont = 11.0
    private static let countFont = 11.0
    private static let maxRowLabelWidth = 160.0

    /// The chart as a standalone SVG document; `id` prefixes the ids of `<title>` and `<desc>`.
    public func svg(id: String) -> String {
        guard !rows.isEmpty else {
            return SVGDocument.emptyChart(id: id, title: title, description: description, message: placeholder)
        }
        let pad = SVGDocument.padding
        let width = SVGDocument.width
        let colors = series.map(\.validatedColor)
        let values = rows.map { row in
            series.indices.map { index in
                index < row.values.count ? min(max(row.values[index], 0), format.maxValue) : 0
            }
        }
        let totals = values.map { $0.reduce(0, +) }
        let maxTotal = totals.max() ?? 0
        let step = ChartScale.niceStep(for: Double(maxTotal), maxIntervals: 8)
        let axisEnd = ChartScale.axisEnd(for: Double(maxTotal), step: step)

        let legend = ChartLegend(
            items: series.map { ChartLegend.Item(label: $0.label, color: $0.validatedColor, marker: .square) },
            left: pad, top: 44, right: width - pad)
        let plotTop = 44 + legend.height + (legend.lineCount > 0 ? 14 : 0)
        let rowLabels = rows.map {
            SVGTextWidth.fitting($0.label, maxWidth: Self.maxRowLabelWidth, fontSize: Self.labelFont)
        }
        let labelColumn = rowLabels.map { SVGTextWidth.width(of: $0, fontSize: Self.labelFont) }.max() ?? 0
        let axisTitleColumn = yAxisLabel.isEmpty ? 0.0 : 22.0
        let plotLeft = pad + axisTitleColumn + labelColumn + 8
        let totalColumn = max(28, SVGTextWidth.width(of: format.label(maxTotal), fontSize: Self.labelFont) + 10)
        let plotRight = width - pad - totalColumn
        let plotWidth = plotRight - plotLeft
        let plotBottom = plotTop + Double(rows.count) * Self.rowBand
        let height = plotBottom + 52
        func x(_ value: Int) -> Double { plotLeft + Double(value) / Double(axisEnd) * plotWidth }
        func n(_ value: Double) -> String { SVGNumber.format(value) }

        var out = ""
        out.reserveCapacity(2_000 + rows.count * (300 + series.count * 260))
        SVGDocument.open(id: id, height: height, title: title, description: description, to: &out)
        SVGDocument.heading(title, to: &out)
        legend.append(to: &out)

        // Gridlines and ticks first, so the bars are drawn over them.
        out += "<g class=\"x-axis\" font-size=\"\(n(Self.tickFont))\" text-anchor=\"middle\">\n"
        for tick in stride(from: 0, through: axisEnd, by: step) {
            let tx = n(x(tick))
            out += "<line x1=\"\(tx)\" y1=\"\(n(plotTop))\" x2=\"\(tx)\" y2=\"\(n(plotBottom))\" stroke=\"\(ChartColor.grid)\"/>"
            out += "<line x1=\"\(tx)\" y1=\"\(n(plotBottom))\" x2=\"\(tx)\" y2=\"\(n(plotBottom + 4))\" stroke=\"\(ChartColor.axis)\"/>"
            out += "<text class=\"tick\" x=\"\(tx)\" y=\"\(n(plotBottom + 17))\">\(format.label(tick))</text>\n"
        }
        out += "<line x1=\"\(n(plotLeft))\" y1=\"\(n(plotBottom))\" x2=\"\(n(plotRight))\" y2=\"\(n(plotBottom))\" stroke=\"\(ChartColor.axis)\"/>\n"
        out += "</g>\n"
        SVGDocument.axisTitles(x: xAxisLabel, y: yAxisLabel, plotLeft: plotLeft, plotRight: plotRight,
                               plotTop: plotTop, plotBottom: plotBottom, yTitleWidth: plotBottom - plotTop + 40, fontSize: Self.labelFont, to: &out)

        for (rowIndex, row) in rows.enumerated() {
            let bandTop = plotTop + Double(rowIndex) * Self.rowBand
            let barTop = bandTop + (Self.rowBand - Self.barHeight) / 2
            let baseline = n(barTop + Self.barHeight / 2 + 4)
            out += "<g class=\"bar-row\">\n<text class=\"row-label\" x=\"\(n(plotLeft - 8))\" y=\"\(baseline)\" text-anchor=\"end\">"
            if rowLabels[rowIndex] != row.label {
                out += "<title>"
                SVGText.append(row.label, to: &out)
                out += "</title>"
            }
            SVGText.append(rowLabels[rowIndex], to: &out)
            out += "</text>\n"
            var start = 0
            for (seriesIndex, value) in values[rowIndex].enumerated() where value > 0 {
                let left = x(start)
                let right = x(start + value)
                start += value
                let countText = format.label(value)
                out += "<g class=\"segment\"><title>"
                SVGText.append(row.label, to: &out)
                out += " — "
                SVGText.append(series[seriesIndex].label, to: &out)
                out += ": \(format.exact(value))</title>"
                // The white outline separates neighbouring segments whose colours are close.
                out += "<rect x=\"\(n(left))\" y=\"\(n(barTop))\" width=\"\(n(right - left))\" height=\"\(n(Self.barHeight))\" fill=\"\(colors[seriesIndex])\" stroke=\"\(ChartColor.white)\"/>"
                if right - left >= SVGTextWidth.width(of: countText, fontSize: Self.countFont) + 6 {
                    out += "<text class=\"count\" x=\"\(n((left + right) / 2))\" y=\"\(baseline)\" font-size=\"\(n(Self.countFont))\" text-anchor=\"middle\" fill=\"\(ChartColor.text(on: colors[seriesIndex]))\">\(countText)</text>"
                }
                out += "</g>\n"
            }
            out += "<text class=\"total\" x=\"\(n(x(totals[rowIndex]) + 6))\" y=\"\(baseline)\" font-weight=\"600\">\(format.label(totals[rowIndex]))</text>\n</g>\n"
        }
        SVGDocument.close(to: &out)
        return out
    }
}
