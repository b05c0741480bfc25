import AtomAudit

/// Every model's changes, looked up by id for the scorecards: built once per site, since
/// `ContentHistory.changes(forModel:)` walks every change of the history for each model
/// it is asked about, and a site asks for each of its models.
struct HistoryIndex: Sendable {
    /// A model change with what the scorecard also shows of its commit.
    struct Entry: Sendable {
        var commit: HistoryCommit
        var sequence: Int
        /// The rubric change of the same commit, the reason a model was re-scored.
        var rubric: RubricChange?
        var change: ModelChange
    }

    /// By the id the change names (`ModelChange.model`), newest first.
    private let byModel: [String: [Entry]]

    init(_ history: ContentHistory?) {
        var byModel: [String: [Entry]] = [:]
        for event in (history?.events ?? []).reversed() {
            for change in event.models {
                byModel[change.model, default: []].append(Entry(commit: event.commit, sequence: event.sequence, rubric: event.rubric, change: change))
            }
        }
        self.byModel = byModel
    }

    /// A model's changes, newest first, followed back through renames to where it was
    /// added (as `ContentHistory.changes(forModel:)` does, and no further: a model that
    /// took an id another one had before is kept apart from it).
    func entries(for id: String) -> [Entry] {
        var found: [Entry] = []
        var current = id
        // Each rename leads to an older commit, so the walk always ends.
        var before = Int.max
        walk: while true {
            for entry in byModel[current] ?? [] where entry.sequence < before {
                found.append(entry)
                if entry.change.kind == .added { break walk }
                if entry.change.kind == .renamed, let previous = entry.change.previousID {
                    current = previous
                    before = entry.sequence
                    continue walk
                }
            }
            break
        }
        return found
    }
}
