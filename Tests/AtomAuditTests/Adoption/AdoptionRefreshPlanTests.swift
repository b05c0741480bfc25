import Testing
@testable import AtomAudit

/// What `adoption refresh` decides for each manifest before asking the Hub anything.
@Suite struct AdoptionRefreshPlanTests {
    private let day = CalendarDate(year: 2025, month: 9, day: 1)!

    private func manifest(_ adoption: String) -> String {
        Fixture.validManifest.replacingOccurrences(of: "assessed: 2025-08-10", with: "\(adoption)\nassessed: 2025-08-10")
    }

    private func plan(_ ids: [String]) throws -> AdoptionRefreshPlan {
        let files = [
            "models/fresh.yaml": manifest("adoption:\n  repositories: [example/fresh]"),
            "models/today.yaml": manifest("adoption:\n  repositories: [example/today]\n  snapshots:\n    - as-of: 2025-09-01\n      likes: 1\n      source: https://huggingface.co/example/today"),
            "models/later.yaml": manifest("adoption:\n  repositories: [example/later]\n  snapshots:\n    - as-of: 2025-09-02\n      likes: 1\n      source: https://huggingface.co/example/later"),
            "models/none.yaml": manifest(""),
            "models/broken.yaml": "name: [",
        ]
        let content = try Fixture.snapshot(replacing: files)
        return AdoptionRefreshPlan(ids: ids, content: content, report: ContentAuditor().audit(content), date: day)
    }

    private func summary(_ plan: AdoptionRefreshPlan) -> [String] {
        plan.items.map { item in
            switch item.action {
            case .fetch(let manifest): "\(item.id): fetch \(manifest.adoption?.repositories.map(\.description) ?? [])"
            case .alreadyRefreshed(let date): "\(item.id): already \(date)"
            case .refuse(let refusal): "\(item.id): \(refusal)"
            }
        }
    }

    @Test func everyManifestWithRepositoriesByDefault() throws {
        let plan = try plan([])
        #expect(summary(plan) == [
            "broken: the manifest has errors, so it cannot be refreshed; run 'atom-audit check' and fix them first",
            "fresh: fetch [\"example/fresh\"]",
            "later: the last snapshot is as of 2025-09-02, after 2025-09-01; expected a date after the last snapshot's",
            "open-fixture: fetch [\"example/open-fixture\"]",
            "today: already 2025-09-01",
        ])
        #expect(plan.unknown.isEmpty)
    }

    @Test func namedManifestsInTheGivenOrderAndUnknownIDsWithASuggestion() throws {
        let plan = try plan(["none", "fresh", "frseh", "fresh", "zzz"])
        #expect(summary(plan) == [
            "none: adoption.repositories is empty; expected the official Hugging Face repositories to read figures for",
            "fresh: fetch [\"example/fresh\"]",
        ])
        #expect(plan.unknown == [.init(id: "frseh", suggestions: ["fresh"]), .init(id: "zzz", suggestions: [])])
    }
}
