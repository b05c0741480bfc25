@testable import AtomAudit

/// Scorecards with adoption figures, scored with the fixture rubric, for the tests of the
/// download sums and indicators.
struct AdoptionModels {
    let rubric: Rubric
    let scorer: Scorer

    init() throws {
        let report = try Fixture.audit()
        guard let rubric = report.rubric, let licenses = report.licenses else { throw Missing.rubric }
        self.rubric = rubric
        scorer = Scorer(rubric: rubric, licenses: licenses)
    }

    enum Missing: Error { case rubric }

    enum Tier { case trulyOpen, openWeights, restricted, closed }

    /// - Parameter figures: (date, all-time downloads); a nil download is a snapshot with likes only.
    func card(_ id: String, origin: String, tier: Tier, parameters: String? = "7B", released: String? = "2025-01-01",
              figures: [(String, Int?)] = []) -> Scorecard {
        let evidence = ["https://example.org/evidence"]
        let weights: WeightsFacts, data: DataFacts, code: CodeFacts
        switch tier {
        case .trulyOpen:
            weights = WeightsFacts(access: .open, checkpoints: true, license: "Apache-2.0", evidence: evidence)
            data = DataFacts(access: .released, evidence: evidence)
            code = CodeFacts(access: .fullPipeline, license: "Apache-2.0", evidence: evidence)
        case .openWeights:
            weights = WeightsFacts(access: .open, license: "Apache-2.0", evidence: evidence)
            data = DataFacts(access: .undisclosed)
            code = CodeFacts(access: .inference, evidence: evidence)
        case .restricted:
            weights = WeightsFacts(access: .open, license: "llama3.1", evidence: evidence)
            data = DataFacts(access: .described, evidence: evidence)
            code = CodeFacts(access: .inference, evidence: evidence)
        case .closed:
            weights = WeightsFacts(access: .hosted)
            data = DataFacts(access: .undisclosed)
            code = CodeFacts(access: .none)
        }
        let snapshots = figures.map { date, downloads in
            AdoptionSnapshot(date: CalendarDate(date)!, downloads: downloads, likes: downloads == nil ? 10 : nil, sources: ["https://example.org/hub"])
        }
        return scorer.score(Manifest(
            id: ManifestID(id)!, path: "models/\(id).yaml", name: id, developer: "Lab", origin: CountryCode(origin)!,
            released: released.flatMap(CalendarDate.init), parameters: parameters.flatMap(ParameterCount.init),
            weights: weights, data: data, code: code, assessed: CalendarDate("2026-12-01")!, family: id,
            adoption: figures.isEmpty ? nil : Adoption(repositories: [HubRepositoryID("lab/\(id)")!], snapshots: snapshots)))
    }
}
