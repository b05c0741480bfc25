/// Counts over time as small multiples: one panel per group (an origin), each a stack of
/// step areas, one band per series (a tier): "Tiers by origin over time".
///
/// Counts change only at commits, so the areas are steps, not slopes. Panels share one
/// y scale, so their heights compare. Every band carries a `<title>` ("China — Open
/// weights: 3 → 7"), the legend names every series and each panel prints its latest total,
/// so the chart never relies on colour alone; the caller's description is the text
/// alternative.
public struct TierTimelineChart: Sendable, Hashable {
    public struct Point: Sendable, Hashable {
        /// Days since 1970-01-01.
        public var day: Int
        /// Aligned with the chart's `series`: missing values count as 0.
        public var values: [Int]

        public init(day: Int, values: [Int]) {
            self.day = day
            self.values = values
        }
    }

    public struct Panel: Sendable, Hashable {
        public var label: String
        /// In time order; a later point on the same day replaces an earlier one.
        public var points: [Point]

        public init(label: String, points: [Point]) {
            self.label = label
            self.points = points
        }
    }

    public var title: String
    /// The text alternative, written into `<desc>`.
    public var description: String
    /// Stacked from the bottom in this order, e.g. tiers from best to worst.
    public var series: [ChartSeries]
    public var panels: [Panel]
    /// The last day drawn (the data's as-of date): the last counts hold until then.
    public var endDay: Int

    public init(title: String, description: String, series: [ChartSeries], panels: [Panel], endDay: Int) {
        self.title = title
        self.description = description
        self.series = series
        self.panels = panels
        self.endDay = endDay
    }

    public static let emptyMessage = "No history to draw"

    private static let plotHeight = 110.0
    private static let panelGap = 58.0
    private static let tickFont = 11.0
    /// Room at the right for each panel's latest total.
    private static let totalColumn = 40.0

    public func svg(id: String) -> String {
        let panels = self.panels.map { Panel(label: $0.label, points: Self.normalized($0.points, series: series.count)) }.filter { !$0.points.isEmpty }
        guard !panels.isEmpty, !series.isEmpty else {
            return SVGDocument.emptyChart(id: id, title: title, description: description, message: Self.emptyMessage)
        }
        let pad = SVGDocument.padding, width = SVGDocument.width
        let firstDay = panels.compactMap { $0.points.first?.day }.min() ?? endDay
        let lastDay = max(endDay, panels.compactMap { $0.points.last?.day }.max() ?? endDay)
        let axis = DayAxis(start: firstDay, end: lastDay)
        let highest = panels.flatMap { $0.points.map { $0.values.reduce(0, +) } }.max() ?? 0
        let yStep = ChartScale.niceStep(for: Double(highest), maxIntervals: 4)
        let yEnd = ChartScale.axisEnd(for: Double(highest), step: yStep)

        let legend = ChartLegend(items: series.map { ChartLegend.Item(label: $0.label, color: $0.validatedColor, marker: .square) },
                                 left: pad, top: 44, right: width - pad)
        let top = 44 + legend.height + 14
        let plotLeft = pad + SVGTextWidth.width(of: String(yEnd), fontSize: Self.tickFont) + 10
        let plotRight = width - pad - Self.totalColumn
        let height = top + Double(panels.count) * (Self.plotHeight + Self.panelGap)
        func n(_ value: Double) -> String { SVGNumber.format(value) }
        func x(_ day: Int) -> Double { plotLeft + Double(day - axis.start) / Double(axis.end - axis.start) * (plotRight - plotLeft) }

        var out = ""
        out.reserveCapacity(4_000 + panels.count * series.count * 400)
        SVGDocument.open(id: id, height: height, title: title, description: description, to: &out)
        SVGDocument.heading(title, to: &out)
        legend.append(to: &out)
        for (index, panel) in panels.enumerated() {
            let plotTop = top + 20 + Double(index) * (Self.plotHeight + Self.panelGap)
            let plotBottom = plotTop + Self.plotHeight
            func y(_ value: Int) -> Double { plotBottom - Double(min(value, yEnd)) / Double(yEnd) * Self.plotHeight }
            out += "<g class=\"panel\">\n<text class=\"panel-label\" x=\"\(n(plotLeft))\" y=\"\(n(plotTop - 8))\" font-weight=\"600\">"
            SVGText.append(panel.label, to: &out)
            out += "</text>\n<g class=\"y-axis\" font-size=\"\(n(Self.tickFont))\" text-anchor=\"end\">"
            for tick in stride(from: 0, through: yEnd, by: yStep) {
                out += "<line x1=\"\(n(plotLeft))\" y1=\"\(n(y(tick)))\" x2=\"\(n(plotRight))\" y2=\"\(n(y(tick)))\" stroke=\"\(ChartColor.grid)\"/>"
                out += "<text class=\"tick\" x=\"\(n(plotLeft - 6))\" y=\"\(n(y(tick) + 4))\">\(tick)</text>"
            }
            out += "</g>\n"
            appendBands(panel, x: x, y: y, end: axis.end, to: &out)
            out += "<g class=\"x-axis\" font-size=\"\(n(Self.tickFont))\" text-anchor=\"middle\">"
            for tick in axis.ticks {
                out += "<line x1=\"\(n(x(tick.day)))\" y1=\"\(n(plotBottom))\" x2=\"\(n(x(tick.day)))\" y2=\"\(n(plotBottom + 4))\" stroke=\"\(ChartColor.axis)\"/>"
                out += "<text class=\"tick\" x=\"\(n(x(tick.day)))\" y=\"\(n(plotBottom + 17))\">\(tick.label)</text>"
            }
            out += "<line x1=\"\(n(plotLeft))\" y1=\"\(n(plotBottom))\" x2=\"\(n(plotRight))\" y2=\"\(n(plotBottom))\" stroke=\"\(ChartColor.axis)\"/></g>\n"
            let total = panel.points.last.map { $0.values.reduce(0, +) } ?? 0
            out += "<text class=\"total\" x=\"\(n(plotRight + 6))\" y=\"\(n(y(total) + 4))\" font-weight=\"600\">\(total)</text>\n</g>\n"
        }
        SVGDocument.close(to: &out)
        return out
    }

