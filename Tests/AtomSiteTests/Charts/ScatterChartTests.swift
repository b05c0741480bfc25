import Testing
@testable import AtomSite

@Suite struct ScatterChartTests {
    static let origins = [
        ChartSeries(id: "us", label: "United States", color: "#0969da"),
        ChartSeries(id: "cn", label: "China", color: "#cf222e"),
        ChartSeries(id: "other", label: "Other", color: "#6e7781"),
        ChartSeries(id: "eu", label: "Europe", color: "#8250df"),
    ]

    static let points: [ScatterChart.Point] = [
        .init(x: 19927, y: 28, seriesIndex: 0, label: "Llama 3.1 405B"),   // 2024-07-23
        .init(x: 20207, y: 43, seriesIndex: 1, label: "Qwen3 235B"),       // 2025-04-29
        .init(x: 20160, y: 100, seriesIndex: 0, label: "OLMo 2 32B"),      // 2025-03-13
        .init(x: 19502, y: 57.5, seriesIndex: 2, label: "Falcon 40B"),     // 2023-05-25
        .init(x: 20045, y: 20, seriesIndex: 3, label: "Mistral Large"),    // 2024-11-18
    ]

    func chart(_ points: [ScatterChart.Point] = points, yMax: Double = 100) -> ScatterChart {
        ScatterChart(title: "Points against release date by origin",
                     description: "Each model's total points, by release date and origin.",
                     xAxisLabel: "Release date", yAxisLabel: "Points",
                     series: Self.origins, points: points, yMax: yMax)
    }

