import Testing
@testable import AtomAudit

@Suite struct TierCensusTests {
    typealias S = HistoryStates

    @Test func countsEachOriginsTiersAfterEveryCommitThatChangesThem() {
        let us = S.model("a", points: 43), cn = S.model("b", weights: "hosted", license: nil, tier: "closed", points: 0, origin: "CN")
        var opened = cn
        opened.tier = TierState(id: "open-weights", label: "Open weights")
        var moved = us
        moved.origin = "FR"
        let history = HistoryBuilder().build(entries: [
            S.entry(1, S.state([us, cn])),
            // Only the name changes: the counts stay, so no new census.
            S.entry(2, S.state([us, { var b = cn; b.name = "B2"; return b }()])),
            S.failed(3),
            S.entry(4, S.state([us, opened])),
            // An origin corrected changes no score (no event) but does change the counts.
            S.entry(5, S.state([moved, opened])),
        ])
        #expect(history.census.map(\.sequence) == [0, 3, 4])
        #expect(history.census[0].counts == [
            TierCensus.Count(origin: "CN", tier: "closed", count: 1), TierCensus.Count(origin: "US", tier: "open-weights", count: 1),
        ])
        #expect(history.census[1].count(tier: "open-weights") == 2)
        #expect(history.census[1].count(tier: "open-weights", origins: ["CN"]) == 1)
        #expect(history.census[2].origins == ["CN", "FR"])
        #expect(!history.events.contains { $0.sequence == 4 })
    }

    @Test func aModelStateKeepsItsOrigin() {
        #expect(S.model("a", points: 1, origin: "CN").origin == "CN")
    }
}
