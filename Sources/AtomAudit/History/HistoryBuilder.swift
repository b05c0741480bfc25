/// Turns audited commits, oldest first, into a `ContentHistory`.
///
/// A fold: each good commit is compared with the last good one, so a builder can be
/// saved after any commit (it is `Codable`, for the history cache) and resumed when
/// new commits arrive, without looking at the old ones again.
public struct HistoryBuilder: Sendable, Hashable, Codable {
    private var events: [HistoryEvent] = []
    private var skipped: [SkippedCommit] = []
    private var commitCount = 0
    /// The state at the last good commit.
    private var last: AuditState?
    /// Renames seen in skipped commits (old id → new id), carried to the next good one.
    private var pendingRenames: [String: String] = [:]
    /// Tier counts by origin after each audited commit that changed them.
    private var census: [TierCensus] = []

    public init() {}

    /// The history of every commit added so far.
    public var history: ContentHistory {
        ContentHistory(events: events, skipped: skipped, commitCount: commitCount, latest: last, census: census)
    }

    /// The history of audited commits, oldest first: a report with errors is skipped.
    public func build(_ reports: some Sequence<(HistoryCommit, AuditReport)>) -> ContentHistory {
        var builder = self
        for (commit, report) in reports { builder.add(HistoryEntry(commit: commit, report: report)) }
        return builder.history
    }

    /// The history of entries, oldest first.
    public func build(entries: some Sequence<HistoryEntry>) -> ContentHistory {
        var builder = self
        for entry in entries { builder.add(entry) }
        return builder.history
    }

    /// Adds the next commit (newer than every commit added before).
    public mutating func add(_ entry: HistoryEntry) {
        let sequence = commitCount
        commitCount += 1
        let renames = Self.chain(pendingRenames, then: entry.renames)
        switch entry.outcome {
        case .failed(let problems):
            skipped.append(SkippedCommit(commit: entry.commit, sequence: sequence, problems: problems))
            pendingRenames = renames
        case .audited(let state):
            var event = Self.compare(last, state, renames: renames, commit: entry.commit)
            event.sequence = sequence
            if !event.isEmpty { events.append(event) }
            let counted = TierCensus(state: state, commit: entry.commit, sequence: sequence)
            if census.last?.counts != counted.counts { census.append(counted) }
            last = state
            pendingRenames = [:]
        }
    }

    /// Renames of two commits in a row as one: a → b then b → c is a → c.
    static func chain(_ first: [String: String], then second: [String: String]) -> [String: String] {
        guard !first.isEmpty else { return second }
        var result = second
        for (old, new) in first {
            result[old] = second[new] ?? new
            if second[new] != nil { result[new] = nil }
        }
        return result
    }

    static func compare(_ old: AuditState?, _ new: AuditState, renames: [String: String], commit: HistoryCommit) -> HistoryEvent {
        var event = HistoryEvent(commit: commit)
        if old?.rubricVersion != new.rubricVersion {
            event.rubric = RubricChange(commit: commit, from: old?.rubricVersion, to: new.rubricVersion)
        }
        event.models = compareModels(old?.models ?? [], new.models, renames: renames, commit: commit)
        event.signposts = compareSignposts(old?.signposts ?? [], new.signposts, commit: commit)
        return event
    }

