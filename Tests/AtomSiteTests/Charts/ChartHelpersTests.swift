import Testing
@testable import AtomSite

@Suite struct ChartHelperTests {
    @Test func numbersHaveAtMostOneDecimal() {
        #expect(SVGNumber.format(12.0) == "12")
        #expect(SVGNumber.format(12.04) == "12")
        #expect(SVGNumber.format(12.05) == "12.1")
        #expect(SVGNumber.format(0.1 + 0.2) == "0.3")
        #expect(SVGNumber.format(-3.25) == "-3.3")
        #expect(SVGNumber.format(-0.01) == "0")
        #expect(SVGNumber.format(.nan) == "0")
        #expect(SVGNumber.format(.infinity) == "0")
        #expect(SVGNumber.format(1e300) == "1000000000000")
    }

    @Test func idsAreReducedToLowercaseLettersDigitsAndHyphens() {
        #expect(SVGDocument.sanitizedID("tiers-by-origin") == "tiers-by-origin")
        #expect(SVGDocument.sanitizedID("Tiers by Origin!") == "tiers-by-origin-")
        #expect(SVGDocument.sanitizedID("a\"b<c>é") == "a-b-c--")
        #expect(SVGDocument.sanitizedID("") == "chart")
    }

    @Test func onlyHashAndSixHexDigitsIsAColour() {
        #expect(ChartColor.isHex("#1a7F3c"))
        for bad in ["1a7f3c", "#1a7f3", "#1a7f3cc", "#gggggg", "red", "#fff", "", "#1a7f3c\" onload=\"x"] {
            #expect(!ChartColor.isHex(bad), "\(bad)")
        }
        #expect(ChartSeries(id: "a", label: "A", color: "#0969da").validatedColor == "#0969da")
        #expect(ChartSeries(id: "a", label: "A", color: "url(#x)").validatedColor == "#777777")
    }

    @Test func contrastMatchesWCAG() {
        #expect(abs(ChartColor.contrast("#000000", "#ffffff") - 21) < 0.001)
        #expect(abs(ChartColor.contrast("#767676", "#ffffff") - 4.54) < 0.01)
        #expect(ChartColor.text(on: "#ffff00") == ChartColor.ink)
        #expect(ChartColor.text(on: "#0e4420") == ChartColor.white)
    }

    @Test func stepsAreOneTwoOrFiveTimesAPowerOfTen() {
        #expect(ChartScale.niceStep(for: 0, maxIntervals: 8) == 1)
        #expect(ChartScale.niceStep(for: 7, maxIntervals: 8) == 1)
        #expect(ChartScale.niceStep(for: 12, maxIntervals: 8) == 2)
        #expect(ChartScale.niceStep(for: 37, maxIntervals: 8) == 5)
        #expect(ChartScale.niceStep(for: 100, maxIntervals: 5) == 20)
        #expect(ChartScale.niceStep(for: 1234, maxIntervals: 8) == 200)
        #expect(ChartScale.niceStep(for: .infinity, maxIntervals: 8) == 1)
        #expect(ChartScale.axisEnd(for: 12, step: 2) == 12)
        #expect(ChartScale.axisEnd(for: 13, step: 2) == 14)
        #expect(ChartScale.axisEnd(for: 0, step: 1) == 1)
    }

    @Test(arguments: [
        ("1970-01-01", 0), ("1969-12-31", -1), ("2000-02-29", 11016), ("2024-01-01", 19723),
        ("2024-02-29", 19782), ("2025-07-28", 20297), ("1900-03-01", -25508), ("2100-12-31", 47846),
        ("0001-01-01", -719_162), ("9999-12-31", 2_932_896),
    ])
    func daysConvertToCivilDatesAndBack(iso: String, day: Int) {
        let date = ChartDate(dayNumber: day)
        #expect(date.iso == iso)
        #expect(date.dayNumber == day)
    }

    @Test func everyDayOfFourCenturiesRoundTrips() {
        var previous = ChartDate(dayNumber: -146_098)
        for day in -146_097...146_097 {
            let date = ChartDate(dayNumber: day)
            #expect(date.dayNumber == day)
            #expect(previous < date)
            previous = date
        }
    }

    @Test func coordinatesOutsideYearsOneToNineThousandAreRejected() {
        #expect(ChartDate(coordinate: 19723.7)?.iso == "2024-01-01")
        #expect(ChartDate(coordinate: -0.5)?.iso == "1969-12-31")
        #expect(ChartDate(coordinate: .nan) == nil)
        #expect(ChartDate(coordinate: 1e300) == nil)
        #expect(ChartDate(coordinate: 2_932_897) == nil)
    }

    @Test func halfYears() {
        #expect(ChartDate(year: 2024, month: 6, day: 30).halfYear == "2024-H1")
        #expect(ChartDate(year: 2024, month: 7, day: 1).halfYear == "2024-H2")
        #expect(ChartDate(year: 2024, month: 12, day: 31).startOfNextHalfYear.iso == "2025-01-01")
    }

    @Test func textWidthsFollowVerdana() {
        #expect(SVGTextWidth.width(of: "i", fontSize: 11) < 4)
        #expect(SVGTextWidth.width(of: "W", fontSize: 11) > 10)
        #expect(abs(SVGTextWidth.width(of: "0123456789", fontSize: 11) - 69.9) < 0.01)
        #expect(SVGTextWidth.width(of: "中", fontSize: 11) == 11)
        #expect(SVGTextWidth.width(of: "é", fontSize: 22) == 14)
    }

    @Test func longTextIsCutWithAnEllipsis() {
        #expect(SVGTextWidth.fitting("Short", maxWidth: 100, fontSize: 11) == "Short")
        let cut = SVGTextWidth.fitting("A very long model name indeed", maxWidth: 60, fontSize: 11)
        #expect(cut.hasSuffix("…"))
        #expect(SVGTextWidth.width(of: cut, fontSize: 11) <= 60)
        #expect(SVGTextWidth.fitting("Llama 3 70B", maxWidth: 62, fontSize: 11) == "Llama 3…")
        #expect(SVGTextWidth.fitting("Anything", maxWidth: 5, fontSize: 11) == "")
    }
}
