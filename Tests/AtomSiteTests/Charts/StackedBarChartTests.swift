import Testing
@testable import AtomSite

@Suite struct StackedBarChartTests {
    static let tiers = [
        ChartSeries(id: "open-source", label: "Open source", color: "#1a7f37"),
        ChartSeries(id: "open-weights", label: "Open weights", color: "#0969da"),
        ChartSeries(id: "hosted", label: "Hosted only", color: "#cf222e"),
    ]

    func chart(rows: [StackedBarChart.Row], series: [ChartSeries] = tiers,
               title: String = "Tiers by origin") -> StackedBarChart {
        StackedBarChart(title: title, description: "How many models of each tier come from each origin.",
                        xAxisLabel: "Models", yAxisLabel: "Origin", series: series, rows: rows)
    }

    var sample: StackedBarChart {
        chart(rows: [
            .init(label: "United States", values: [3, 7, 2]),
            .init(label: "China", values: [1, 7, 0]),
            .init(label: "Other", values: [0, 0, 1]),
        ])
    }

    @Test func drawsOneBarPerRowAndOneSegmentPerNonZeroValue() throws {
        let svg = sample.svg(id: "tiers-by-origin")
        let root = try ChartXML.parse(svg)
        #expect(ChartChecks.accessibleRoot(root, id: "tiers-by-origin", title: sample.title,
                                           description: sample.description).isEmpty)
        #expect(ChartChecks.inert(root, raw: svg).isEmpty)
        #expect(root.attributes["viewBox"]?.hasPrefix("0 0 720 ") == true)
        #expect(root.attributes["font-family"] == "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif")

        let rows = root.all(class: "bar-row")
        #expect(rows.count == 3)
        #expect(rows.map { $0.all(class: "row-label").first?.textContent } == ["United States", "China", "Other"])
        #expect(rows.map { $0.all(class: "segment").count } == [3, 2, 1])
        #expect(root.all(class: "total").map(\.textContent) == ["12", "8", "1"])

        let segments = root.all(class: "segment")
        #expect(segments.map { $0.child("title")?.textContent } == [
            "United States — Open source: 3", "United States — Open weights: 7", "United States — Hosted only: 2",
            "China — Open source: 1", "China — Open weights: 7", "Other — Hosted only: 1",
        ])
        #expect(segments.compactMap { $0.child("rect")?.attributes["fill"] }
                == ["#1a7f37", "#0969da", "#cf222e", "#1a7f37", "#0969da", "#cf222e"])
        // Every segment is wide enough here: each prints its count.
        #expect(segments.map { $0.all(class: "count").first?.textContent } == ["3", "7", "2", "1", "7", "1"])
    }

    @Test func segmentsStackFromTheAxisInSeriesOrder() throws {
        let root = try ChartXML.parse(sample.svg(id: "t"))
        let rects = root.all(class: "bar-row")[0].all("rect")
        let x = rects.compactMap { $0.number("x") }
        let width = rects.compactMap { $0.number("width") }
        #expect(x.count == 3 && width.count == 3)
        #expect(abs(x[1] - (x[0] + width[0])) <= 0.1)
        #expect(abs(x[2] - (x[1] + width[1])) <= 0.1)
        // 7 is 7/3 of 3, within rounding of the tenths the output keeps.
        #expect(abs(width[1] / width[0] - 7.0 / 3.0) < 0.01)
    }

    @Test func axisHasWholeNumberTicksAndLabels() throws {
        let root = try ChartXML.parse(sample.svg(id: "t"))
        let ticks = root.all(class: "x-axis").first?.all(class: "tick").map(\.textContent)
        #expect(ticks == ["0", "2", "4", "6", "8", "10", "12"])
        #expect(root.all(class: "axis-label").map(\.textContent) == ["Models", "Origin"])
        #expect(root.all(class: "heading").first?.textContent == "Tiers by origin")
    }

    @Test func legendNamesEverySeries() throws {
        let root = try ChartXML.parse(sample.svg(id: "t"))
        let items = root.all(class: "legend-item")
        #expect(items.map { $0.child("text")?.textContent } == ["Open source", "Open weights", "Hosted only"])
        #expect(items.compactMap { $0.child("rect")?.attributes["fill"] } == ["#1a7f37", "#0969da", "#cf222e"])
    }

    @Test func narrowSegmentsKeepTheirTitleButNotTheirCount() throws {
        let root = try ChartXML.parse(chart(rows: [.init(label: "US", values: [1, 200, 0])]).svg(id: "t"))
        let segments = root.all(class: "segment")
        #expect(segments.count == 2)
        #expect(segments[0].child("title")?.textContent == "US — Open source: 1")
        #expect(segments[0].all(class: "count").isEmpty)
        #expect(segments[1].all(class: "count").first?.textContent == "200")
        #expect(root.all(class: "total").first?.textContent == "201")
    }

    @Test func countTextContrastsWithItsSegment() throws {
        let series = [ChartSeries(id: "light", label: "Light", color: "#ffe066"),
                      ChartSeries(id: "dark", label: "Dark", color: "#0b3d1c")]
        let root = try ChartXML.parse(chart(rows: [.init(label: "X", values: [5, 5])], series: series).svg(id: "t"))
        #expect(root.all(class: "count").compactMap { $0.attributes["fill"] } == ["#1f2328", "#ffffff"])
    }

    @Test func raggedNegativeAndHugeValuesAreTamed() throws {
        let root = try ChartXML.parse(chart(rows: [
            .init(label: "Short", values: [4]),
            .init(label: "Negative", values: [-3, 2, 1, 99]),
            .init(label: "Huge", values: [Int.max, Int.max, Int.max]),
        ]).svg(id: "t"))
        #expect(root.all(class: "bar-row").map { $0.all(class: "segment").count } == [1, 2, 3])
        #expect(root.all(class: "total").map(\.textContent) == ["4", "3", "3000000000"])
    }

    @Test func hostileTextIsOnlyEverEscaped() throws {
        let hostile = ChartChecks.hostile
        let chart = StackedBarChart(
            title: hostile, description: hostile, xAxisLabel: hostile, yAxisLabel: hostile,
            series: [ChartSeries(id: hostile, label: hostile, color: "#fff\" onload=\"alert(1)")],
            rows: [.init(label: hostile, values: [4])])
        let svg = chart.svg(id: hostile)
        let root = try ChartXML.parse(svg)
        #expect(ChartChecks.inert(root, raw: svg).isEmpty)
        #expect(!svg.contains("onload=\""))
        #expect(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"))
        #expect(root.all("title").first?.textContent == hostile)
        #expect(root.all("desc").first?.textContent == hostile)
        #expect(root.all(class: "segment").first?.child("title")?.textContent == "\(hostile) — \(hostile): 4")
        #expect(root.all(class: "segment").first?.child("rect")?.attributes["fill"] == "#777777")
        #expect(root.attributes["aria-labelledby"] == "-script-alert-1---script-----x--title -script-alert-1---script-----x--desc")
    }

    @Test func longRowLabelsAreShortenedWithTheFullNameInATitle() throws {
        let name = "The Extremely Long Name Of A Country That Goes On"
        let root = try ChartXML.parse(chart(rows: [.init(label: name, values: [1])]).svg(id: "t"))
        let label = try #require(root.all(class: "row-label").first)
        #expect(label.ownText.hasSuffix("…"))
        #expect(label.child("title")?.textContent == name)
    }

    @Test func noRowsSaysNoModels() throws {
        let empty = chart(rows: [])
        let svg = empty.svg(id: "empty")
        let root = try ChartXML.parse(svg)
        #expect(ChartChecks.accessibleRoot(root, id: "empty", title: empty.title, description: empty.description).isEmpty)
        #expect(root.all(class: "empty").first?.textContent == "No models")
        #expect(root.all(class: "segment").isEmpty)
    }

    @Test func allZeroRowsStillDrawAnAxis() throws {
        let root = try ChartXML.parse(chart(rows: [.init(label: "US", values: [0, 0, 0])]).svg(id: "t"))
        #expect(root.all(class: "segment").isEmpty)
        #expect(root.all(class: "total").first?.textContent == "0")
        #expect(root.all(class: "tick").map(\.textContent) == ["0", "1"])
    }

    @Test func heightGrowsWithRows() throws {
        func height(_ count: Int) throws -> Double {
            let rows = (0..<count).map { StackedBarChart.Row(label: "R\($0)", values: [1, 1, 1]) }
            let viewBox = try #require(ChartXML.parse(chart(rows: rows).svg(id: "t")).attributes["viewBox"])
            return try #require(Double(viewBox.split(separator: " ")[3]))
        }
        #expect(try height(10) - height(5) == 140)
    }
}