    static func compareModels(_ old: [ModelState], _ new: [ModelState], renames: [String: String], commit: HistoryCommit) -> [ModelChange] {
        // Both lists are sorted by id: one walk finds what went, what came and what both
        // have, without a dictionary of every model at every commit.
        var gone: [ModelState] = [], arrived: [ModelState] = [], changes: [ModelChange] = []
        var i = old.startIndex, j = new.startIndex
        while i < old.endIndex || j < new.endIndex {
            if j == new.endIndex || (i < old.endIndex && old[i].id < new[j].id) {
                gone.append(old[i])
                i += 1
            } else if i == old.endIndex || new[j].id < old[i].id {
                arrived.append(new[j])
                j += 1
            } else {
                if old[i] != new[j] {
                    let change = change(.changed, old[i], new[j], commit: commit)
                    if !change.levels.isEmpty || change.tier != nil || change.points != nil || change.license != nil {
                        changes.append(change)
                    }
                }
                i += 1
                j += 1
            }
        }
        guard !gone.isEmpty || !arrived.isEmpty else { return changes }

        let moves = pairRenames(gone: gone, arrived: arrived, hints: renames)
        let movedTo = Set(moves.values)
        for model in gone {
            if let target = moves[model.id], let moved = arrived.first(where: { $0.id == target }) {
                changes.append(change(.renamed, model, moved, commit: commit, previousID: model.id))
            } else {
                changes.append(ModelChange(commit: commit, kind: .removed, model: model.id, before: model))
            }
        }
        for model in arrived where !movedTo.contains(model.id) {
            changes.append(ModelChange(commit: commit, kind: .added, model: model.id, after: model))
        }
        return changes.sorted { ($0.model, $0.kind.rawValue) < ($1.model, $1.kind.rawValue) }
    }

    private static func change(_ kind: ModelChange.Kind, _ a: ModelState, _ b: ModelState, commit: HistoryCommit,
                               previousID: String? = nil) -> ModelChange {
        let (levels, tier, points, license) = ModelChange.differences(a, b)
        return ModelChange(commit: commit, kind: kind, model: b.id, previousID: previousID, levels: levels,
                           tier: tier, points: points, license: license, before: a, after: b)
    }

    /// Old id → new id for models that moved: first the moves git saw, then a model that
    /// went and one that arrived with the same name (names are unique in good content,
    /// and a file moved unchanged keeps its name).
    static func pairRenames(gone: [ModelState], arrived: [ModelState], hints: [String: String]) -> [String: String] {
        let goneIDs = Set(gone.map(\.id))
        var arrivedIDs = Set(arrived.map(\.id))
        var moves: [String: String] = [:]
        for (from, to) in hints where goneIDs.contains(from) && arrivedIDs.contains(to) {
            moves[from] = to
            arrivedIDs.remove(to)
        }
        var arrivedByName: [String: [String]] = [:]
        for model in arrived where arrivedIDs.contains(model.id) { arrivedByName[model.name, default: []].append(model.id) }
        var goneByName: [String: [String]] = [:]
        for model in gone where moves[model.id] == nil { goneByName[model.name, default: []].append(model.id) }
        for (name, ids) in goneByName {
            guard ids.count == 1, let targets = arrivedByName[name], targets.count == 1 else { continue }
            moves[ids[0]] = targets[0]
        }
        return moves
    }

    static func compareSignposts(_ old: [SignpostState], _ new: [SignpostState], commit: HistoryCommit) -> [SignpostChange] {
        let before = Dictionary(old.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Set(new.map(\.key))
        var changes: [SignpostChange] = []
        for signpost in new {
            let previous = before[signpost.key]
            guard previous?.met != signpost.met || previous?.noData != signpost.noData else { continue }
            var change = SignpostChange(commit: commit, scenario: signpost.scenario, scenarioTitle: signpost.scenarioTitle,
                                        signpost: signpost.text, metBefore: previous?.met, metAfter: signpost.met,
                                        value: signpost.value, threshold: signpost.threshold)
            change.noDataBefore = previous?.noData ?? false
            change.noDataAfter = signpost.noData
            changes.append(change)
        }
        for signpost in old where !after.contains(signpost.key) {
            changes.append(SignpostChange(commit: commit, scenario: signpost.scenario, scenarioTitle: signpost.scenarioTitle,
                                          signpost: signpost.text, metBefore: signpost.met, metAfter: nil,
                                          value: signpost.value, threshold: signpost.threshold))
        }
        return changes
    }
}
