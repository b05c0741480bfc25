/// Values against dates, one line per series: "Downloads by origin over time", and the
/// small cumulative-downloads chart of a scorecard.
///
/// Every point is a marker with a `<title>` (series, date, value and the caller's note),
/// each series has its own shape as well as colour, and the legend names every series, so
/// the chart never relies on colour alone. The y axis starts at 0 and its labels are
/// abbreviated ("1.2M"); titles give the whole number.
public struct LineChart: Sendable, Hashable {
    public struct Point: Sendable, Hashable {
        /// Days since 1970-01-01.
        public var day: Int
        public var value: Int
        /// Appended to the point's tooltip, e.g. "figures for 12 models".
        public var note: String

        public init(day: Int, value: Int, note: String = "") {
            self.day = day
            self.value = value
            self.note = note
        }
    }

    public struct Line: Sendable, Hashable {
        public var series: ChartSeries
        /// Any order; drawn by date.
        public var points: [Point]

        public init(series: ChartSeries, points: [Point]) {
            self.series = series
            self.points = points
        }
    }

    public var title: String
    /// The text alternative, written into `<desc>`.
    public var description: String
    public var xAxisLabel: String
    public var yAxisLabel: String
    public var lines: [Line]
    /// A short chart without a legend, for one series inside a page's text.
    public var compact: Bool

    public init(title: String, description: String, xAxisLabel: String, yAxisLabel: String, lines: [Line], compact: Bool = false) {
        self.title = title
        self.description = description
        self.xAxisLabel = xAxisLabel
        self.yAxisLabel = yAxisLabel
        self.lines = lines
        self.compact = compact
    }

    public static let emptyMessage = "No figures yet"

    /// Values above this are drawn at this: it keeps the axis arithmetic from overflowing on
    /// hostile input (a thousand times the Hub's all-time total).
    static let maxValue = 1_000_000_000_000_000

    private static let tickFont = 11.0
    private static let markerSize = 9.0

