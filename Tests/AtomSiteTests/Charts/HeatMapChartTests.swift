import Testing
@testable import AtomSite

@Suite struct HeatMapChartTests {
    static let columns = ["Weights", "Data", "Code", "License"]

    func cell(_ rank: Int, _ text: String, max: Int = 4) -> HeatMapChart.Cell {
        .init(rank: rank, maxRank: max, text: text)
    }

    var sample: HeatMapChart {
        HeatMapChart(
            title: "Every model's four axis levels",
            description: "One row per model; each cell names the model's level on that axis.",
            columns: Self.columns,
            rows: [
                .init(label: "OLMo 2 32B", cells: [cell(4, "Open with checkpoints"), cell(4, "Released"),
                                                   cell(4, "Full pipeline"), cell(4, "OSI-approved")]),
                .init(label: "Llama 3.1 405B", cells: [cell(2, "Open weights"), cell(0, "Undisclosed"),
                                                       cell(1, "Inference only"), cell(1, "Restricted")]),
                .init(label: "Qwen3 235B", cells: [cell(2, "Open weights"), cell(0, "Undisclosed"),
                                                   cell(1, "Inference only"), cell(3, "Permissive")]),
            ])
    }

    @Test func drawsOneCellPerRowAndColumn() throws {
        let svg = sample.svg(id: "axis-levels")
        let root = try ChartXML.parse(svg)
        #expect(ChartChecks.accessibleRoot(root, id: "axis-levels", title: sample.title,
                                           description: sample.description).isEmpty)
        #expect(ChartChecks.inert(root, raw: svg).isEmpty)
        #expect(root.all(class: "column").map(\.textContent) == Self.columns)
        let rows = root.all(class: "heat-row")
        #expect(rows.count == 3)
        #expect(rows.map { $0.all(class: "row-label").first?.textContent } == ["OLMo 2 32B", "Llama 3.1 405B", "Qwen3 235B"])
        #expect(rows.map { $0.all(class: "cell").count } == [4, 4, 4])
        let cells = root.all(class: "cell")
        #expect(cells.count == 12)
        #expect(cells[4].child("title")?.textContent == "Llama 3.1 405B — Weights: Open weights")
        #expect(cells[4].child("text")?.textContent == "Open weights")
        #expect(cells[7].child("title")?.textContent == "Llama 3.1 405B — License: Restricted")
    }

    @Test func fillDarkensWithRankAndTextKeepsContrast() throws {
        let root = try ChartXML.parse(sample.svg(id: "t"))
        let cells = root.all(class: "cell")
        let fills = cells.compactMap { $0.child("rect")?.attributes["fill"] }
        #expect(Array(fills.prefix(4)) == ["#0e4420", "#0e4420", "#0e4420", "#0e4420"])
        #expect(Array(fills[4..<8]) == ["#7fc98a", "#eaeef2", "#c6e9c9", "#c6e9c9"])
        for cell in cells {
            let fill = try #require(cell.child("rect")?.attributes["fill"])
            // Dark text inherits the root's fill; white text says so on the element.
            let text = try #require(cell.child("text")?.attributes["fill"] ?? root.attributes["fill"])
            #expect(ChartColor.contrast(fill, text) >= 4.5, "\(text) on \(fill)")
        }
    }

    @Test func paletteStepsAllReachFourAndAHalfToOne() {
        #expect(HeatMapChart.palette.count == 5)
        for step in HeatMapChart.palette {
            #expect(ChartColor.contrast(step.fill, step.text) >= 4.5, "\(step.text) on \(step.fill)")
        }
        let luminance = HeatMapChart.palette.map { ChartColor.relativeLuminance($0.fill) }
        #expect(luminance == luminance.sorted(by: >))
    }

    @Test func ranksSpreadOverThePalette() {
        #expect((0...3).map { HeatMapChart.paletteIndex(rank: $0, maxRank: 3) } == [0, 1, 3, 4])
        #expect((0...4).map { HeatMapChart.paletteIndex(rank: $0, maxRank: 4) } == [0, 1, 2, 3, 4])
        #expect(HeatMapChart.paletteIndex(rank: 1, maxRank: 1) == 4)
        #expect(HeatMapChart.paletteIndex(rank: -5, maxRank: 3) == 0)
        #expect(HeatMapChart.paletteIndex(rank: 9, maxRank: 3) == 4)
        #expect(HeatMapChart.paletteIndex(rank: 2, maxRank: 0) == 0)
        #expect(HeatMapChart.paletteIndex(rank: Int.max, maxRank: Int.max) == 4)
    }

    @Test func longNamesAndLevelsAreShortenedWithTheFullTextInATitle() throws {
        let name = "An Extraordinarily Long Model Name That Will Not Fit 70B Instruct"
        let level = "Open weights with intermediate checkpoints and optimizer states"
        let chart = HeatMapChart(title: "t", description: "d", columns: Self.columns,
                                 rows: [.init(label: name, cells: [cell(3, level)])])
        let root = try ChartXML.parse(chart.svg(id: "t"))
        let label = try #require(root.all(class: "row-label").first)
        #expect(label.ownText.hasSuffix("…"))
        #expect(name.hasPrefix(String(label.ownText.dropLast())))
        #expect(label.child("title")?.textContent == name)
        let only = try #require(root.all(class: "cell").first)
        #expect(only.child("text")?.textContent.hasSuffix("…") == true)
        #expect(only.child("title")?.textContent == "\(name) — Weights: \(level)")
    }

    @Test func raggedRowsDrawOnlyTheCellsThatHaveAColumn() throws {
        let chart = HeatMapChart(title: "t", description: "d", columns: ["A", "B"], rows: [
            .init(label: "Few", cells: [cell(1, "x")]),
            .init(label: "Many", cells: [cell(1, "x"), cell(2, "y"), cell(3, "z")]),
        ])
        let root = try ChartXML.parse(chart.svg(id: "t"))
        #expect(root.all(class: "heat-row").map { $0.all(class: "cell").count } == [1, 2])
    }

    @Test func noRowsSaysNoModels() throws {
        let root = try ChartXML.parse(HeatMapChart(title: "t", description: "d", columns: Self.columns, rows: []).svg(id: "t"))
        #expect(root.all(class: "empty").first?.textContent == "No models")
        #expect(root.all(class: "cell").isEmpty)
    }

    @Test func hostileTextIsOnlyEverEscaped() throws {
        let hostile = ChartChecks.hostile
        let chart = HeatMapChart(title: hostile, description: hostile, columns: [hostile],
                                 rows: [.init(label: hostile, cells: [cell(1, hostile)])])
        let svg = chart.svg(id: hostile)
        let root = try ChartXML.parse(svg)
        #expect(ChartChecks.inert(root, raw: svg).isEmpty)
        #expect(root.all("desc").first?.textContent == hostile)
        #expect(root.all(class: "cell").first?.child("title")?.textContent == "\(hostile) — \(hostile): \(hostile)")
        #expect(root.all(class: "row-label").first?.textContent == hostile)
        #expect(root.all(class: "column").first?.textContent == hostile)
    }

    @Test func tenThousandRowsStayLinearAndCompact() throws {
        let levels = ["Hosted", "Restricted", "Open weights", "Open with checkpoints", "Full pipeline"]
        let rows = (0..<10_000).map { index in
            HeatMapChart.Row(label: "Model \(index)", cells: (0..<4).map { axis in
                let rank = (index + axis) % 5
                return HeatMapChart.Cell(rank: rank, maxRank: 4, text: levels[rank])
            })
        }
        let chart = HeatMapChart(title: "All models", description: "d", columns: Self.columns, rows: rows)
        let svg = chart.svg(id: "all")
        // About 200 bytes a cell: compact enough to ship, and proof nothing is quadratic in size.
        #expect(svg.utf8.count < 10_000 * 4 * 250)
        let root = try ChartXML.parse(svg)
        #expect(root.all(class: "heat-row").count == 10_000)
        #expect(root.all(class: "cell").count == 40_000)
        let viewBox = try #require(root.attributes["viewBox"])
        #expect(viewBox == "0 0 720 \(SVGNumber.format(62 + 10_000 * HeatMapChart.rowHeight + 16))")
    }
}
