import AtomAudit

/// A published value: what one field of a scorecard's record holds.
enum RecordValue: Sendable, Hashable, Encodable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case strings([String])

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let text): try container.encode(text)
        case .int(let number): try container.encode(number)
        case .bool(let flag): try container.encode(flag)
        case .strings(let list): try container.encode(list)
        }
    }

    /// The value as one CSV cell (lists joined with spaces).
    var csvText: String {
        switch self {
        case .string(let text): text
        case .int(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        case .strings(let list): list.joined(separator: " ")
        }
    }
}

/// What a record's values may depend on besides the scorecard.
struct RecordContext: Sendable {
    var baseURL: String
    var asOf: CalendarDate
}

/// One field of the published record of a scorecard: where it sits in the JSON (a key
/// path, so `["weights", "access"]` is `"weights": {"access": ...}`), its CSV column if it
/// has one, whether diffs show it, and how to read it. This table is the one source of
/// the JSON downloads, the CSV and the records `diff --format json` prints; its order is
/// the CSV's column order (JSON members are sorted by key).
struct RecordField: Sendable {
    let path: [String]
    let csvColumn: String?
    let inDiff: Bool
    let value: @Sendable (Scorecard, RecordContext) -> RecordValue?

    init(_ path: String, csv: String? = nil, diff: Bool = false, _ value: @escaping @Sendable (Scorecard, RecordContext) -> RecordValue?) {
        self.path = path.split(separator: ".").map(String.init)
        csvColumn = csv
        inDiff = diff
        self.value = value
    }
}

enum ScorecardFields {
    static let all: [RecordField] = identity + Axis.allCases.flatMap(axis) + scores + facts + adoption

    private static let identity: [RecordField] = [
        RecordField("id", csv: "id", diff: true) { card, _ in .string(card.id.rawValue) },
        RecordField("name", csv: "name", diff: true) { card, _ in .string(card.manifest.name) },
        RecordField("developer", csv: "developer") { card, _ in .string(card.manifest.developer) },
        RecordField("origin", csv: "origin", diff: true) { card, _ in .string(card.manifest.origin.code) },
        RecordField("originName") { card, _ in .string(card.manifest.origin.name) },
        RecordField("family", csv: "family") { card, _ in card.manifest.family.map(RecordValue.string) },
        RecordField("released", csv: "released") { card, _ in card.manifest.released.map { .string($0.description) } },
        RecordField("parameters", csv: "parameters") { card, _ in card.manifest.parameters.map { .string($0.text) } },
        RecordField("activeParameters", csv: "active_parameters") { card, _ in card.manifest.activeParameters.map { .string($0.text) } },
        RecordField("assessed", csv: "assessed") { card, _ in .string(card.manifest.assessed.description) },
    ]

    /// An axis's level, points and explanation; the license id sits before the license
    /// axis's level in the CSV, as it always has.
    private static func axis(_ axis: Axis) -> [RecordField] {
        let name = axis.rawValue
        let score: @Sendable (Scorecard) -> AxisScore? = { card in card.axis(axis) }
        var fields: [RecordField] = []
        if axis == .license {
            fields.append(RecordField("license.id", csv: "license_id") { card, _ in card.license.map { .string($0.id) } })
        }
        fields += [
            RecordField("axes.\(name).level", csv: "\(name)_level", diff: true) { card, _ in score(card).map { .string($0.level.id) } },
            RecordField("axes.\(name).points", csv: "\(name)_points") { card, _ in .int(score(card)?.level.points ?? 0) },
            RecordField("axes.\(name).label") { card, _ in score(card).map { .string($0.level.label) } },
            RecordField("axes.\(name).maxPoints") { card, _ in score(card).map { .int($0.maxPoints) } },
            RecordField("axes.\(name).reason") { card, _ in score(card).map { .string($0.reason) } },
            RecordField("axes.\(name).evidence") { card, _ in score(card).map { .strings($0.evidence) } },
            RecordField("axes.\(name).note") { card, _ in score(card)?.note.map(RecordValue.string) },
        ]
        return fields
    }

