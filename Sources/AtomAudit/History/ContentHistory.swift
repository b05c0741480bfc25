/// What changed in the content, commit by commit: models added, removed, renamed and
/// re-scored, scenario signposts that turned, rubric versions, and the commits that
/// could not be audited.
public struct ContentHistory: Sendable, Hashable, Codable {
    /// Commits that changed a score, a signpost or the rubric version, oldest first.
    public var events: [HistoryEvent]
    /// Commits whose content has errors, oldest first. They are left out of `events`:
    /// the next good commit is compared with the last good one.
    public var skipped: [SkippedCommit]
    /// Commits read, skipped ones included.
    public var commitCount: Int
    /// The state at the last good commit; nil when no commit was good.
    public var latest: AuditState?
    /// Tier counts by origin, oldest first: one per audited commit that changed them.
    public var census: [TierCensus]

    public init(events: [HistoryEvent] = [], skipped: [SkippedCommit] = [], commitCount: Int = 0, latest: AuditState? = nil,
                census: [TierCensus] = []) {
        self.events = events
        self.skipped = skipped
        self.commitCount = commitCount
        self.latest = latest
        self.census = census
    }

    public var modelChanges: [ModelChange] { events.flatMap(\.models) }
    public var signpostChanges: [SignpostChange] { events.flatMap(\.signposts) }
    public var rubricChanges: [RubricChange] { events.compactMap(\.rubric) }

    /// One model's changes, oldest first, following it back through renames: asked for
    /// `b`, after `a` was renamed to `b`, this includes `a`'s changes before the rename.
    /// The walk goes newest first and stops where the model was added, so a model that
    /// takes an id another one had before is kept apart from it.
    public func changes(forModel id: String) -> [ModelChange] {
        var current = id
        var found: [ModelChange] = []
        for change in modelChanges.reversed() {
            if change.model == current {
                found.append(change)
                if change.kind == .added { break }
                if change.kind == .renamed, let previous = change.previousID { current = previous }
            } else if change.kind == .renamed, change.previousID == current {
                // Asked for the old id: its rename away is part of its story.
                found.append(change)
            }
        }
        return found.reversed()
    }

    /// When one signpost turned met or unmet (or appeared, or went), oldest first.
    /// - Parameters:
    ///   - text: the signpost's sentence, which identifies it within its scenario.
    ///   - scenario: the scenario's id (its file name without `.md`).
    public func changes(forSignpost text: String, inScenario scenario: String) -> [SignpostChange] {
        signpostChanges.filter { $0.scenario == scenario && $0.signpost == text }
    }

    /// The history of one model only: its changes, with the rubric change of the commits
    /// that changed it (the reason a whole rubric re-scored it). Skipped commits stay.
    public func filtered(model id: String) -> ContentHistory {
        let wanted = Set(changes(forModel: id).map { ChangeKey(commit: $0.commit.id, model: $0.model) })
        let events = events.compactMap { event -> HistoryEvent? in
            let models = event.models.filter { wanted.contains(ChangeKey(commit: event.commit.id, model: $0.model)) }
            guard !models.isEmpty else { return nil }
            return HistoryEvent(commit: event.commit, sequence: event.sequence, rubric: event.rubric, models: models, signposts: [])
        }
        return ContentHistory(events: events, skipped: skipped, commitCount: commitCount, latest: latest, census: census)
    }

    private struct ChangeKey: Hashable {
        var commit: String
        var model: String
    }
}

/// Everything one commit changed.
public struct HistoryEvent: Sendable, Hashable, Codable {
    public var commit: HistoryCommit
    /// The commit's position among the commits read, oldest 0: with `SkippedCommit`'s,
    /// it puts both in one timeline (author dates need not grow along a branch).
    public var sequence: Int
    public var rubric: RubricChange?
    /// Sorted by model id.
    public var models: [ModelChange]
    /// In scenario order, then signpost order.
    public var signposts: [SignpostChange]

    public init(commit: HistoryCommit, sequence: Int = 0, rubric: RubricChange? = nil, models: [ModelChange] = [], signposts: [SignpostChange] = []) {
        self.commit = commit
        self.sequence = sequence
        self.rubric = rubric
        self.models = models
        self.signposts = signposts
    }

    public var isEmpty: Bool { rubric == nil && models.isEmpty && signposts.isEmpty }
}

/// A commit left out of the history because its content has errors.
public struct SkippedCommit: Sendable, Hashable, Codable {
    public var commit: HistoryCommit
    /// The commit's position among the commits read, oldest 0.
    public var sequence: Int
    /// The errors, each with its file, line and column.
    public var problems: [Diagnostic]

    public init(commit: HistoryCommit, sequence: Int = 0, problems: [Diagnostic]) {
        self.commit = commit
        self.sequence = sequence
        self.problems = problems
    }
}

/// One commit, audited, as the history builder takes it.
public struct HistoryEntry: Sendable, Hashable {
    public enum Outcome: Sendable, Hashable {
        case audited(AuditState)
        /// The content has errors; the diagnostics are the errors.
        case failed([Diagnostic])
    }

    public var commit: HistoryCommit
    /// Manifests the version control system saw moved in this commit, as old id → new
    /// id (git's rename detection, which also pairs files edited while moved).
    public var renames: [String: String]
    public var outcome: Outcome

    public init(commit: HistoryCommit, renames: [String: String] = [:], outcome: Outcome) {
        self.commit = commit
        self.renames = renames
        self.outcome = outcome
    }

    /// An entry from a full audit: a report with errors is a failed commit.
    public init(commit: HistoryCommit, renames: [String: String] = [:], report: AuditReport) {
        if let state = AuditState(report: report, asOf: commit.date) {
            self.init(commit: commit, renames: renames, outcome: .audited(state))
        } else {
            self.init(commit: commit, renames: renames,
                      outcome: .failed(report.diagnostics.filter { $0.severity == .error }))
        }
    }
}
