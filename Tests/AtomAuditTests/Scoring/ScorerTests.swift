import Testing
@testable import AtomAudit

/// Tier rules: a model that lands exactly on each tier, and one a single step below.
@Suite struct ScorerTests {
    let scorer: Scorer

    init() throws {
        let report = try Fixture.audit()
        scorer = try Scorer(rubric: #require(report.rubric), licenses: #require(report.licenses))
    }

    func manifest(weights: WeightsAccess, checkpoints: Bool = false, license: String? = "Apache-2.0",
                  data: DataAccess, code: CodeAccess) -> Manifest {
        Manifest(
            id: ManifestID("subject")!, path: "models/subject.yaml", name: "Subject", developer: "Lab",
            origin: CountryCode("US")!,
            weights: WeightsFacts(access: weights, checkpoints: checkpoints, license: weights == .hosted ? nil : license),
            data: DataFacts(access: data), code: CodeFacts(access: code),
            assessed: CalendarDate("2025-08-10")!)
    }

    @Test func trulyOpenNeedsEveryAxisAtTheTop() {
        let card = scorer.score(manifest(weights: .open, checkpoints: true, data: .released, code: .fullPipeline))
        #expect(card.tier.id == "truly-open")
        #expect(card.points == 100)
        #expect(card.nextTier == nil)
        #expect(card.tierReason == "Truly open: every axis is at its highest level.")
    }

    @Test func withoutCheckpointsATrulyOpenCandidateIsOpenSource() {
        let card = scorer.score(manifest(weights: .open, checkpoints: false, data: .released, code: .fullPipeline))
        #expect(card.tier.id == "open-source")
        #expect(card.points == 93)
        #expect(card.nextTier?.tier.id == "truly-open")
        #expect(card.nextTier?.shortfalls.map(\.summary) == ["weights must be Open with checkpoints (now Open weights)"])
    }

    @Test func openSourceExactlyAtItsThreshold() {
        let card = scorer.score(manifest(weights: .open, data: .documented, code: .fullPipeline))
        #expect(card.tier.id == "open-source")
        #expect(card.nextTier?.shortfalls.map(\.axis) == [.weights, .data])
        #expect(card.nextTier?.steps == 2)
    }

    @Test func oneDataStepBelowOpenSourceIsOpenWeights() {
        let card = scorer.score(manifest(weights: .open, data: .partial, code: .fullPipeline))
        #expect(card.tier.id == "open-weights")
        #expect(card.nextTier?.shortfalls.map(\.summary) == ["data must be Documented (now Partly released)"])
    }

    @Test func oneCodeStepBelowOpenSourceIsOpenWeights() {
        let card = scorer.score(manifest(weights: .open, data: .documented, code: .partialTraining))
        #expect(card.tier.id == "open-weights")
    }

    @Test func openWeightsExactlyAtItsThreshold() {
        let card = scorer.score(manifest(weights: .open, data: .undisclosed, code: .none))
        #expect(card.tier.id == "open-weights")
        #expect(card.points == 43)
    }

    @Test func oneLicenseStepBelowOpenWeightsIsRestricted() {
        let card = scorer.score(manifest(weights: .open, license: "bigscience-openrail-m", data: .released, code: .fullPipeline))
        #expect(card.tier.id == "restricted-weights")
        #expect(card.nextTier?.tier.id == "open-weights")
        #expect(card.nextTier?.shortfalls.map(\.summary) == ["license must be OSI-approved or equivalent (now Open with use restrictions)"])
    }

    @Test func gatedWeightsUnderAnOpenLicenseAreRestricted() {
        let card = scorer.score(manifest(weights: .gated, data: .released, code: .fullPipeline))
        #expect(card.tier.id == "restricted-weights")
        #expect(card.nextTier?.shortfalls.map(\.axis) == [.weights])
    }

    @Test func restrictedWeightsExactlyAtItsThreshold() {
        let card = scorer.score(manifest(weights: .gated, license: "CC-BY-NC-4.0", data: .undisclosed, code: .none))
        #expect(card.tier.id == "restricted-weights")
        #expect(card.points == 8 + 6)
    }

    @Test func hostedIsClosedWhateverElseIsOpen() {
        let card = scorer.score(manifest(weights: .hosted, data: .released, code: .fullPipeline))
        #expect(card.tier.id == "closed")
        // Fifty points, yet closed: the sentence says why the total does not decide.
        #expect(card.tierReason == "Closed, not Restricted weights, because its weights are Hosted only where Gated is needed. Its 50 points exceed the 8 of the least open model that can be Restricted weights: a tier is decided by the axes it requires, not by the total.")
        #expect(card.nextTier?.tier.id == "restricted-weights")
        #expect(card.nextTier?.shortfalls.map(\.summary) == ["weights must be Gated (now Hosted only)"])
    }

    @Test func everyAxisExplainsWhichFactGaveItsLevel() {
        let card = scorer.score(manifest(weights: .open, checkpoints: true, license: "llama3.1", data: .described, code: .inference))
        // Plain words from the rubric's level names, levels counted from 1; no YAML keys.
        #expect(card.axis(.weights)?.reason == "Open with checkpoints, level 4 of 4: anyone can download the final weights, the base model and intermediate training checkpoints.")
        #expect(card.axis(.data)?.reason == "Described, level 2 of 5: a model card, data card or paper names the kinds and main sources of the training data, but none of it can be downloaded.")
        #expect(card.axis(.license)?.reason.hasPrefix("Custom restrictive, level 3 of 5: the weights are under the Llama 3.1 Community License Agreement, at this level because of its terms: ") == true)
        #expect(!card.axes.contains { $0.reason.contains(".access") || $0.reason.contains("'") })
        #expect(card.axis(.license)?.level.id == "custom-restrictive")
        #expect(card.axis(.license)?.evidence == ["https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/LICENSE"])
        #expect(card.points == 25 + 6 + 8 + 12)
        #expect(card.maxPoints == 100)
    }
}

/// The license axis is derived from the weights license through the catalog.
@Suite struct LicenseDerivationTests {
    let scorer: Scorer

