import Testing
@testable import AtomSite

@Suite struct BadgeTests {
    let badge = Badge(label: "ATOM openness", message: "Open weights · 43/100", color: "#0969da")

    @Test func hasTwoHalvesAndAnAccessibleName() throws {
        let svg = badge.svg()
        let root = try ChartXML.parse(svg)
        #expect(ChartChecks.inert(root, raw: svg).isEmpty)
        #expect(root.name == "svg")
        #expect(root.attributes["role"] == "img")
        #expect(root.attributes["aria-label"] == "ATOM openness: Open weights · 43/100")
        #expect(root.children.first?.name == "title")
        #expect(root.children.first?.textContent == "ATOM openness: Open weights · 43/100")
        #expect(root.attributes["width"] == String(badge.width))
        #expect(root.attributes["height"] == "20")
        #expect(root.attributes["viewBox"] == "0 0 \(badge.width) 20")

        let rects = root.all("rect")
        #expect(rects.compactMap { $0.attributes["fill"] } == ["#555", "#0969da", "#0969da"])
        #expect(rects.prefix(2).allSatisfy { $0.attributes["rx"] == "3" })
        let labelWidth = try #require(rects[1].number("x"))
        #expect(labelWidth + (rects[1].number("width") ?? 0) == Double(badge.width))

        let visible = root.all("text").filter { $0.attributes["aria-hidden"] == nil }
        #expect(visible.map(\.textContent) == ["ATOM openness", "Open weights · 43/100"])
        #expect(root.all("g").first?.attributes["fill"] == "#fff")
        #expect(root.all("g").first?.attributes["font-size"] == "11")
        #expect(root.all("g").first?.attributes["font-family"] == "Verdana,DejaVu Sans,sans-serif")
        // Each text is centred in its own half.
        #expect(visible[0].number("x") == labelWidth / 2)
        #expect(visible[1].number("x") == labelWidth + (Double(badge.width) - labelWidth) / 2)
    }

    @Test func widthsComeFromTheCharacterTableAndPadding() {
        // "ATOM openness" at 11px Verdana is about 88px, plus 10px each side.
        #expect(Badge.textWidth("ATOM openness") == 89)
        #expect(Badge(label: "ATOM openness", message: "", color: "#000000").width == 89 + 20 + 20)
        #expect(Badge.textWidth("iiii") < Badge.textWidth("mmmm"))
    }

    @Test func widthGrowsWithTheMessage() {
        let widths = ["Hosted", "Open weights", "Open weights · 43/100", "Open weights with checkpoints · 100/100"]
            .map { Badge(label: "ATOM openness", message: $0, color: "#0969da").width }
        #expect(widths == widths.sorted())
        #expect(Set(widths).count == widths.count)
    }

    @Test func withoutALabelOnlyTheMessageIsDrawn() throws {
        let root = try ChartXML.parse(Badge(label: "", message: "Truly open", color: "#0e4420").svg())
        #expect(root.all("rect").compactMap { $0.attributes["fill"] } == ["#0e4420"])
        #expect(root.attributes["aria-label"] == "Truly open")
    }

    @Test func aBrokenColourFallsBackToAGreyWhiteTextReadsOn() throws {
        let svg = Badge(label: "a", message: "b", color: "#fff\" onload=\"alert(1)").svg()
        let root = try ChartXML.parse(svg)
        #expect(!svg.contains("onload"))
        #expect(root.all("rect").compactMap { $0.attributes["fill"] } == ["#555", "#767676", "#767676"])
        #expect(ChartColor.contrast(Badge.fallbackColor, "#ffffff") >= 4.5)
        #expect(ChartColor.contrast("#555555", "#ffffff") >= 4.5)
    }

    @Test func hostileTextIsOnlyEverEscaped() throws {
        let hostile = ChartChecks.hostile
        let svg = Badge(label: hostile, message: hostile, color: "#0969da").svg()
        let root = try ChartXML.parse(svg)
        #expect(ChartChecks.inert(root, raw: svg).isEmpty)
        #expect(root.attributes["aria-label"] == "\(hostile): \(hostile)")
        #expect(root.children.first?.textContent == "\(hostile): \(hostile)")
    }
}
