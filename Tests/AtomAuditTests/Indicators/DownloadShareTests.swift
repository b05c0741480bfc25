import Testing
@testable import AtomAudit

/// The indicators over downloads, and the "no data" state they bring to readings, tallies
/// and the outlook.
@Suite struct DownloadShareTests {
    let calculator: IndicatorCalculator

    init() throws {
        let models = try AdoptionModels()
        calculator = IndicatorCalculator(scorecards: [
            models.card("us-open", origin: "US", tier: .trulyOpen, figures: [("2025-08-01", 1_000)]),
            models.card("us-llama", origin: "US", tier: .restricted, figures: [("2025-08-01", 3_000)]),
            models.card("us-none", origin: "US", tier: .openWeights),
            models.card("cn-qwen", origin: "CN", tier: .openWeights, figures: [("2025-08-01", 6_000)]),
            models.card("fr-none", origin: "FR", tier: .restricted),
        ], rubric: models.rubric, asOf: CalendarDate("2026-12-01")!)
    }

    func share(_ origin: String?, tier: String? = nil) -> IndicatorCalculator.Result {
        let filter = ModelFilter(origin: origin.flatMap(CountryCode.init))
        return calculator.result(of: tier.map { Measure(indicator: .downloadShareAtLeastTier, tier: $0, filter: filter) }
                                 ?? Measure(indicator: .downloadShare, filter: filter))
    }

    @Test func downloadShareIsTheMatchingModelsPartOfAllDownloads() {
        let us = share("US")
        #expect(us.value == 40)
        #expect(us.models.map(\.rawValue) == ["us-open", "us-llama"])
        #expect(us.considered == 3 && us.withoutFigures == 1)
        #expect(!us.noData)
        #expect(share("CN").value == 60)
        #expect(share(nil).value == 100)
    }

    @Test func aTierShareIsOfTheMatchingModelsDownloads() {
        #expect(share("US", tier: "truly-open").value == 25)
        #expect(share("US", tier: "truly-open").models.map(\.rawValue) == ["us-open"])
        #expect(share(nil, tier: "open-weights").value == 70)
        #expect(share("CN", tier: "truly-open").value == 0)
        #expect(!share("CN", tier: "truly-open").noData)
    }

    @Test func modelsWithoutFiguresGiveNoDataNotZero() {
        let france = share("FR")
        #expect(france.noData)
        #expect(france.considered == 1 && france.withoutFigures == 1)
        #expect(share("FR", tier: "open-weights").noData)
        // No model matches at all: nothing to measure either.
        #expect(share("DE").noData)
    }

    func reading(_ measure: Measure, _ comparison: Comparison, _ threshold: Threshold) -> SignpostReading {
        ScenarioAssessor(calculator: calculator).read(Signpost(text: "t", measure: measure, comparison: comparison, threshold: threshold))
    }

    @Test func aSignpostOverNoFiguresIsNeitherMetNorUnmet() {
        let france = reading(Measure(indicator: .downloadShare, filter: ModelFilter(origin: CountryCode("FR"))), .below, .number(10))
        #expect(france.noData && !france.met)
        #expect(france.formattedValue == "No data")
        #expect(france.verdict == "No data")
        // Compared with an origin that has no figures: the threshold is missing, so no data too.
        let versus = reading(Measure(indicator: .downloadShare, filter: ModelFilter(origin: CountryCode("CN"))), .above, .origin(CountryCode("FR")!))
        #expect(versus.noData && !versus.met)
        #expect(versus.formattedValue == "60%")
        #expect(versus.thresholdDescription == "more than France (no data)")
        let met = reading(Measure(indicator: .downloadShare, filter: ModelFilter(origin: CountryCode("CN"))), .above, .origin(CountryCode("US")!))
        #expect(met.met && !met.noData && met.verdict == "Met")
        #expect(met.thresholdDescription == "more than the United States (40%)")
    }

    @Test func noDataIsLeftOutOfTheTallyAndTheOutlook() {
        let assessor = ScenarioAssessor(calculator: calculator)
        func scenario(_ id: String, order: Int, _ signposts: [Signpost]) -> Scenario {
            Scenario(id: id, path: "", title: id.capitalized, order: order, summary: "", signposts: signposts, body: "")
        }
        let cn = ModelFilter(origin: CountryCode("CN")), fr = ModelFilter(origin: CountryCode("FR"))
        let metSignpost = Signpost(text: "met", measure: Measure(indicator: .downloadShare, filter: cn), comparison: .above, threshold: .number(50))
        let unmet = Signpost(text: "unmet", measure: Measure(indicator: .downloadShare, filter: cn), comparison: .below, threshold: .number(50))
        let missing = Signpost(text: "missing", measure: Measure(indicator: .downloadShare, filter: fr), comparison: .above, threshold: .number(0))
        let outlook = assessor.assess([scenario("divergence", order: 1, [metSignpost, missing, missing]),
                                       scenario("recalibration", order: 2, [metSignpost, unmet])])
        let divergence = outlook.assessments[0]
        #expect(divergence.metCount == 1 && divergence.noDataCount == 2 && divergence.assessedCount == 1)
        #expect(divergence.support == 1)
        #expect(divergence.tally == "1 met, 0 not met, 2 without data")
        #expect(outlook.leading?.scenario.id == "divergence")
        #expect(outlook.explanation == "The evidence points toward divergence, the scenario with the largest share of its testable signposts met (1 met, 0 not met, 2 without data); the others: Recalibration: 1 met, 1 not met.")
        // A scenario whose signposts all lack data supports nothing.
        let empty = assessor.assess(scenario("convergence", order: 3, [missing]))
        #expect(empty.support == 0 && empty.assessedCount == 0)
    }

    @Test func downloadMeasuresReadAsWords() {
        let wording = MeasureWording(rubric: calculator.rubric, asOf: calculator.asOf)
        #expect(wording.describe(Measure(indicator: .downloadShare, filter: ModelFilter(origin: CountryCode("CN"))))
                == "Share of the all-time downloads of all models with figures that goes to models from China")
        #expect(wording.describe(Measure(indicator: .downloadShareAtLeastTier, tier: "open-source", filter: ModelFilter(origin: CountryCode("US"))))
                == "Share of the all-time downloads of models from the United States (those with figures) that goes to models at the Open source tier or better")
    }
}
