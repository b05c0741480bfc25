import AtomAudit
import AtomSite
import Foundation

/// A score diff as JSON, for bots and dashboards.
struct DiffJSON {
    let diff: AuditDiff

    /// A model as the downloads publish it, limited to the fields diffs show
    /// (`ScorecardFields` marks them): id, name, origin, tier, points and axis levels.
    typealias Model = DiffRecord

    struct Change: Encodable {
        var id: String
        var before: Model
        var after: Model
    }

    struct Headline: Encodable {
        var measure: String
        var before: String
        var after: String
    }

    struct Flip: Encodable {
        var scenario: String
        var signpost: String
        var metBefore: Bool
        var metAfter: Bool
        /// Present (true) only when that side had no figures to test ("No data").
        var noDataBefore: Bool?
        var noDataAfter: Bool?
        var valueBefore: Double
        var valueAfter: Double
    }

    struct Document: Encodable {
        var rubricVersionBefore: String?
        var rubricVersionAfter: String?
        var added: [Model]
        var removed: [Model]
        var rescored: [Change]
        var editedOnly: [String]
        var headline: [Headline]
        var signpostFlips: [Flip]
    }

    var text: String {
        let document = Document(
            rubricVersionBefore: diff.rubricVersion.before, rubricVersionAfter: diff.rubricVersion.after,
            added: diff.added.map { Model($0) }, removed: diff.removed.map { Model($0) },
            rescored: diff.rescored.map { Change(id: $0.after.id.rawValue, before: Model($0.before), after: Model($0.after)) },
            editedOnly: diff.editedOnly.map(\.after.id.rawValue),
            headline: diff.headline.filter(\.changed).map { Headline(measure: $0.measure, before: $0.before, after: $0.after) },
            signpostFlips: diff.flips.map { Flip(scenario: $0.scenario, signpost: $0.signpost, metBefore: $0.before.met,
                                                 metAfter: $0.after.met, noDataBefore: $0.before.noData ? true : nil,
                                                 noDataAfter: $0.after.noData ? true : nil, valueBefore: $0.before.value, valueAfter: $0.after.value) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(document)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
