import Testing
@testable import AtomAudit

/// Relative adoption: downloads against the 10th of the size class at the same age,
/// computed only with enough peers.
@Suite struct RelativeAdoptionTests {
    let models: AdoptionModels

    init() throws { models = try AdoptionModels() }

    @Test func sizeClassesFollowTheTotalParameterCount() {
        #expect(SizeClass(parameters: 7e9) == .small)
        #expect(SizeClass(parameters: 10e9) == .medium)
        #expect(SizeClass(parameters: 49.9e9) == .medium)
        #expect(SizeClass(parameters: 70e9) == .large)
        #expect(SizeClass(parameters: 671e9) == .frontier)
        #expect(SizeClass.frontier.labelInSentence == "200B parameters or more")
        #expect(SizeClass.small.labelInSentence == "under 10B parameters")
    }

    /// `count` small models released 2025-01-01, each with one figure 100 days later:
    /// model k has k × 1,000 downloads.
    func smallClass(_ count: Int) -> [AdoptionTally.Row] {
        (1...count).map { index in
            AdoptionTally.Row(models.card("m\(index)", origin: "US", tier: .openWeights,
                                          figures: [("2025-04-11", index * 1_000)]))
        }
    }

    @Test func tenPeersAtTheSameAgeGiveARatioAgainstTheTenth() throws {
        let results = RelativeAdoption.compute(smallClass(12))
        let small = try #require(results.first { $0.sizeClass == .small })
        #expect(small.models == 12 && small.withFigures == 12)
        #expect(small.notEnoughData.isEmpty)
        // The 10th highest of 1,000 ... 12,000 is 3,000.
        let top = try #require(small.entries.first)
        #expect(top.id.rawValue == "m12")
        #expect(top.age == 100)
        #expect(top.reference == 3_000)
        #expect(top.peers == 12)
        #expect(top.ratio == 4)
        #expect(small.entries.map(\.id.rawValue).prefix(3) == ["m12", "m11", "m10"])
        #expect(results.first { $0.sizeClass == .frontier }?.entries.isEmpty == true)
    }

    @Test func nineModelsAreNotEnough() throws {
        let small = try #require(RelativeAdoption.compute(smallClass(9)).first { $0.sizeClass == .small })
        #expect(small.entries.isEmpty)
        #expect(small.notEnoughData.count == 9)
        #expect(small.withFigures == 9)
    }

    @Test func peersAreReadAtTheSameAgeBetweenTheirSnapshots() throws {
        // Ten old models with figures at ages 100 and 300 (0 at release, then 1,000 and 3,000 × k);
        // a young model of age 200 is compared with them at 200: halfway, 2,000 × k.
        var rows = (1...10).map { index in
            AdoptionTally.Row(models.card("old\(index)", origin: "CN", tier: .openWeights, released: "2024-01-01",
                                          figures: [("2024-04-10", index * 1_000), ("2024-10-27", index * 3_000)]))
        }
        rows.append(AdoptionTally.Row(models.card("young", origin: "US", tier: .trulyOpen, released: "2025-01-01",
                                                  figures: [("2025-07-20", 4_000)])))
        let small = try #require(RelativeAdoption.compute(rows).first { $0.sizeClass == .small })
        let young = try #require(small.entries.first { $0.id.rawValue == "young" })
        #expect(young.age == 200)
        // Eleven peers reach age 200; the 10th highest is old2 at 2 × 2,000.
        #expect(young.peers == 11)
        #expect(young.reference == 4_000)
        #expect(young.ratio == 1)
        // The old models' own age is 300, which only the ten old ones reach: ten peers, just enough.
        #expect(small.entries.first { $0.id.rawValue == "old10" }?.peers == 10)
    }

    @Test func modelsWithoutReleaseDateOrParametersAreInNoClass() {
        let rows = [
            AdoptionTally.Row(models.card("undated", origin: "US", tier: .openWeights, released: nil, figures: [("2025-04-11", 5)])),
            AdoptionTally.Row(models.card("unsized", origin: "US", tier: .openWeights, parameters: nil, figures: [("2025-04-11", 5)])),
        ]
        let results = RelativeAdoption.compute(rows)
        #expect(results.allSatisfy { $0.entries.isEmpty && $0.notEnoughData.isEmpty })
        #expect(results.first { $0.sizeClass == .small }?.models == 1)
    }
}
