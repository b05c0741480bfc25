import Testing
@testable import AtomAudit

/// Which of the Hub's top models the catalogue covers, directly or through a base model.
@Suite struct CoverageTallyTests {
    private func manifest(_ id: String, _ repositories: [String]) -> Manifest {
        Manifest(id: ManifestID(id)!, path: "Content/models/\(id).yaml", name: id, developer: "Lab", origin: CountryCode("US")!,
                 weights: WeightsFacts(access: .open), data: DataFacts(access: .undisclosed), code: CodeFacts(access: .none),
                 assessed: CalendarDate(year: 2025, month: 1, day: 1)!,
                 adoption: Adoption(repositories: repositories.compactMap(HubRepositoryID.init)))
    }

    @Test func readsBaseModelsFromEveryTagForm() {
        let model = HubModelListing(id: "someone/Qwen3-8B-GGUF", downloads: 1, tags: [
            "gguf", "base_model:Qwen/Qwen3-8B-Base", "base_model:quantized:Qwen/Qwen3-8B", "base_model:finetune:org/x",
            "base_model:adapter:org/y", "base_model:merge:org/z", "base_model:quantized:Qwen/Qwen3-8B", "base_model:not a repo",
            "license:apache-2.0",
        ])
        #expect(model.baseModels.map(\.description) == ["Qwen/Qwen3-8B-Base", "Qwen/Qwen3-8B", "org/x", "org/y", "org/z"])
    }

    @Test func figuresTooLargeToAddSaturate() {
        let models = [HubModelListing(id: "a/one", downloads: Int.max - 10), HubModelListing(id: "b/two", downloads: Int.max - 10)]
        let tally = CoverageTally(models: models, manifests: [manifest("one", ["a/one"])])
        #expect(tally.totalDownloads == Int.max)
        #expect(tally.coveredDownloads == Int.max - 10)
    }

    @Test func claimsBasesAndTheUncovered() {
        let models = [
            HubModelListing(id: "Qwen/Qwen3-8B", downloads: 600, tags: ["base_model:finetune:Qwen/Qwen3-8B-Base"]),
            HubModelListing(id: "unsloth/Qwen3-8B-GGUF", downloads: 250, tags: ["base_model:quantized:qwen/qwen3-8b"]),
            HubModelListing(id: "someone/uncovered", downloads: 100, tags: ["base_model:finetune:other/base"]),
            HubModelListing(id: "META-LLAMA/Llama-3.1-8B", downloads: 50),
        ]
        let tally = CoverageTally(models: models, manifests: [
            manifest("qwen3-8b", ["Qwen/Qwen3-8B", "Qwen/Qwen3-8B-Base"]),
            manifest("llama-3.1-8b", ["meta-llama/Llama-3.1-8B"]),
            manifest("also-qwen", ["Qwen/Qwen3-8B"]),
        ])
        #expect(tally.rows.map(\.status) == [
            .claimed(by: "also-qwen"),  // two manifests claim it: the first by id
            .viaBase(by: "also-qwen", base: HubRepositoryID("qwen/qwen3-8b")!),
            .uncovered,
            .claimed(by: "llama-3.1-8b"),  // names match without regard to case, as on the Hub
        ])
        #expect(tally.rows.map(\.rank) == [1, 2, 3, 4])
        #expect(tally.totalDownloads == 1000)
        #expect(tally.coveredDownloads == 900)
        let record = tally.record(date: CalendarDate(year: 2025, month: 9, day: 1)!, endpoint: "https://huggingface.co", top: 4)
        #expect(record.uncovered == [.init(repository: "someone/uncovered", downloads: 100)])
        #expect(record.coveredShare == 0.9)
    }
}
