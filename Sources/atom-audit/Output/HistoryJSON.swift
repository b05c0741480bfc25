import AtomAudit
import Foundation

/// The history as JSON for scripts and dashboards. Field names are stable; README.md
/// documents them. Commits are newest first, as in the Markdown.
struct HistoryJSON {
    let history: ContentHistory
    let contentPath: String
    let model: String?

    struct Document: Encodable {
        var contentPath: String
        var model: String?
        var commits: Int
        var events: [Event]
        var skipped: [Skipped]
    }

    struct Commit: Encodable {
        var id: String
        /// The author date, YYYY-MM-DD.
        var date: String
        var subject: String

        init(_ commit: HistoryCommit) {
            id = commit.id
            date = commit.date.description
            subject = commit.subject
        }
    }

    struct Event: Encodable {
        /// The commit's position among the commits read, oldest 0 (skipped ones too).
        var sequence: Int
        var commit: Commit
        var rubric: Change<String?>?
        var models: [Model]
        var signposts: [Signpost]
    }

    struct Change<Value: Encodable>: Encodable {
        var from: Value
        var to: Value
    }

    struct Model: Encodable {
        var id: String
        /// added, removed, renamed or changed.
        var change: String
        var previousId: String?
        /// Axis → level ids, for the axes whose level changed.
        var levels: [String: Change<String>]
        var tier: Change<String>?
        var points: Change<Int>?
        var license: Change<String?>?
        var before: State?
        var after: State?
    }

    struct State: Encodable {
        var name: String
        var tier: String
        var points: Int
        var levels: [String: String]
        var license: String?

        init(_ model: ModelState) {
            name = model.name
            tier = model.tier.id
            points = model.points
            levels = Dictionary(model.levels.map { ($0.axis.rawValue, $0.id) }, uniquingKeysWith: { first, _ in first })
            license = model.license
        }
    }

    struct Signpost: Encodable {
        var scenario: String
        var scenarioTitle: String
        var signpost: String
        var metBefore: Bool?
        var metAfter: Bool?
        /// Present (true) only when the signpost read no data on that side.
        var noDataBefore: Bool?
        var noDataAfter: Bool?
        var value: String
        var threshold: String
    }

    struct Skipped: Encodable {
        var sequence: Int
        var commit: Commit
        var problems: [Diagnostic]
    }

    var text: String {
        let document = Document(
            contentPath: contentPath, model: model, commits: history.commitCount,
            events: history.events.reversed().map(event), skipped: history.skipped.reversed().map {
                Skipped(sequence: $0.sequence, commit: Commit($0.commit), problems: $0.problems)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(document)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    private func event(_ event: HistoryEvent) -> Event {
        Event(
            sequence: event.sequence, commit: Commit(event.commit),
            rubric: event.rubric.map { Change(from: $0.from, to: $0.to) },
            models: event.models.map { change in
                Model(id: change.model, change: change.kind.rawValue, previousId: change.previousID,
                      levels: Dictionary(change.levels.map { ($0.axis.rawValue, Change(from: $0.from.id, to: $0.to.id)) },
                                         uniquingKeysWith: { first, _ in first }),
                      tier: change.tier.map { Change(from: $0.from.id, to: $0.to.id) },
                      points: change.points.map { Change(from: $0.from, to: $0.to) },
                      license: change.license.map { Change(from: $0.from, to: $0.to) },
                      before: change.before.map(State.init), after: change.after.map(State.init))
            },
            signposts: event.signposts.map {
                Signpost(scenario: $0.scenario, scenarioTitle: $0.scenarioTitle, signpost: $0.signpost,
                         metBefore: $0.metBefore, metAfter: $0.metAfter, noDataBefore: $0.noDataBefore ? true : nil,
                         noDataAfter: $0.noDataAfter ? true : nil, value: $0.value, threshold: $0.threshold)
            })
    }
}