    /// One filled step area per series with a count somewhere, stacked; then the total as
    /// a line, so the outline reads even where neighbouring colours are close.
    private func appendBands(_ panel: Panel, x: (Int) -> Double, y: (Int) -> Double, end: Int, to out: inout String) {
        func n(_ value: Double) -> String { SVGNumber.format(value) }
        let points = panel.points
        // Cumulative tops: tops[k][i] is the top of series i at point k.
        let tops = points.map { point in point.values.reduce(into: [Int]()) { $0.append(($0.last ?? 0) + $1) } }
        func stepPath(_ level: (Int) -> Int, forward: Bool) -> String {
            var path = ""
            let order = forward ? Array(points.indices) : points.indices.reversed()
            for (step, k) in order.enumerated() {
                let from = x(points[k].day), to = x(k + 1 < points.count ? points[k + 1].day : end)
                let (start, finish) = forward ? (from, to) : (to, from)
                path += step == 0 && forward ? "M\(n(start)) \(n(y(level(k))))" : "V\(n(y(level(k))))"
                path += "H\(n(finish))"
            }
            return path
        }
        for (index, item) in series.enumerated() where points.contains(where: { $0.values[index] > 0 }) {
            let upper = stepPath({ tops[$0][index] }, forward: true)
            let lower = stepPath({ index == 0 ? 0 : tops[$0][index - 1] }, forward: false)
            out += "<path class=\"band\" d=\"\(upper)\(lower)Z\" fill=\"\(item.validatedColor)\" stroke=\"\(ChartColor.white)\" stroke-width=\"0.5\"><title>"
            SVGText.append(panel.label, to: &out)
            out += " — "
            SVGText.append(item.label, to: &out)
            out += ": \(points.map { String($0.values[index]) }.joined(separator: " → "))</title></path>\n"
        }
        let total = stepPath({ tops[$0].last ?? 0 }, forward: true)
        out += "<path class=\"total-line\" d=\"\(total)\" fill=\"none\" stroke=\"\(ChartColor.ink)\" stroke-width=\"1.5\"/>\n"
    }

    /// Points in day order, one per day (the last given), values padded or cut to the series.
    static func normalized(_ points: [Point], series: Int) -> [Point] {
        var byDay: [Int: Point] = [:]
        for point in points where ChartDate.supportedDays.contains(point.day) {
            let values = (0..<series).map { $0 < point.values.count ? min(max(point.values[$0], 0), 1_000_000_000) : 0 }
            byDay[point.day] = Point(day: point.day, values: values)
        }
        return byDay.values.sorted { $0.day < $1.day }
    }
}
