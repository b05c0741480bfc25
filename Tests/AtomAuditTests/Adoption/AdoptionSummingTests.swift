import Testing
@testable import AtomAudit

/// A model's snapshot sums its repositories' figures; derivatives count once per model.
@Suite struct AdoptionSummingTests {
    private let day = CalendarDate(year: 2025, month: 9, day: 1)!
    private let instruct = HubRepositoryID("example/subject")!
    private let base = HubRepositoryID("example/subject-Base")!

    @Test func sumsEveryFigureOverTheRepositories() {
        let figures = [
            HubRepositoryFigures(repository: instruct, downloads: 1000, downloadsLast30Days: 200, likes: 10,
                                 derivatives: [.fineTune: ["a/ft1", "a/ft2"], .quantization: ["b/q1"]],
                                 source: "https://huggingface.co/api/models/example/subject"),
            HubRepositoryFigures(repository: base, downloads: 500, downloadsLast30Days: 100, likes: 2,
                                 derivatives: [.adapter: ["c/lora"], .merge: ["d/m1"]],
                                 source: "https://huggingface.co/api/models/example/subject-Base"),
        ]
        let snapshot = AdoptionSnapshot(summing: figures, on: day)
        #expect(snapshot == AdoptionSnapshot(
            date: day, downloads: 1500, downloadsLast30Days: 300, likes: 12,
            derivatives: DerivativeCounts(fineTunes: 2, adapters: 1, quantizations: 1, merges: 1),
            sources: ["https://huggingface.co/api/models/example/subject", "https://huggingface.co/api/models/example/subject-Base"]))
    }

    @Test func aDerivativeOfTwoRepositoriesCountsOnce() {
        // A merge of the base and the instruct model names both as its base.
        let figures = [
            HubRepositoryFigures(repository: instruct, likes: 1, derivatives: [.merge: ["d/both", "d/one"], .fineTune: ["x/ft"]], source: "https://example.org/1"),
            HubRepositoryFigures(repository: base, likes: 1, derivatives: [.merge: ["d/both"], .quantization: ["x/ft"]], source: "https://example.org/2"),
        ]
        let counts = AdoptionSnapshot(summing: figures, on: day).derivatives
        // The same model under two relations counts under each.
        #expect(counts == DerivativeCounts(fineTunes: 1, adapters: 0, quantizations: 1, merges: 2))
    }

    @Test func aFigureOneRepositoryLacksStaysUnknown() {
        let figures = [
            HubRepositoryFigures(repository: instruct, downloads: 1000, downloadsLast30Days: 200, likes: 10, source: "https://example.org/1"),
            HubRepositoryFigures(repository: base, downloads: nil, downloadsLast30Days: 100, likes: 0, source: "https://example.org/2"),
        ]
        let snapshot = AdoptionSnapshot(summing: figures, on: day)
        #expect(snapshot.downloads == nil, "a partial sum would later read as downloads falling")
        #expect(snapshot.downloadsLast30Days == 300)
        #expect(snapshot.likes == 10)
        #expect(snapshot.derivatives == DerivativeCounts())
    }
}