    /// The chart as a standalone SVG document; `id` prefixes the ids of `<title>` and `<desc>`.
    public func svg(id: String) -> String {
        // Dates outside years 1–9999 and negative values cannot be placed honestly.
        let drawn = lines.map { line in
            line.points.filter { ChartDate.supportedDays.contains($0.day) && $0.value >= 0 }.sorted { $0.day < $1.day }
                .map { Point(day: $0.day, value: min($0.value, Self.maxValue), note: $0.note) }
        }
        let all = drawn.flatMap { $0 }
        guard !all.isEmpty else {
            return SVGDocument.emptyChart(id: id, title: title, description: description, message: Self.emptyMessage)
        }
        let pad = SVGDocument.padding, width = SVGDocument.width
        // Days, months or years as the span needs: a scorecard's series may cover weeks, and
        // the release scatter's half-year axis would squeeze it into a sliver. A little air
        // keeps the first and last points off the axis lines.
        let firstDay = all.map(\.day).min() ?? 0, lastDay = all.map(\.day).max() ?? 0
        let air = max(1, (lastDay - firstDay) / 30)
        let timeAxis = DayAxis(start: firstDay - air, end: lastDay + air)
        let highest = Double(all.map(\.value).max() ?? 0)
        let yStep = ChartScale.niceStep(for: highest, maxIntervals: compact ? 3 : 5)
        let yEnd = ChartScale.axisEnd(for: highest, step: yStep)
        let plotHeight = compact ? 110.0 : 260.0

        let legend = ChartLegend(
            items: compact ? [] : lines.enumerated().map { index, line in
                ChartLegend.Item(label: line.series.label, color: line.series.validatedColor, marker: .forSeries(index))
            },
            left: pad, top: 44, right: width - pad)
        let plotTop = 44 + legend.height + (legend.lineCount > 0 ? 18 : 6)
        let plotBottom = plotTop + plotHeight
        let yLabelWidth = SVGTextWidth.width(of: NumberFormat.abbreviated(yEnd), fontSize: Self.tickFont)
        let plotLeft = pad + (yAxisLabel.isEmpty ? 0 : 22) + yLabelWidth + 10
        let plotRight = width - pad - 16
        func px(_ day: Int) -> Double {
            plotLeft + Double(day - timeAxis.start) / Double(timeAxis.end - timeAxis.start) * (plotRight - plotLeft)
        }
        func py(_ value: Int) -> Double { plotBottom - Double(min(value, yEnd)) / Double(yEnd) * plotHeight }
        func n(_ value: Double) -> String { SVGNumber.format(value) }

        var out = ""
        out.reserveCapacity(3_000 + all.count * 300)
        SVGDocument.open(id: id, height: plotBottom + 52, title: title, description: description, to: &out)
        SVGDocument.heading(title, to: &out)
        legend.append(to: &out)

        out += "<g class=\"y-axis\" font-size=\"\(n(Self.tickFont))\" text-anchor=\"end\">\n"
        for tick in stride(from: 0, through: yEnd, by: yStep) {
            let ty = n(py(tick))
            out += "<line x1=\"\(n(plotLeft))\" y1=\"\(ty)\" x2=\"\(n(plotRight))\" y2=\"\(ty)\" stroke=\"\(ChartColor.grid)\"/>"
            out += "<text class=\"tick\" x=\"\(n(plotLeft - 6))\" y=\"\(n(py(tick) + 4))\">\(NumberFormat.abbreviated(tick))</text>\n"
        }
        out += "</g>\n<g class=\"x-axis\" font-size=\"\(n(Self.tickFont))\" text-anchor=\"middle\">\n"
        for tick in timeAxis.ticks {
            let tx = n(px(tick.day))
            out += "<line x1=\"\(tx)\" y1=\"\(n(plotTop))\" x2=\"\(tx)\" y2=\"\(n(plotBottom))\" stroke=\"\(ChartColor.grid)\"/>"
            out += "<text class=\"tick\" x=\"\(tx)\" y=\"\(n(plotBottom + 17))\">\(tick.label)</text>\n"
        }
        out += "<line x1=\"\(n(plotLeft))\" y1=\"\(n(plotBottom))\" x2=\"\(n(plotRight))\" y2=\"\(n(plotBottom))\" stroke=\"\(ChartColor.axis)\"/>"
        out += "<line x1=\"\(n(plotLeft))\" y1=\"\(n(plotTop))\" x2=\"\(n(plotLeft))\" y2=\"\(n(plotBottom))\" stroke=\"\(ChartColor.axis)\"/>\n</g>\n"
        SVGDocument.axisTitles(x: xAxisLabel, y: yAxisLabel, plotLeft: plotLeft, plotRight: plotRight,
                               plotTop: plotTop, plotBottom: plotBottom, yTitleWidth: plotHeight, fontSize: 12, to: &out)

        for (index, line) in lines.enumerated() where !drawn[index].isEmpty {
            let color = line.series.validatedColor
            out += "<g class=\"line\">\n"
            if drawn[index].count > 1 {
                let path = drawn[index].map { "\(n(px($0.day))),\(n(py($0.value)))" }.joined(separator: " ")
                out += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"/>\n"
            }
            for point in drawn[index] {
                var tooltip = ""
                SVGText.append(line.series.label, to: &tooltip)
                tooltip += " — \(ChartDate(dayNumber: point.day).iso) — \(NumberFormat.grouped(point.value))"
                if !yAxisLabel.isEmpty {
                    tooltip += " "
                    SVGText.append(yAxisLabel.lowercased(), to: &tooltip)
                }
                if !point.note.isEmpty {
                    tooltip += " ("
                    SVGText.append(point.note, to: &tooltip)
                    tooltip += ")"
                }
                ChartMarker.forSeries(index).append(x: px(point.day), y: py(point.value), size: Self.markerSize, fill: color,
                                                    extra: " class=\"point\" stroke=\"\(ChartColor.white)\"", escapedTitle: tooltip, to: &out)
                out += "\n"
            }
            out += "</g>\n"
        }
        SVGDocument.close(to: &out)
        return out
    }
}
