import Foundation
import Testing
@testable import AtomAudit

@Suite struct HistoryBuilderTests {
    typealias S = HistoryStates

    @Test func aModelAddedThenChangedThenRemoved() {
        let a1 = S.model("a", points: 43), b = S.model("b", weights: "hosted", license: nil, tier: "closed", points: 0)
        let a2 = S.model("a", data: "described", license: "MIT", tier: "open-weights", points: 49)
        let a3 = S.model("a", weights: "open-checkpoints", data: "released", code: "full-pipeline", tier: "truly-open", points: 100)
        let history = HistoryBuilder().build(entries: [
            S.entry(1, S.state([a1, b])),
            S.entry(2, S.state([a2, b])),
            S.entry(3, S.state([a3, b])),
            S.entry(4, S.state([b])),
        ])
        #expect(history.commitCount == 4)
        #expect(history.skipped.isEmpty)
        #expect(history.events.map(\.commit.id) == (1...4).map { S.commit($0).id })
        #expect(history.events.map(\.sequence) == [0, 1, 2, 3])

        #expect(history.events[0].rubric == RubricChange(commit: S.commit(1), from: nil, to: "1.0"))
        #expect(history.events[0].models == [
            ModelChange(commit: S.commit(1), kind: .added, model: "a", after: a1),
            ModelChange(commit: S.commit(1), kind: .added, model: "b", after: b),
        ])
        let data = LevelChange(from: LevelState(axis: .data, id: "undisclosed", label: "Undisclosed"),
                               to: LevelState(axis: .data, id: "described", label: "Described"))
        #expect(history.events[1] == HistoryEvent(commit: S.commit(2), sequence: 1, models: [
            ModelChange(commit: S.commit(2), kind: .changed, model: "a", levels: [data],
                        points: ValueChange(from: 43, to: 49), license: ValueChange(from: "Apache-2.0", to: "MIT"),
                        before: a1, after: a2),
        ]))
        let change = history.events[2].models[0]
        #expect(change.levels.map { "\($0.axis.rawValue) \($0.from.id) → \($0.to.id)" }
            == ["weights open → open-checkpoints", "data described → released", "code none → full-pipeline"])
        #expect(change.tier == ValueChange(from: TierState(id: "open-weights", label: "Open weights"),
                                           to: TierState(id: "truly-open", label: "Truly open")))
        #expect(change.license == ValueChange(from: "MIT", to: "Apache-2.0"))
        #expect(history.events[3] == HistoryEvent(commit: S.commit(4), sequence: 3, models: [
            ModelChange(commit: S.commit(4), kind: .removed, model: "a", before: a3),
        ]))
        #expect(history.latest == S.state([b]))
    }

    @Test func aCommitThatChangesNoScoreMakesNoEvent() {
        let a = S.model("a", points: 43)
        let history = HistoryBuilder().build(entries: [S.entry(1, S.state([a])), S.entry(2, S.state([a]))])
        #expect(history.events.map(\.sequence) == [0])
        #expect(history.commitCount == 2)
    }

    @Test func aFileMovedUnchangedIsARenameByItsName() {
        let old = S.model("qwen3-8b", name: "Qwen3 8B", points: 43)
        var new = old
        new.id = "qwen-3-8b"
        let history = HistoryBuilder().build(entries: [S.entry(1, S.state([old])), S.entry(2, S.state([new]))])
        #expect(history.events[1].models == [
            ModelChange(commit: S.commit(2), kind: .renamed, model: "qwen-3-8b", previousID: "qwen3-8b", before: old, after: new),
        ])
    }

    @Test func gitsRenameDetectionPairsAFileEditedWhileMoved() {
        let old = S.model("a", name: "Alpha", points: 43)
        let new = S.model("b", name: "Beta", data: "described", points: 49)
        let unrelated = S.model("c", name: "Gamma", points: 43)
        let history = HistoryBuilder().build(entries: [
            S.entry(1, S.state([old])),
            S.entry(2, S.state([new, unrelated]), renames: ["a": "b"]),
        ])
        let changes = history.events[1].models
        #expect(changes.map(\.kind) == [.renamed, .added])
        #expect(changes[0].previousID == "a" && changes[0].model == "b")
        #expect(changes[0].levels.map(\.axis) == [.data] && changes[0].points == ValueChange(from: 43, to: 49))
        #expect(changes[1].model == "c")
    }

    @Test func withoutAHintOrTheSameNameAMoveIsARemovalAndAnAddition() {
        let history = HistoryBuilder().build(entries: [
            S.entry(1, S.state([S.model("a", name: "Alpha", points: 43)])),
            S.entry(2, S.state([S.model("b", name: "Beta", points: 43)])),
        ])
        #expect(history.events[1].models.map { "\($0.kind) \($0.model)" } == ["removed a", "added b"])
    }

    @Test func aRubricChangeIsOneEventWithEveryModelItReScores() {
        let before = S.state([S.model("a", points: 43), S.model("b", weights: "hosted", license: nil, tier: "closed", points: 0)])
        let after = S.state([S.model("a", points: 50), S.model("b", weights: "hosted", license: nil, tier: "closed", points: 2)], rubric: "1.1")
        let history = HistoryBuilder().build(entries: [S.entry(1, before), S.entry(2, after)])
        #expect(history.events.count == 2)
        let event = history.events[1]
        #expect(event.rubric == RubricChange(commit: S.commit(2), from: "1.0", to: "1.1"))
        #expect(event.models.map(\.model) == ["a", "b"])
        #expect(event.models.map(\.points) == [ValueChange(from: 43, to: 50), ValueChange(from: 0, to: 2)])
        #expect(event.models.allSatisfy { $0.kind == .changed && $0.levels.isEmpty && $0.tier == nil })
        #expect(history.rubricChanges.map(\.to) == ["1.0", "1.1"])
    }

    @Test func aBrokenCommitIsSkippedAndTheNextIsComparedWithTheLastGoodOne() {
        let a1 = S.model("a", name: "Alpha", points: 43)
        let b = S.model("b", name: "Beta", data: "described", points: 49)
        let history = HistoryBuilder().build(entries: [
            S.entry(1, S.state([a1])),
            S.failed(2, renames: ["a": "x"]),
            // The rename of the broken commit carries on to the next good one: a → x → b.
            S.entry(3, S.state([b]), renames: ["x": "b"]),
        ])
        #expect(history.skipped.map(\.commit) == [S.commit(2)])
        #expect(history.skipped[0].sequence == 1)
        #expect(history.skipped[0].problems.map { "\($0.location?.description ?? "") \($0.code)" } == ["Content/models/a.yaml:9:12 unknown-license"])
        #expect(history.events.map(\.sequence) == [0, 2])
        let change = history.events[1].models
        #expect(change.map { "\($0.kind) \($0.previousID ?? "") → \($0.model)" } == ["renamed a → b"])
        #expect(change[0].points == ValueChange(from: 43, to: 49))
    }

    @Test func renamesOfCommitsInARowChain() {
        #expect(HistoryBuilder.chain(["a": "b"], then: ["b": "c"]) == ["a": "c"])
        #expect(HistoryBuilder.chain(["a": "b"], then: ["x": "y"]) == ["a": "b", "x": "y"])
        #expect(HistoryBuilder.chain([:], then: ["x": "y"]) == ["x": "y"])
    }

    @Test func signpostsTurnMetAndUnmetAppearAndGo() {
        let a = S.model("a", points: 43)
        let history = HistoryBuilder().build(entries: [
            S.entry(1, S.state([a], signposts: [S.signpost("one", met: false, value: "0")])),
            S.entry(2, S.state([a], signposts: [S.signpost("one", met: true, value: "1"), S.signpost("two", met: false)])),
            // A new value that does not flip the signpost is not a change.
            S.entry(3, S.state([a], signposts: [S.signpost("one", met: true, value: "2"), S.signpost("two", met: false, value: "5")])),
            S.entry(4, S.state([a], signposts: [S.signpost("one", met: false, value: "0")])),
        ])
        func describe(_ change: SignpostChange) -> String {
            "\(change.commit.date) \(change.signpost): \(change.metBefore.map(String.init) ?? "new") → \(change.metAfter.map(String.init) ?? "gone") (\(change.value))"
        }
        #expect(history.signpostChanges.map(describe) == [
            "2025-01-01 one: new → false (0)",
            "2025-01-02 one: false → true (1)",
            "2025-01-02 two: new → false (1)",
            "2025-01-04 one: true → false (0)",
            "2025-01-04 two: false → gone (5)",
        ])
        #expect(history.changes(forSignpost: "one", inScenario: "divergence").map(\.commit.date.day) == [1, 2, 4])
        #expect(history.changes(forSignpost: "one", inScenario: "elsewhere").isEmpty)
    }

    /// A downloads signpost reads "no data" until figures exist; getting data is a change,
    /// and "no data" is not "not met".
    @Test func aSignpostGainingDataIsAChange() {
        let a = S.model("a", points: 43)
        var empty = S.signpost("downloads", met: false, value: "No data")
        empty.noData = true
        let history = HistoryBuilder().build(entries: [
            S.entry(1, S.state([a], signposts: [empty])),
            S.entry(2, S.state([a], signposts: [empty])),
            S.entry(3, S.state([a], signposts: [S.signpost("downloads", met: false, value: "40%")])),
        ])
        let changes = history.signpostChanges
        #expect(changes.count == 2)
        #expect(changes.last.map { ($0.noDataBefore, $0.noDataAfter, $0.metAfter) } ?? (false, true, nil) == (true, false, false))
    }

    @Test func aSavedBuilderResumesWhereItStopped() throws {
        let entries = [
            S.entry(1, S.state([S.model("a", points: 43)])),
            S.failed(2),
            S.entry(3, S.state([S.model("a", data: "described", points: 49)])),
            S.entry(4, S.state([S.model("a", data: "released", points: 68)], rubric: "2.0")),
        ]
        var first = HistoryBuilder()
        for entry in entries.prefix(2) { first.add(entry) }
        let saved = try JSONEncoder().encode(first)
        var resumed = try JSONDecoder().decode(HistoryBuilder.self, from: saved)
        for entry in entries.dropFirst(2) { resumed.add(entry) }
        #expect(resumed.history == HistoryBuilder().build(entries: entries))
    }

    @Test func oneModelsChangesFollowItThroughRenames() {
        let history = HistoryBuilder().build(entries: [
            S.entry(1, S.state([S.model("a", name: "Alpha", points: 43), S.model("c", name: "Gamma", points: 1)])),
            S.entry(2, S.state([S.model("a", name: "Alpha", points: 49), S.model("c", name: "Gamma", points: 2)])),
            S.entry(3, S.state([S.model("b", name: "Alpha", points: 49), S.model("c", name: "Gamma", points: 2)])),
            // A new model takes the old id: not part of b's story.
            S.entry(4, S.state([S.model("a", name: "Another", points: 5), S.model("b", name: "Alpha", points: 60),
                                S.model("c", name: "Gamma", points: 2)])),
        ])
        #expect(history.changes(forModel: "b").map { "\($0.commit.subject): \($0.kind) \($0.model)" }
            == ["commit 1: added a", "commit 2: changed a", "commit 3: renamed b", "commit 4: changed b"])
        #expect(history.changes(forModel: "a").map { "\($0.commit.subject): \($0.kind) \($0.model)" }
            == ["commit 4: added a"])
        let filtered = history.filtered(model: "b")
        #expect(filtered.events.map(\.sequence) == [0, 1, 2, 3])
        #expect(filtered.events.allSatisfy { $0.models.count == 1 && $0.signposts.isEmpty })
        #expect(filtered.events[0].rubric?.to == "1.0")
    }
}

