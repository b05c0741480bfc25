/// Points against release date, one colour and shape per series: "Points against release
/// date by origin".
///
/// The x axis is labelled by the chart itself (years, or half-years for short ranges)
/// rather than by a caller-supplied closure, which keeps the type a plain `Sendable` value.
public struct ScatterChart: Sendable, Hashable {
    public struct Point: Sendable, Hashable {
        /// Days since 1970-01-01.
        public var x: Double
        public var y: Double
        /// Index into the chart's `series`; out of range draws in the fallback colour.
        public var seriesIndex: Int
        /// The model name, shown in the point's tooltip.
        public var label: String

        public init(x: Double, y: Double, seriesIndex: Int, label: String) {
            self.x = x
            self.y = y
            self.seriesIndex = seriesIndex
            self.label = label
        }
    }

    public var title: String
    /// The text alternative, written into `<desc>`.
    public var description: String
    public var xAxisLabel: String
    public var yAxisLabel: String
    public var series: [ChartSeries]
    public var points: [Point]
    /// Top of the y axis, e.g. 100 for points; raised when a point lies above it.
    public var yMax: Double

    public init(title: String, description: String, xAxisLabel: String, yAxisLabel: String,
                series: [ChartSeries], points: [Point], yMax: Double = 100) {
        self.title = title
        self.description = description
        self.xAxisLabel = xAxisLabel
        self.yAxisLabel = yAxisLabel
        self.series = series
        self.points = points
        self.yMax = yMax
    }

    /// Text shown instead of the plot when no point has a usable date.
    public static let emptyMessage = "No dated models"

    /// Days added on each side when every point falls on one date, so the lone date sits in
    /// the middle of a readable axis instead of dividing by a zero-width range.
    static let singleDatePadding = 90.0
    /// Ranges shorter than this are labelled by half-year: yearly ticks would leave at
    /// most one label on the axis.
    static let halfYearThreshold = 730.0

    private static let plotHeight = 280.0
    private static let markerSize = 10.0
    private static let tickFont = 11.0

    /// An axis position with an optional label; `label` centred on `x`.
    struct Tick: Hashable {
        var x: Double
        var line: Bool
        var label: String?
    }

    /// The x range actually drawn, and where its gridlines and labels go, in day numbers.
    struct TimeAxis: Hashable {
        var start: Double
        var end: Double
        var ticks: [Tick]
    }

