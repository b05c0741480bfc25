import Testing
@testable import AtomAudit

/// Downloads summed by origin, by tier and over time: newest figures only, models without
/// figures left out and counted, never as 0.
@Suite struct AdoptionTallyTests {
    let models: AdoptionModels
    let tally: AdoptionTally

    init() throws {
        let models = try AdoptionModels()
        self.models = models
        tally = AdoptionTally(scorecards: [
            models.card("us-open", origin: "US", tier: .trulyOpen, figures: [("2025-06-01", 100), ("2025-08-01", 300)]),
            models.card("us-llama", origin: "US", tier: .restricted, figures: [("2025-07-01", 1_000)]),
            // A snapshot with likes only is no downloads figure: the newest figure is the one before.
            models.card("cn-qwen", origin: "CN", tier: .openWeights, figures: [("2025-07-15", 2_000), ("2025-08-01", nil)]),
            models.card("cn-none", origin: "CN", tier: .openWeights),
            models.card("fr-none", origin: "FR", tier: .restricted),
            models.card("cn-hosted", origin: "CN", tier: .closed),
        ])
    }

    @Test func aModelsNewestFigureCountsAndModelsWithoutFiguresAreLeftOut() {
        #expect(tally.modelCount == 6)
        #expect(tally.modelsWithFigures == 3)
        #expect(tally.newestDate == CalendarDate("2025-08-01"))
        #expect(tally.total() == DownloadTotal(downloads: 3_300, models: 3))
        let byOrigin = tally.byOrigin()
        #expect(byOrigin[CountryCode("US")!] == DownloadTotal(downloads: 1_300, models: 2))
        #expect(byOrigin[CountryCode("CN")!] == DownloadTotal(downloads: 2_000, models: 1))
        // No figure at all is no data, not 0 downloads.
        #expect(byOrigin[CountryCode("FR")!] == nil)
        #expect(tally.count { $0.origin.code == "CN" } == 3)
    }

    @Test func byTierAndByOriginAndTier() {
        let byTier = tally.byTier()
        #expect(byTier["truly-open"] == DownloadTotal(downloads: 300, models: 1))
        #expect(byTier["open-weights"] == DownloadTotal(downloads: 2_000, models: 1))
        #expect(byTier["restricted-weights"] == DownloadTotal(downloads: 1_000, models: 1))
        #expect(byTier["closed"] == nil)
        let grid = tally.byOriginAndTier()
        #expect(grid[CountryCode("US")!]?["truly-open"]?.downloads == 300)
        #expect(grid[CountryCode("US")!]?["restricted-weights"]?.downloads == 1_000)
        #expect(grid[CountryCode("CN")!]?.keys.sorted() == ["open-weights"])
    }

    @Test func overTimeCountsEachModelWithItsNewestFigureOnOrBeforeEachDate() {
        let series = tally.overTime()
        #expect(series.map(\.date.description) == ["2025-06-01", "2025-07-01", "2025-07-15", "2025-08-01"])
        let us = CountryCode("US")!, cn = CountryCode("CN")!
        #expect(series.map { $0.byOrigin[us]?.downloads } == [100, 1_100, 1_100, 1_300])
        #expect(series.map { $0.byOrigin[us]?.models } == [1, 2, 2, 2])
        // China has no figure before 2025-07-15: absent, not 0.
        #expect(series.map { $0.byOrigin[cn]?.downloads } == [nil, nil, 2_000, 2_000])
        #expect(series.map(\.all.downloads) == [100, 1_100, 3_100, 3_300])
        #expect(series.last?.all.models == 3)
    }

    @Test func sumsStopAtIntMaxRatherThanOverflowing() {
        let huge = AdoptionTally(scorecards: [
            models.card("a", origin: "US", tier: .openWeights, figures: [("2025-01-01", Int.max - 1)]),
            models.card("b", origin: "US", tier: .openWeights, figures: [("2025-01-01", 10), ("2025-02-01", 20)]),
        ])
        #expect(huge.total().downloads == Int.max)
        #expect(huge.overTime().last?.all.downloads == Int.max)
        #expect(DownloadTotal.percent(DownloadTotal(downloads: 1, models: 1), of: .none) == nil)
        #expect(DerivativeCounts(fineTunes: Int.max, merges: 5).total == Int.max)
    }

    @Test func anEmptyCatalogueHasNoData() {
        let empty = AdoptionTally(scorecards: [models.card("x", origin: "US", tier: .openWeights)])
        #expect(!empty.total().hasData)
        #expect(empty.overTime().isEmpty)
        #expect(empty.newestDate == nil)
    }
}
