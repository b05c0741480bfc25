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
        #expect(card.tierReason == "Truly open: weights is Open with checkpoints, data is Released, code is Full pipeline, license is OSI-approved or equivalent.")
    }

    @Test func withoutCheckpointsATrulyOpenCandidateIsOpenSource() {
        let card = scorer.score(manifest(weights: .open, checkpoints: false, data: .released, code: .fullPipeline))
        #expect(card.tier.id == "open-source")
        #expect(card.points == 93)
        #expect(card.nextTier?.tier.id == "truly-open")
        #expect(card.nextTier?.shortfalls.map(\.summary) == ["weights needs Open with checkpoints (now Open weights)"])
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
        #expect(card.nextTier?.shortfalls.map(\.summary) == ["data needs Documented (now Partly released)"])
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
        #expect(card.nextTier?.shortfalls.map(\.summary) == ["license needs OSI-approved or equivalent (now Open with use restrictions)"])
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
        #expect(card.tierReason == "Closed: it does not meet the requirements of any higher tier.")
        #expect(card.nextTier?.tier.id == "restricted-weights")
        #expect(card.nextTier?.shortfalls.map(\.summary) == ["weights needs Gated (now Hosted only)"])
    }

    @Test func everyAxisExplainsWhichFactGaveItsLevel() {
        let card = scorer.score(manifest(weights: .open, checkpoints: true, license: "llama3.1", data: .described, code: .inference))
        #expect(card.axis(.weights)?.reason == "weights.access is 'open' and checkpoints is true: the final weights, the base model and intermediate checkpoints can be downloaded.")
        #expect(card.axis(.data)?.reason == "data.access is 'described'.")
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
        #expect(axis?.reason == "No weights license: the weights are not distributed, so no rights are granted.")
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
