import Testing
@testable import AtomSite

/// The time-series chart, the download formats of the stacked bars, and the numbers they print.
@Suite struct LineChartTests {
    static let series = [ChartSeries(id: "us", label: "United States", color: "#0550ae"),
                         ChartSeries(id: "cn", label: "China", color: "#cf222e")]

    var sample: LineChart {
        LineChart(title: "Downloads by origin over time", description: "Downloads summed by origin.", xAxisLabel: "Snapshot date",
                  yAxisLabel: "Downloads", lines: [
                      .init(series: Self.series[0], points: [.init(day: 20_240, value: 1_100_000, note: "figures for 2 models"),
                                                             .init(day: 20_210, value: 900_000, note: "figures for 1 model")]),
                      .init(series: Self.series[1], points: [.init(day: 20_284, value: 8_000_000)]),
                  ])
    }

    @Test func drawsALinePerSeriesAndAMarkerWithItsNumbersPerPoint() throws {
        let svg = sample.svg(id: "adoption-by-origin")
        let root = try ChartXML.parse(svg)
        #expect(ChartChecks.accessibleRoot(root, id: "adoption-by-origin", title: sample.title, description: sample.description).isEmpty)
        #expect(ChartChecks.inert(root, raw: svg).isEmpty)
        // A line needs two points; China's single figure is a marker only.
        #expect(root.all("polyline").count == 1)
        let titles = root.all(class: "point").compactMap { $0.child("title")?.textContent }
        #expect(titles == ["United States — 2025-05-02 — 900,000 downloads (figures for 1 model)",
                           "United States — 2025-06-01 — 1,100,000 downloads (figures for 2 models)",
                           "China — 2025-07-15 — 8,000,000 downloads"])
        #expect(root.all(class: "legend-item").map(\.textContent) == ["United States", "China"])
        // The y axis starts at 0 and reads in abbreviated numbers.
        let ticks = root.all(class: "y-axis").first?.all(class: "tick").map(\.textContent) ?? []
        #expect(ticks.first == "0" && ticks.last == "8M")
    }

    @Test func withoutPointsItSaysSoAndACompactChartHasNoLegend() throws {
        let empty = LineChart(title: "T", description: "D", xAxisLabel: "", yAxisLabel: "", lines: [.init(series: Self.series[0], points: [])])
        #expect(try ChartXML.parse(empty.svg(id: "e")).all(class: "empty").first?.textContent == LineChart.emptyMessage)
        var compact = sample
        compact.compact = true
        #expect(try ChartXML.parse(compact.svg(id: "c")).all(class: "legend").isEmpty)
    }

    @Test func hostileValuesAreClampedOrDropped() throws {
        let chart = LineChart(title: "T", description: "D", xAxisLabel: "", yAxisLabel: "Downloads", lines: [
            .init(series: Self.series[0], points: [.init(day: 20_000, value: Int.max), .init(day: 20_010, value: -5),
                                                   .init(day: Int.max, value: 3), .init(day: 20_020, value: 7)]),
        ])
        let root = try ChartXML.parse(chart.svg(id: "h"))
        #expect(root.all(class: "point").count == 2)
    }

    @Test func stackedBarsPrintDownloadsShortAndInFullInTooltips() throws {
        let chart = StackedBarChart(title: "Downloads by origin and tier", description: "D", xAxisLabel: "Downloads", yAxisLabel: "Origin",
                                    series: Self.series, rows: [.init(label: "All", values: [1_234_567, 8_000_000])], format: .downloads)
        let root = try ChartXML.parse(chart.svg(id: "d"))
        #expect(root.all(class: "segment").compactMap { $0.child("title")?.textContent } == ["All — United States: 1,234,567", "All — China: 8,000,000"])
        #expect(root.all(class: "total").map(\.textContent) == ["9.2M"])
        var shares = StackedBarChart(title: "Share", description: "D", xAxisLabel: "", yAxisLabel: "", series: Self.series,
                                     rows: [.init(label: "All", values: AdoptionGraphics.hundredthsOfPercent([1, 2]))], format: .share)
        let shareRoot = try ChartXML.parse(shares.svg(id: "s"))
        #expect(shareRoot.all(class: "total").map(\.textContent) == ["100%"])
        #expect(shareRoot.all(class: "x-axis").first?.all(class: "tick").last?.textContent == "100%")
        shares.rows = []
        shares.placeholder = "No figures yet"
        #expect(try ChartXML.parse(shares.svg(id: "s")).all(class: "empty").first?.textContent == "No figures yet")
    }

    @Test func sharesAddUpToExactlyOneHundredPercent() {
        #expect(AdoptionGraphics.hundredthsOfPercent([1, 1, 1]) == [3_334, 3_333, 3_333])
        #expect(AdoptionGraphics.hundredthsOfPercent([1, 2]).reduce(0, +) == 10_000)
        #expect(AdoptionGraphics.hundredthsOfPercent([0, 0]) == [0, 0])
        #expect(AdoptionGraphics.hundredthsOfPercent([Int.max, Int.max]).reduce(0, +) == 10_000)
    }

    @Test func numbersAreAbbreviatedForAxes() {
        #expect(NumberFormat.abbreviated(950) == "950")
        #expect(NumberFormat.abbreviated(12_000) == "12K")
        #expect(NumberFormat.abbreviated(1_234_567) == "1.2M")
        #expect(NumberFormat.abbreviated(3_400_000_000) == "3.4B")
        #expect(NumberFormat.abbreviated(2_000_000_000_000) == "2T")
        #expect(RelativeAdoptionFormat.ratio(2.75) == "2.75")
        #expect(RelativeAdoptionFormat.ratio(0.5) == "0.50")
        #expect(RelativeAdoptionFormat.ratio(12.34) == "12.3")
    }

    @Test func countsAreGroupedByThousands() {
        #expect(NumberFormat.grouped(0) == "0")
        #expect(NumberFormat.grouped(999) == "999")
        #expect(NumberFormat.grouped(1_000) == "1,000")
        #expect(NumberFormat.grouped(12_345_678) == "12,345,678")
        #expect(NumberFormat.grouped(-1_234) == "-1,234")
        #expect(NumberFormat.grouped(Int.min) == "-9,223,372,036,854,775,808")
    }

    @Test func evidenceLabelsAreShortenedByCharactersNotBytes() {
        #expect(AxisContext.shortLabel("https://www.example.org/a/") == "example.org/a")
        let long = "https://huggingface.co/organization/a-very-long-model-name-indeed"
        #expect(AxisContext.shortLabel(long) == "huggingface.co/organization/a-very-long…")
        // 30 characters but 90 bytes: not shortened.
        let wide = "https://" + String(repeating: "模", count: 30)
        #expect(AxisContext.shortLabel(wide) == String(repeating: "模", count: 30))
        // 40 characters in 41 bytes: é counts once, so nothing is cut.
        let accented = "https://example.org/" + String(repeating: "a", count: 27) + "é"
        #expect(AxisContext.shortLabel(accented) == "example.org/" + String(repeating: "a", count: 27) + "é")
        let longer = "https://example.org/" + String(repeating: "é", count: 30)
        #expect(AxisContext.shortLabel(longer) == "example.org/" + String(repeating: "é", count: 27) + "…")
    }
}