    init() throws {
        let report = try Fixture.audit()
        scorer = try Scorer(rubric: #require(report.rubric), licenses: #require(report.licenses))
    }

    func card(license: String?, access: WeightsAccess = .open) -> Scorecard {
        scorer.score(Manifest(
            id: ManifestID("subject")!, path: "models/subject.yaml", name: "Subject", developer: "Lab",
            origin: CountryCode("FR")!, weights: WeightsFacts(access: access, license: license),
            data: DataFacts(access: .undisclosed), code: CodeFacts(access: .none), assessed: CalendarDate("2025-08-10")!))
    }

    @Test(arguments: [
        ("Apache-2.0", "open", 25),
        ("bigscience-openrail-m", "open-restricted", 18),
        ("llama3.1", "custom-restrictive", 12),
        ("CC-BY-NC-4.0", "non-commercial", 6),
    ])
    func catalogLevelBecomesTheAxisLevel(license: String, level: String, points: Int) {
        let axis = card(license: license).axis(.license)
        #expect(axis?.level.id == level)
        #expect(axis?.level.points == points)
    }

    @Test func hostedModelWithoutLicenseIsProprietary() {
        let axis = card(license: nil, access: .hosted).axis(.license)
        #expect(axis?.level.id == "proprietary")
        #expect(axis?.reason == "Proprietary, level 1 of 5: no weights are distributed, so no rights to them are granted.")
    }

    @Test func changingTheCatalogChangesTheScoreWithoutTouchingTheManifest() throws {
        let catalog = try Fixture.audit(replacing: ["licenses.yaml": """
            licenses:
              - id: Apache-2.0
                name: Apache License 2.0
                url: https://www.apache.org/licenses/LICENSE-2.0
                osi-approved: false
                level: non-commercial
                terms: [non-commercial]
                summary: Pretend it became non-commercial.
            """]).licenses
        let rescored = try Scorer(rubric: scorer.rubric, licenses: #require(catalog)).score(card(license: "Apache-2.0").manifest)
        #expect(rescored.axis(.license)?.level.id == "non-commercial")
        #expect(rescored.tier.id == "restricted-weights")
    }
}