    /// The chart as a standalone SVG document; `id` prefixes the ids of `<title>` and `<desc>`.
    public func svg(id: String) -> String {
        // Points without a finite value or a date in years 1–9999 cannot be placed honestly.
        let usable = points.compactMap { point -> (Point, ChartDate)? in
            guard point.y.isFinite, let date = ChartDate(coordinate: point.x) else { return nil }
            return (point, date)
        }
        guard !usable.isEmpty else {
            return SVGDocument.emptyChart(id: id, title: title, description: description, message: Self.emptyMessage)
        }
        let pad = SVGDocument.padding
        let width = SVGDocument.width
        let days = usable.map(\.0.x)
        let timeAxis = Self.timeAxis(minDay: days.min() ?? 0, maxDay: days.max() ?? 0)

        let highest = usable.map(\.0.y).max() ?? 0
        let requested = yMax.isFinite && yMax > 0 ? yMax : 0
        let top = min(max(requested, highest), 1e9)
        let yStep = ChartScale.niceStep(for: top, maxIntervals: 5)
        let yEnd = ChartScale.axisEnd(for: top, step: yStep)

        let legend = ChartLegend(
            items: series.enumerated().map { index, item in
                ChartLegend.Item(label: item.label, color: item.validatedColor, marker: .forSeries(index))
            },
            left: pad, top: 44, right: width - pad)
        let plotTop = 44 + legend.height + (legend.lineCount > 0 ? 18 : 6)
        let plotBottom = plotTop + Self.plotHeight
        let yLabelWidth = SVGTextWidth.width(of: String(yEnd), fontSize: Self.tickFont)
        let plotLeft = pad + (yAxisLabel.isEmpty ? 0 : 22) + yLabelWidth + 10
        // Room for half of the last x label, which is centred on its tick.
        let plotRight = width - pad - 16
        let height = plotBottom + 52
        func px(_ day: Double) -> Double {
            plotLeft + (day - timeAxis.start) / (timeAxis.end - timeAxis.start) * (plotRight - plotLeft)
        }
        func py(_ value: Double) -> Double {
            plotBottom - min(max(value, 0), Double(yEnd)) / Double(yEnd) * Self.plotHeight
        }
        func n(_ value: Double) -> String { SVGNumber.format(value) }

        var out = ""
        out.reserveCapacity(3_000 + usable.count * 260)
        SVGDocument.open(id: id, height: height, title: title, description: description, to: &out)
        SVGDocument.heading(title, to: &out)
        legend.append(to: &out)

        out += "<g class=\"y-axis\" font-size=\"\(n(Self.tickFont))\" text-anchor=\"end\">\n"
        for tick in stride(from: 0, through: yEnd, by: yStep) {
            let ty = n(py(Double(tick)))
            out += "<line x1=\"\(n(plotLeft))\" y1=\"\(ty)\" x2=\"\(n(plotRight))\" y2=\"\(ty)\" stroke=\"\(ChartColor.grid)\"/>"
            out += "<text class=\"tick\" x=\"\(n(plotLeft - 6))\" y=\"\(n(py(Double(tick)) + 4))\">\(tick)</text>\n"
        }
        out += "</g>\n<g class=\"x-axis\" font-size=\"\(n(Self.tickFont))\" text-anchor=\"middle\">\n"
        for tick in timeAxis.ticks {
            let tx = n(px(tick.x))
            if tick.line {
                out += "<line x1=\"\(tx)\" y1=\"\(n(plotTop))\" x2=\"\(tx)\" y2=\"\(n(plotBottom))\" stroke=\"\(ChartColor.grid)\"/>"
                out += "<line x1=\"\(tx)\" y1=\"\(n(plotBottom))\" x2=\"\(tx)\" y2=\"\(n(plotBottom + 4))\" stroke=\"\(ChartColor.axis)\"/>"
            }
            if let label = tick.label {
                out += "<text class=\"tick\" x=\"\(tx)\" y=\"\(n(plotBottom + 17))\">\(label)</text>"
            }
            out += "\n"
        }
        out += "<line x1=\"\(n(plotLeft))\" y1=\"\(n(plotBottom))\" x2=\"\(n(plotRight))\" y2=\"\(n(plotBottom))\" stroke=\"\(ChartColor.axis)\"/>"
        out += "<line x1=\"\(n(plotLeft))\" y1=\"\(n(plotTop))\" x2=\"\(n(plotLeft))\" y2=\"\(n(plotBottom))\" stroke=\"\(ChartColor.axis)\"/>\n</g>\n"
        SVGDocument.axisTitles(x: xAxisLabel, y: yAxisLabel, plotLeft: plotLeft, plotRight: plotRight,
                               plotTop: plotTop, plotBottom: plotBottom, yTitleWidth: Self.plotHeight, fontSize: 12, to: &out)

        out += "<g class=\"points\">\n"
        for (point, date) in usable {
            let known = series.indices.contains(point.seriesIndex)
            var tooltip = ""
            SVGText.append(point.label, to: &tooltip)
            if known {
                tooltip += " — "
                SVGText.append(series[point.seriesIndex].label, to: &tooltip)
            }
            tooltip += " — \(date.iso) — "
            if !yAxisLabel.isEmpty {
                SVGText.append(yAxisLabel, to: &tooltip)
                tooltip += ": "
            }
            tooltip += n(point.y)
            let color = known ? series[point.seriesIndex].validatedColor : ChartSeries.fallbackColor
            // The white outline keeps overlapping points of the same date apart.
            ChartMarker.forSeries(point.seriesIndex).append(
                x: px(point.x), y: py(point.y), size: Self.markerSize, fill: color,
                extra: " class=\"point\" stroke=\"\(ChartColor.white)\"", escapedTitle: tooltip, to: &out)
            out += "\n"
        }
        out += "</g>\n"
        SVGDocument.close(to: &out)
        return out
    }

    /// The drawn x range for data spanning `minDay...maxDay`, with its ticks.
    ///
    /// Ranges of two years or more get a tick on every January 1 (thinned to every 2nd,
    /// 5th, 10th… year when there are many), labelled "2024". Shorter ranges are widened to
    /// whole half-years, with gridlines at each January 1 and July 1 and "2024-H1" labels
    /// centred in each half-year.
    static func timeAxis(minDay: Double, maxDay: Double) -> TimeAxis {
        var start = minDay
        var end = maxDay
        if end - start < 1 {
            start -= singleDatePadding
            end += singleDatePadding
        } else {
            // A little air so the extreme points are not drawn on the axis lines.
            let air = max(7, (end - start) * 0.03)
            start -= air
            end += air
        }

        if end - start < halfYearThreshold {
            var boundary = ChartDate(dayNumber: Int(start.rounded(.down))).startOfHalfYear
            var boundaries = [boundary]
            while Double(boundary.dayNumber) < end {
                boundary = boundary.startOfNextHalfYear
                boundaries.append(boundary)
            }
            var ticks = boundaries.map { Tick(x: Double($0.dayNumber), line: true, label: nil) }
            for (from, to) in zip(boundaries, boundaries.dropFirst()) {
                let middle = Double(from.dayNumber + to.dayNumber) / 2
                ticks.append(Tick(x: middle, line: false, label: from.halfYear))
            }
            return TimeAxis(start: Double(boundaries[0].dayNumber),
                            end: Double(boundaries[boundaries.count - 1].dayNumber), ticks: ticks)
        }

        let firstYear = ChartDate(dayNumber: Int(start.rounded(.down))).year
        let lastYear = ChartDate(dayNumber: Int(end.rounded(.down))).year
        let step = ChartScale.niceStep(for: Double(lastYear - firstYear + 1), maxIntervals: 10)
        var ticks: [Tick] = []
        for year in firstYear...lastYear where year % step == 0 {
            let day = Double(ChartDate(year: year, month: 1, day: 1).dayNumber)
            if day >= start, day <= end {
                ticks.append(Tick(x: day, line: true, label: String(year)))
            }
        }
        return TimeAxis(start: start, end: end, ticks: ticks)
    }
}
