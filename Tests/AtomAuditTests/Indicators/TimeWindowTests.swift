import Testing
@testable import AtomAudit

/// Windows relative to the as-of date, families against releases, measures in words.
@Suite struct TimeWindowTests {
    let asOf = CalendarDate("2026-12-06")!

    @Test func windowsParseAndCoverTheRightDays() throws {
        let six = try #require(TimeWindow("last-6-months"))
        #expect(six.days(asOf: asOf) == CalendarDate("2026-06-07")!...CalendarDate("2026-12-06")!)
        #expect(six.isRolling)
        let since = try #require(TimeWindow("since 2025-07-01"))
        #expect(since.days(asOf: asOf) == CalendarDate("2025-07-01")!...asOf)
        let half = try #require(TimeWindow("2025-H2"))
        #expect(half.days(asOf: asOf) == CalendarDate("2025-07-01")!...CalendarDate("2025-12-31")!)
        #expect(!half.isRolling)
        for bad in ["last-0-months", "last-months", "since 2025-02-30", "2025-H3", "12 months"] {
            #expect(TimeWindow(bad) == nil, "\(bad)")
        }
    }

    @Test func monthsAreClampedToTheMonthsLastDay() {
        #expect(CalendarDate("2026-03-31")!.addingMonths(-1) == CalendarDate("2026-02-28"))
        #expect(CalendarDate("2024-03-31")!.addingMonths(-1) == CalendarDate("2024-02-29"))
        #expect(CalendarDate("2026-01-15")!.addingMonths(-12) == CalendarDate("2025-01-15"))
    }

    /// Three Qwen-like sizes of one family, one other family, one model outside the window.
    func calculator() throws -> IndicatorCalculator {
        let report = try Fixture.audit()
        let rubric = try #require(report.rubric)
        let scorer = Scorer(rubric: rubric, licenses: try #require(report.licenses))
        func model(_ id: String, family: String, released: String, origin: String = "CN") -> Scorecard {
            scorer.score(Manifest(
                id: ManifestID(id)!, path: "models/\(id).yaml", name: id, developer: "Lab", origin: CountryCode(origin)!,
                released: CalendarDate(released), weights: WeightsFacts(access: .open, license: "Apache-2.0", evidence: ["https://example.org"]),
                data: DataFacts(access: .undisclosed), code: CodeFacts(access: .inference, evidence: ["https://example.org"]),
                assessed: CalendarDate("2026-12-01")!, family: family))
        }
        return IndicatorCalculator(scorecards: [
            model("q-8b", family: "q3", released: "2026-05-01"), model("q-32b", family: "q3", released: "2026-05-01"),
            model("q-235b", family: "q3", released: "2026-07-01"), model("d-v4", family: "d4", released: "2026-04-24"),
            model("old", family: "o1", released: "2024-01-01"), model("us-1", family: "u1", released: "2026-10-01", origin: "US"),
        ], rubric: rubric, asOf: asOf)
    }

    @Test func countingFamiliesCountsEachFamilyOnce() throws {
        let calculator = try calculator()
        var measure = Measure(indicator: .openWeightReleases, filter: ModelFilter(origin: CountryCode("CN"), window: .lastMonths(12)))
        let releases = calculator.result(of: measure)
        #expect(releases.value == 4)
        #expect(releases.models.map(\.rawValue) == ["q-8b", "q-32b", "q-235b", "d-v4"])
        measure.counting = .families
        #expect(calculator.value(of: measure) == 2)
        measure.filter.window = .lastMonths(6)
        #expect(calculator.result(of: measure).models.map(\.rawValue) == ["q-235b"])
    }

    @Test func measuresReadAsWords() throws {
        let rubric = try #require(try Fixture.audit().rubric)
        let wording = MeasureWording(rubric: rubric, asOf: asOf)
        let measure = Measure(indicator: .openWeightReleases,
                              filter: ModelFilter(origin: CountryCode("US"), minParameters: ParameterCount("100B"), window: .lastMonths(12)),
                              counting: .families)
        #expect(wording.describe(measure) == "Number of model families from the United States with downloadable weights, with 100B parameters or more, released in the 12 months to 2026-12-06")
        let share = Measure(indicator: .shareAtLeastLevel, axis: .data, level: "partial")
        #expect(wording.describe(share) == "Share of all assessed models whose data is at 'Partly released' or better")
        let tiers = Measure(indicator: .shareAtLeastTier, tier: "open-weights", filter: ModelFilter(origin: CountryCode("CN")))
        #expect(wording.describe(tiers) == "Share of all assessed models from China that are at the Open weights tier or better")
    }

    @Test func aTieLeadsNowhere() {
        func assessment(_ id: String, order: Int, met: [Bool]) -> ScenarioAssessment {
            let signpost = Signpost(text: "t", measure: Measure(indicator: .count), comparison: .above, threshold: .number(0))
            return ScenarioAssessment(scenario: Scenario(id: id, path: "", title: id.capitalized, order: order, summary: "", signposts: [], body: ""),
                                      readings: met.map { SignpostReading(signpost: signpost, value: 0, threshold: 0, thresholdDescription: "", met: $0) })
        }
        let tied = ScenarioOutlook(assessments: [assessment("divergence", order: 1, met: [true, false]),
                                                 assessment("recalibration", order: 2, met: [true, false]),
                                                 assessment("convergence", order: 3, met: [false, false])])
        #expect(tied.leading == nil)
        #expect(tied.explanation == "The evidence is split: Divergence and Recalibration have the same share of their testable signposts met (Divergence: 1 met, 1 not met; Recalibration: 1 met, 1 not met; Convergence: 0 met, 2 not met), so no single future leads.")
        let led = ScenarioOutlook(assessments: [assessment("divergence", order: 1, met: [true, true]),
                                                assessment("recalibration", order: 2, met: [true, false])])
        #expect(led.leading?.scenario.id == "divergence")
        #expect(led.explanation.hasPrefix("The evidence points toward divergence, the scenario with the largest share of its testable signposts met (2 met, 0 not met)"))
    }

    @Test func aFixedWindowLongPastIsAWarningAtItsPosition() throws {
        let marked = MarkedText("""
            ---
            title: T
            order: 1
            summary: S.
            signposts:
              - text: Old pace
                indicator: open-weight-releases
                half-year: 1️⃣2024-H1
                origin: CN
                at-least: 1
              - text: New pace
                indicator: open-weight-releases
                window: last-12-months
                counting: families
                origin: CN
                at-least: 1
            ---
            Body.
            """)
        let report = try Fixture.audit(replacing: ["scenarios/pace.md": marked.text], today: asOf)
        let warning = expectDiagnostic("past-window", at: "1️⃣", in: marked, file: "Content/scenarios/pace.md", of: report)
        #expect(warning?.severity == .warning)
        #expect(warning?.message.hasPrefix("the window '2024-H1' ended on 2024-06-30, more than a year before 2026-12-06") == true)
        #expect(report.diagnostics.filter { $0.code == "past-window" }.count == 1)
    }

    @Test func countingFamiliesNeedsACountingIndicator() throws {
        let marked = MarkedText("""
            ---
            title: T
            order: 1
            summary: S.
            signposts:
              - text: Median
                indicator: median-points
                counting: 1️⃣families
                above: 10
            ---
            Body.
            """)
        let report = try Fixture.audit(replacing: ["scenarios/median.md": marked.text])
        expectDiagnostic("invalid-value", at: "1️⃣", in: marked, file: "Content/scenarios/median.md", of: report)
    }
}
