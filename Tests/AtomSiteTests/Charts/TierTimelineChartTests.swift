import Testing
@testable import AtomSite

@Suite struct TierTimelineChartTests {
    static let tiers = [
        ChartSeries(id: "open-weights", label: "Open weights", color: "#6639ba"),
        ChartSeries(id: "closed", label: "Closed", color: "#57606a"),
    ]
    /// 2025-01-01, -01-03 and -01-10 as day numbers.
    static let days = [20089, 20091, 20098]

    var sample: TierTimelineChart {
        TierTimelineChart(title: "Tiers by origin over time", description: "Counts by origin.", series: Self.tiers, panels: [
            .init(label: "United States", points: [.init(day: Self.days[0], values: [1, 2]), .init(day: Self.days[2], values: [3, 0])]),
            .init(label: "China", points: [.init(day: Self.days[1], values: [0, 1]), .init(day: Self.days[1], values: [2, 1])]),
        ], endDay: Self.days[2] + 4)
    }

    @Test func drawsAPanelPerOriginWithABandPerTierThatHasModels() throws {
        let svg = sample.svg(id: "tiers-over-time")
        let root = try ChartXML.parse(svg)
        #expect(ChartChecks.accessibleRoot(root, id: "tiers-over-time", title: sample.title, description: sample.description).isEmpty)
        #expect(ChartChecks.inert(root, raw: svg).isEmpty)
        let panels = root.all(class: "panel")
        #expect(panels.map { $0.all(class: "panel-label").first?.textContent } == ["United States", "China"])
        #expect(panels.map { $0.all(class: "total").first?.textContent } == ["3", "3"])
        // A later point on the same day replaces the earlier one: China has one point.
        #expect(panels.map { $0.all(class: "band").compactMap { $0.child("title")?.textContent } } == [
            ["United States — Open weights: 1 → 3", "United States — Closed: 2 → 0"],
            ["China — Open weights: 2", "China — Closed: 1"],
        ])
        #expect(panels[0].all(class: "band").compactMap { $0.attributes["fill"] } == ["#6639ba", "#57606a"])
        // The legend names every tier: colour is never the only key.
        #expect(root.all(class: "legend-item").map(\.textContent) == ["Open weights", "Closed"])
        #expect(panels[0].all(class: "tick").map(\.textContent).contains("2025-01-01"))
    }

    @Test func bandsAreStepsThatStackFromTheAxis() throws {
        let root = try ChartXML.parse(sample.svg(id: "t"))
        let bands = root.all(class: "panel")[0].all(class: "band").compactMap { $0.attributes["d"] }
        // Steps only: moves, horizontal and vertical lines.
        #expect(bands.allSatisfy { $0.allSatisfy { "MHVZ0123456789. ".contains($0) } })
        #expect(bands.allSatisfy { $0.hasPrefix("M") && $0.hasSuffix("Z") })
        let total = try #require(root.all(class: "panel")[0].all(class: "total-line").first?.attributes["d"])
        #expect(total.components(separatedBy: "V").count == 2, "one step: two points")
    }

    @Test func labelsAreEscapedAndNothingToDrawSaysSo() throws {
        var chart = sample
        chart.panels[0].label = ChartChecks.hostile
        let svg = chart.svg(id: "t")
        #expect(ChartChecks.inert(try ChartXML.parse(svg), raw: svg).isEmpty)
        chart.panels = []
        #expect(try ChartXML.parse(chart.svg(id: "t")).all(class: "empty").first?.textContent == TierTimelineChart.emptyMessage)
    }

    @Test func theAxisLabelsDaysMonthsOrYearsByTheSpan() {
        #expect(DayAxis(start: Self.days[0], end: Self.days[0]).end == Self.days[0] + 1, "a single day still has a width")
        #expect(DayAxis(start: Self.days[0], end: Self.days[2]).ticks.map(\.label) == ["2025-01-01", "2025-01-03", "2025-01-05", "2025-01-07", "2025-01-09"])
        #expect(DayAxis(start: Self.days[0], end: Self.days[0] + 300).ticks.map(\.label) == ["2025-01", "2025-03", "2025-05", "2025-07", "2025-09"])
        #expect(DayAxis(start: Self.days[0], end: Self.days[0] + 3 * 365 - 1).ticks.map(\.label) == ["2025", "2026", "2027"])
    }
}
