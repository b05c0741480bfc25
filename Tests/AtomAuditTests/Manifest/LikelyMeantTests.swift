import Testing
@testable import AtomAudit

@Suite struct LikelyMeantTests {
    let known = ["olmo-2-7b", "olmo-2-13b", "olmo-2-32b", "olmo-3-7b", "qwen3-8b"]

    @Test func theIDWithTheLongestSharedStartComesFirstAmongTheClosest() {
        #expect(ManifestID.likelyMeant("olmo-2-3b", among: known) == ["olmo-2-32b", "olmo-2-13b", "olmo-2-7b"])
        #expect(ManifestID.likelyMeant("Qwen3-8B", among: known) == ["qwen3-8b"])
        #expect(ManifestID.likelyMeant("olmo-2-32b", among: known, limit: 1) == ["olmo-2-32b"])
    }

    @Test func farOffOrOverlongInputGetsNothing() {
        #expect(ManifestID.likelyMeant("llama-4-maverick", among: known).isEmpty)
        #expect(ManifestID.likelyMeant(String(repeating: "o", count: 101), among: known).isEmpty)
        #expect(ManifestID.likelyMeant("", among: known).isEmpty)
    }
}
