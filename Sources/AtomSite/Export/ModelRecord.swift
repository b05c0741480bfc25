import AtomAudit

/// A model as the data downloads publish it: the manifest's facts, each axis's level
/// and points, the tier and the explanation. Field names are stable API for users of
/// `data/models.json`.
struct ModelRecord: Encodable {
    struct Axis: Encodable {
        var level: String
        var label: String
        var points: Int
        var maxPoints: Int
        var reason: String
        var evidence: [String]
        var note: String?
    }

    struct Weights: Encodable {
        var access: String
        var checkpoints: Bool
        var license: String?
    }

    struct Code: Encodable {
        var access: String
        var license: String?
    }

    struct LicenseInfo: Encodable {
        var id: String
        var name: String
        var url: String
        var osiApproved: Bool
        var level: String
    }

    struct NextTier: Encodable {
        var tier: String
        var missing: [String]
    }

    var id: String
    var name: String
    var developer: String
    var origin: String
    var originName: String
    var released: String?
    var parameters: String?
    var activeParameters: String?
    var modality: [String]
    var assessed: String
    var notes: String?
    var weights: Weights
    var dataAccess: String
    var code: Code
    var license: LicenseInfo?
    var axes: [String: Axis]
    var points: Int
    var maxPoints: Int
    var tier: String
    var tierLabel: String
    var explanation: String
    var nextTier: NextTier?
    var rubricVersion: String
    var url: String

    init(_ card: Scorecard, baseURL: String) {
        let m = card.manifest
        id = m.id.rawValue
        name = m.name
        developer = m.developer
        origin = m.origin.code
        originName = m.origin.name
        released = m.released?.description
        parameters = m.parameters?.text
        activeParameters = m.activeParameters?.text
        modality = m.modality.map(\.rawValue)
        assessed = m.assessed.description
        notes = m.notes
        weights = Weights(access: m.weights.access.rawValue, checkpoints: m.weights.checkpoints, license: m.weights.license)
        dataAccess = m.data.access.rawValue
        code = Code(access: m.code.access.rawValue, license: m.code.license)
        license = card.license.map {
            LicenseInfo(id: $0.id, name: $0.name, url: $0.url, osiApproved: $0.osiApproved, level: $0.level.rawValue)
        }
        axes = Dictionary(uniqueKeysWithValues: card.axes.map {
            ($0.axis.rawValue, Axis(level: $0.level.id, label: $0.level.label, points: $0.level.points,
                                    maxPoints: $0.maxPoints, reason: $0.reason, evidence: $0.evidence, note: $0.note))
        })
        points = card.points
        maxPoints = card.maxPoints
        tier = card.tier.id
        tierLabel = card.tier.label
        explanation = card.tierReason
        nextTier = card.nextTier.map { NextTier(tier: $0.tier.id, missing: $0.shortfalls.map(\.summary)) }
        rubricVersion = card.rubricVersion
        url = baseURL + "models/\(m.id.rawValue)/"
    }

    /// The record as `data/models.json` and `data/models/<id>.json` publish it; the same
    /// members `JSONEncoder` gives for the `Encodable` conformance (ExportTests checks).
    var json: JSONValue {
        func text(_ value: String?) -> JSONValue? { value.map(JSONValue.string) }
        let axisMembers = axes.map { name, axis -> (key: String, value: JSONValue) in
            (name, .object([
                ("level", .string(axis.level)), ("label", .string(axis.label)), ("points", .int(axis.points)),
                ("maxPoints", .int(axis.maxPoints)), ("reason", .string(axis.reason)),
                ("evidence", .array(axis.evidence.map(JSONValue.string))),
            ] + JSONValue.member("note", text(axis.note))))
        }
        var members: [(key: String, value: JSONValue)] = [
            ("id", .string(id)), ("name", .string(name)), ("developer", .string(developer)), ("origin", .string(origin)),
            ("originName", .string(originName)), ("modality", .array(modality.map(JSONValue.string))), ("assessed", .string(assessed)),
            ("weights", .object([("access", .string(weights.access)), ("checkpoints", .bool(weights.checkpoints))]
                + JSONValue.member("license", text(weights.license)))),
            ("dataAccess", .string(dataAccess)),
            ("code", .object([("access", .string(code.access))] + JSONValue.member("license", text(code.license)))),
            ("axes", .object(axisMembers)), ("points", .int(points)), ("maxPoints", .int(maxPoints)), ("tier", .string(tier)),
            ("tierLabel", .string(tierLabel)), ("explanation", .string(explanation)), ("rubricVersion", .string(rubricVersion)),
            ("url", .string(url)),
        ]
        members += JSONValue.member("released", text(released))
        members += JSONValue.member("parameters", text(parameters))
        members += JSONValue.member("activeParameters", text(activeParameters))
        members += JSONValue.member("notes", text(notes))
        members += JSONValue.member("license", license.map { license in
            .object([("id", .string(license.id)), ("name", .string(license.name)), ("url", .string(license.url)),
                     ("osiApproved", .bool(license.osiApproved)), ("level", .string(license.level))])
        })
        members += JSONValue.member("nextTier", nextTier.map { next in
            .object([("tier", .string(next.tier)), ("missing", .array(next.missing.map(JSONValue.string)))])
        })
        return .object(members)
    }
}