    private static let scores: [RecordField] = [
        RecordField("points", csv: "points", diff: true) { card, _ in .int(card.points) },
        RecordField("maxPoints", csv: "max_points") { card, _ in .int(card.maxPoints) },
        RecordField("tier", csv: "tier", diff: true) { card, _ in .string(card.tier.id) },
        RecordField("tierLabel") { card, _ in .string(card.tier.label) },
        RecordField("explanation") { card, _ in .string(card.tierReason) },
        RecordField("nextTier.tier") { card, _ in card.nextTier.map { .string($0.tier.id) } },
        RecordField("nextTier.missing") { card, _ in card.nextTier.map { .strings($0.shortfalls.map(\.summary)) } },
        RecordField("rubricVersion") { card, _ in .string(card.rubricVersion) },
        RecordField("url") { card, context in .string(context.baseURL + SitePaths.model(card.id.rawValue)) },
    ]

    private static let facts: [RecordField] = [
        RecordField("weights.access") { card, _ in .string(card.manifest.weights.access.rawValue) },
        RecordField("weights.checkpoints") { card, _ in .bool(card.manifest.weights.checkpoints) },
        RecordField("weights.license") { card, _ in card.manifest.weights.license.map(RecordValue.string) },
        RecordField("dataAccess") { card, _ in .string(card.manifest.data.access.rawValue) },
        RecordField("code.access") { card, _ in .string(card.manifest.code.access.rawValue) },
        RecordField("code.license") { card, _ in card.manifest.code.license.map(RecordValue.string) },
        RecordField("license.name") { card, _ in card.license.map { .string($0.name) } },
        RecordField("license.url") { card, _ in card.license.map { .string($0.url) } },
        RecordField("license.osiApproved") { card, _ in card.license.map { .bool($0.osiApproved) } },
        RecordField("license.level") { card, _ in card.license.map { .string($0.level.rawValue) } },
        RecordField("modality") { card, _ in .strings(card.manifest.modality.map(\.rawValue)) },
        RecordField("notes") { card, _ in card.manifest.notes.map(RecordValue.string) },
    ]

    /// The newest adoption figures; absent (never 0) when none was recorded.
    private static let adoption: [RecordField] = [
        RecordField("adoption.repositories") { card, _ in
            card.manifest.adoption.flatMap { $0.repositories.isEmpty ? nil : .strings($0.repositories.map(\.description)) }
        },
        RecordField("adoption.asOf", csv: "downloads_as_of") { card, _ in card.manifest.adoption?.latest.map { .string($0.date.description) } },
        RecordField("adoption.downloads", csv: "downloads") { card, _ in card.manifest.adoption?.latest?.downloads.map(RecordValue.int) },
        RecordField("adoption.downloads30d", csv: "downloads_30d") { card, _ in card.manifest.adoption?.latest?.downloadsLast30Days.map(RecordValue.int) },
        RecordField("adoption.likes", csv: "likes") { card, _ in card.manifest.adoption?.latest?.likes.map(RecordValue.int) },
        RecordField("adoption.derivativesTotal", csv: "derivatives") { card, _ in card.manifest.adoption?.latest?.derivatives.map { .int($0.total) } },
        RecordField("adoption.derivatives.fineTunes") { card, _ in card.manifest.adoption?.latest?.derivatives.map { .int($0.fineTunes) } },
        RecordField("adoption.derivatives.adapters") { card, _ in card.manifest.adoption?.latest?.derivatives.map { .int($0.adapters) } },
        RecordField("adoption.derivatives.quantizations") { card, _ in card.manifest.adoption?.latest?.derivatives.map { .int($0.quantizations) } },
        RecordField("adoption.derivatives.merges") { card, _ in card.manifest.adoption?.latest?.derivatives.map { .int($0.merges) } },
        RecordField("adoption.sources") { card, _ in card.manifest.adoption?.latest.map { .strings($0.sources) } },
    ]

    static let csvFields = all.filter { $0.csvColumn != nil }
    static let diffFields = all.filter(\.inDiff)
    /// The fields in JSON order: sorted by key path, so objects open and close once each.
    static let jsonFields = all.sorted { $0.path.lexicographicallyPrecedes($1.path) }
}