@Suite struct HistoryFromReportsTests {
    @Test func reportsOfTheFixtureContentBecomeEventsAndABrokenOneIsSkipped() throws {
        let open = try String(contentsOf: Fixture.contentURL.appendingPathComponent("models/open-fixture.yaml"), encoding: .utf8)
        let documented = open.replacingOccurrences(of: "access: released", with: "access: documented")
        let reports = [
            (HistoryStates.commit(1), try Fixture.audit()),
            (HistoryStates.commit(2), try Fixture.audit(replacing: ["models/broken.yaml": "name: [unclosed\n"])),
            (HistoryStates.commit(3), try Fixture.audit(replacing: ["models/open-fixture.yaml": documented])),
        ]
        let history = HistoryBuilder().build(reports)
        #expect(history.events[0].models.map { "\($0.kind) \($0.model) \($0.after?.tier.label ?? "") \($0.after?.points ?? -1)" }
            == ["added hosted-fixture Closed 0", "added open-fixture Truly open 100"])
        #expect(history.skipped.map(\.commit.subject) == ["commit 2"])
        #expect(history.skipped[0].problems.allSatisfy { $0.severity == .error && $0.location?.file == "Content/models/broken.yaml" })
        let change = try #require(history.events.last?.models.first)
        #expect(history.events.last?.commit.subject == "commit 3")
        #expect(change.model == "open-fixture" && change.kind == .changed)
        #expect(change.levels.map { "\($0.axis.rawValue) \($0.from.label) → \($0.to.label)" } == ["data Released → Documented"])
        #expect(change.tier.map { "\($0.from.label) → \($0.to.label)" } == "Truly open → Open source")
        #expect(change.points == ValueChange(from: 100, to: 93))
        #expect(change.license == nil)
    }
}

