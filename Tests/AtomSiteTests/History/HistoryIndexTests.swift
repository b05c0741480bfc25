import AtomAudit
import Testing
@testable import AtomSite

@Suite struct HistoryIndexTests {
    func commit(_ day: Int) -> HistoryCommit {
        HistoryCommit(id: String(repeating: String(day % 10), count: 40), date: CalendarDate(year: 2025, month: 1, day: day) ?? .referenceDay,
                      subject: "commit \(day)")
    }

    func event(_ day: Int, _ changes: [(ModelChange.Kind, String, String?)]) -> HistoryEvent {
        HistoryEvent(commit: commit(day), sequence: day, models: changes.map { kind, model, previous in
            ModelChange(commit: commit(day), kind: kind, model: model, previousID: previous, points: kind == .changed ? ValueChange(from: 1, to: 2) : nil)
        })
    }

    /// b was a, which was added; a later model took the id a: each keeps its own story.
    @Test func aModelsChangesFollowItsRenamesBackToItsAddition() {
        let history = ContentHistory(events: [
            event(1, [(.added, "a", nil)]),
            event(2, [(.changed, "a", nil)]),
            event(3, [(.renamed, "b", "a")]),
            event(4, [(.added, "a", nil), (.changed, "b", nil)]),
            event(5, [(.changed, "a", nil)]),
        ])
        let index = HistoryIndex(history)
        #expect(index.entries(for: "b").map { "\($0.sequence) \($0.change.kind)" } == ["4 changed", "3 renamed", "2 changed", "1 added"])
        #expect(index.entries(for: "a").map { "\($0.sequence) \($0.change.kind)" } == ["5 changed", "4 added"])
        #expect(index.entries(for: "c").isEmpty)
        #expect(HistoryIndex(nil).entries(for: "a").isEmpty)
    }

    @Test func wordsForEachKindOfChange() {
        let before = ModelState(id: "a", name: "A", levels: [], tier: TierState(id: "closed", label: "Closed"), points: 0, license: nil)
        var after = before
        after.tier = TierState(id: "open-weights", label: "Open weights")
        let change = ModelChange(commit: commit(1), kind: .renamed, model: "b", previousID: "a",
                                 levels: [LevelChange(from: LevelState(axis: .weights, id: "hosted", label: "Hosted only"),
                                                      to: LevelState(axis: .weights, id: "open", label: "Open weights"))],
                                 tier: ValueChange(from: before.tier, to: after.tier), points: ValueChange(from: 0, to: 43),
                                 license: ValueChange(from: nil, to: "MIT"), before: before, after: after)
        #expect(ChangeWording.phrases(change) == ["renamed from a", "tier Closed → Open weights", "weights: Hosted only → Open weights",
                                                  "license none → MIT", "0 → 43 points"])
        #expect(ChangeWording.phrases(ModelChange(commit: commit(1), kind: .added, model: "a", after: before)) == ["added (Closed, 0 points)"])
        #expect(ChangeWording.isNotable(change) && !ChangeWording.isNotable(ModelChange(commit: commit(1), kind: .changed, model: "a")))
    }

    @Test func aSignpostWithoutFiguresShowsNoEmptyReading() {
        var tracked = SignpostChange(commit: commit(1), scenario: "s", scenarioTitle: "S", signpost: "Downloads", metBefore: nil, metAfter: false,
                                     value: "No data", threshold: "at least 10%")
        tracked.noDataAfter = true
        #expect(ChangeWording.signpost(tracked) == "tracked from here: no data yet")
        var filled = SignpostChange(commit: commit(2), scenario: "s", scenarioTitle: "S", signpost: "Downloads", metBefore: false, metAfter: true,
                                    value: "12%", threshold: "at least 10%")
        filled.noDataBefore = true
        #expect(ChangeWording.signpost(filled) == "no data → met (value 12%; threshold at least 10%)")
        let counted = SignpostChange(commit: commit(2), scenario: "s", scenarioTitle: "S", signpost: "Count", metBefore: nil, metAfter: true,
                                     value: "3", threshold: "at least 1")
        #expect(ChangeWording.signpost(counted) == "tracked from here: met (value 3; threshold at least 1)")
    }
}
