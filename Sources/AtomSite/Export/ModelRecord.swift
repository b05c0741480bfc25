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

    /// The record as `data/models.json` and `data/models/<id>.json` publish it: the
    /// members `JSONEncoder` gives for the `Encodable` conformance, in sorted key order
    /// (JSONWriterTests checks both).
    var json: [UInt8] {
        var json = JSONWriter(capacity: 4096)
        json.openObject()
        json.member("activeParameters", activeParameters)
        json.member("assessed", assessed)
        json.key("axes")
        json.openObject()
        for name in axes.keys.sorted() {
            guard let axis = axes[name] else { continue }
            json.key(name)
            json.openObject()
            json.member("evidence", strings: axis.evidence)
            json.member("label", axis.label)
            json.member("level", axis.level)
            json.member("maxPoints", axis.maxPoints)
            json.member("note", axis.note)
            json.member("points", axis.points)
            json.member("reason", axis.reason)
            json.closeObject()
        }
        json.closeObject()
        json.key("code")
        json.openObject()
        json.member("access", code.access)
        json.member("license", code.license)
        json.closeObject()
        json.member("dataAccess", dataAccess)
        json.member("developer", developer)
        json.member("explanation", explanation)
        json.member("id", id)
        if let license {
            json.key("license")
            json.openObject()
            json.member("id", license.id)
            json.member("level", license.level)
            json.member("name", license.name)
            json.key("osiApproved")
            json.bool(license.osiApproved)
            json.member("url", license.url)
            json.closeObject()
        }
        json.member("maxPoints", maxPoints)
        json.member("modality", strings: modality)
        json.member("name", name)
        if let nextTier {
            json.key("nextTier")
            json.openObject()
            json.member("missing", strings: nextTier.missing)
            json.member("tier", nextTier.tier)
            json.closeObject()
        }
        json.member("notes", notes)
        json.member("origin", origin)
        json.member("originName", originName)
        json.member("parameters", parameters)
        json.member("points", points)
        json.member("released", released)
        json.member("rubricVersion", rubricVersion)
        json.member("tier", tier)
        json.member("tierLabel", tierLabel)
        json.member("url", url)
        json.key("weights")
        json.openObject()
        json.member("access", weights.access)
        json.key("checkpoints")
        json.bool(weights.checkpoints)
        json.member("license", weights.license)
        json.closeObject()
        json.closeObject()
        return json.bytes
    }
}