    @Test func drawsEveryPointWithItsTooltip() throws {
        let sample = chart()
        let svg = sample.svg(id: "points-by-date")
        let root = try ChartXML.parse(svg)
        #expect(ChartChecks.accessibleRoot(root, id: "points-by-date", title: sample.title,
                                           description: sample.description).isEmpty)
        #expect(ChartChecks.inert(root, raw: svg).isEmpty)
        let drawn = root.all(class: "point")
        #expect(drawn.count == 5)
        #expect(drawn.map { $0.child("title")?.textContent } == [
            "Llama 3.1 405B — United States — 2024-07-23 — Points: 28",
            "Qwen3 235B — China — 2025-04-29 — Points: 43",
            "OLMo 2 32B — United States — 2025-03-13 — Points: 100",
            "Falcon 40B — Other — 2023-05-25 — Points: 57.5",
            "Mistral Large — Europe — 2024-11-18 — Points: 20",
        ])
        #expect(drawn.compactMap { $0.attributes["fill"] } == ["#0969da", "#cf222e", "#0969da", "#6e7781", "#8250df"])
    }

    @Test func seriesDifferInShapeAsWellAsColour() throws {
        let root = try ChartXML.parse(chart().svg(id: "t"))
        let drawn = root.all(class: "point")
        #expect(drawn.map(\.name) == ["circle", "rect", "circle", "path", "path"])
        // Triangle: three corners; diamond: four.
        #expect(drawn[3].attributes["d"]?.filter { $0 == "L" }.count == 2)
        #expect(drawn[4].attributes["d"]?.filter { $0 == "L" }.count == 3)
        let items = root.all(class: "legend-item")
        #expect(items.map { $0.child("text")?.textContent } == ["United States", "China", "Other", "Europe"])
        #expect(items.map { $0.children.first?.name } == ["circle", "rect", "path", "path"])
        #expect(ChartMarker.forSeries(4) == .circle)
        #expect(ChartMarker.forSeries(-1) == .diamond)
    }

    @Test func positionsFollowDateAndValue() throws {
        let root = try ChartXML.parse(chart().svg(id: "t"))
        let drawn = root.all(class: "point")
        let llama = drawn[0], olmo = drawn[2]
        #expect(try #require(llama.number("cx")) < #require(olmo.number("cx")))
        // Higher points are drawn higher up, i.e. at a smaller y.
        #expect(try #require(olmo.number("cy")) < #require(llama.number("cy")))
    }

    @Test func longRangesTickEveryJanuaryFirst() throws {
        let root = try ChartXML.parse(chart().svg(id: "t"))
        let xLabels = root.all(class: "x-axis").first?.all(class: "tick").map(\.textContent)
        #expect(xLabels == ["2024", "2025"])
        let yLabels = root.all(class: "y-axis").first?.all(class: "tick").map(\.textContent)
        #expect(yLabels == ["0", "20", "40", "60", "80", "100"])
        #expect(root.all(class: "axis-label").map(\.textContent) == ["Release date", "Points"])

        let axis = ScatterChart.timeAxis(minDay: 19502, maxDay: 20207)
        #expect(axis.ticks.map(\.x) == [19723, 20089])
        #expect(axis.ticks.allSatisfy { $0.line })
    }

    @Test func veryLongRangesThinTheirYearTicks() {
        let axis = ScatterChart.timeAxis(minDay: 0, maxDay: 21915)  // 1970 to 2030
        let labels = axis.ticks.compactMap(\.label)
        #expect(labels == ["1970", "1980", "1990", "2000", "2010", "2020", "2030"])
    }

    @Test func rangesUnderTwoYearsAreLabelledByHalfYear() throws {
        let points: [ScatterChart.Point] = [
            .init(x: 19783, y: 40, seriesIndex: 0, label: "A"),  // 2024-03-01
            .init(x: 20011, y: 60, seriesIndex: 1, label: "B"),  // 2024-10-15
        ]
        let root = try ChartXML.parse(chart(points).svg(id: "t"))
        let xLabels = root.all(class: "x-axis").first?.all(class: "tick").map(\.textContent)
        #expect(xLabels == ["2024-H1", "2024-H2"])
        let axis = ScatterChart.timeAxis(minDay: 19783, maxDay: 20011)
        #expect(axis.start == 19723 && axis.end == 20089)
        #expect(axis.ticks.filter(\.line).map(\.x) == [19723, 19905, 20089])
    }

    @Test func aSingleDateIsPaddedByNinetyDaysEachSide() throws {
        let axis = ScatterChart.timeAxis(minDay: 20045, maxDay: 20045)
        #expect(axis.start <= 20045 - 90 && axis.end >= 20045 + 90)
        #expect(axis.ticks.compactMap(\.label) == ["2024-H2", "2025-H1"])

        let sameDay: [ScatterChart.Point] = [
            .init(x: 20045, y: 10, seriesIndex: 0, label: "A"),
            .init(x: 20045, y: 90, seriesIndex: 1, label: "B"),
        ]
        for points in [Array(sameDay.prefix(1)), sameDay] {
            let root = try ChartXML.parse(chart(points).svg(id: "t"))
            let drawn = root.all(class: "point")
            #expect(drawn.count == points.count)
            for node in drawn {
                let x = node.number("cx") ?? node.number("x").map { $0 + 4.5 }
                #expect(x?.isFinite == true)
            }
        }
    }

    @Test func noUsablePointsSaysNoDatedModels() throws {
        for points in [[], [ScatterChart.Point(x: .nan, y: 1, seriesIndex: 0, label: "A"),
                            ScatterChart.Point(x: 20000, y: .infinity, seriesIndex: 0, label: "B"),
                            ScatterChart.Point(x: 1e300, y: 1, seriesIndex: 0, label: "C")]] {
            let root = try ChartXML.parse(chart(points).svg(id: "t"))
            #expect(root.all(class: "empty").first?.textContent == "No dated models")
            #expect(root.all(class: "point").isEmpty)
        }
    }

    @Test func unusablePointsAreSkippedAndUnknownSeriesFallBack() throws {
        let root = try ChartXML.parse(chart([
            .init(x: 20000, y: 50, seriesIndex: 9, label: "Orphan"),
            .init(x: .nan, y: 50, seriesIndex: 0, label: "Undated"),
            .init(x: 20100, y: 250, seriesIndex: -3, label: "Off the scale"),
        ]).svg(id: "t"))
        let drawn = root.all(class: "point")
        #expect(drawn.count == 2)
        #expect(drawn.compactMap { $0.attributes["fill"] } == ["#777777", "#777777"])
        #expect(drawn[0].child("title")?.textContent == "Orphan — 2024-10-04 — Points: 50")
        // A point above yMax raises the axis rather than being cut off.
        #expect(root.all(class: "y-axis").first?.all(class: "tick").last?.textContent == "250")
    }

    @Test func hostileTextIsOnlyEverEscaped() throws {
        let hostile = ChartChecks.hostile
        let chart = ScatterChart(title: hostile, description: hostile, xAxisLabel: hostile, yAxisLabel: hostile,
                                 series: [ChartSeries(id: hostile, label: hostile, color: "javascript:alert(1)")],
                                 points: [.init(x: 20000, y: 5, seriesIndex: 0, label: hostile)])
        let svg = chart.svg(id: hostile)
        let root = try ChartXML.parse(svg)
        #expect(ChartChecks.inert(root, raw: svg).isEmpty)
        #expect(!svg.contains("javascript"))
        #expect(root.all("title").first?.textContent == hostile)
        #expect(root.all(class: "point").first?.child("title")?.textContent
                == "\(hostile) — \(hostile) — 2024-10-04 — \(hostile): 5")
        #expect(root.all(class: "legend-item").first?.child("text")?.textContent == hostile)
    }
}
