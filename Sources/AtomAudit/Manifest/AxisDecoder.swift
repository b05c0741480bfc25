/// What each axis block of a manifest (`weights`, `data`, `code`) may hold: one table,
/// so the three blocks are read by one decoder and report their mistakes alike.
struct AxisSpec: Sendable {
    let name: String
    let keys: [String]
    /// Every `access` value, lowest first; the lowest needs no evidence.
    let accessValues: [String]
    let hasLicense: Bool
    /// What evidence shows this axis, for the "missing evidence" message.
    let evidenceKinds: String

    static let weights = AxisSpec(name: "weights", keys: ["access", "checkpoints", "license", "evidence", "note"],
                                  accessValues: WeightsAccess.allCases.map(\.rawValue), hasLicense: true,
                                  evidenceKinds: "model card, repository or paper")
    static let data = AxisSpec(name: "data", keys: ["access", "evidence", "note"],
                               accessValues: DataAccess.allCases.map(\.rawValue), hasLicense: false,
                               evidenceKinds: "data card, paper or dataset")
    static let code = AxisSpec(name: "code", keys: ["access", "license", "evidence", "note"],
                               accessValues: CodeAccess.allCases.map(\.rawValue), hasLicense: true,
                               evidenceKinds: "repository or paper")
    static let all = [weights, data, code]

    /// "a mapping with 'access', 'license' and 'evidence'": the keys a reviewer writes first
    /// (the weights need their license; the code's is optional).
    var expectedShape: String {
        "a mapping with " + (name == "weights" ? "'access', 'license' and 'evidence'" : "'access' and 'evidence'")
    }
}

/// The fields every axis block shares, read and checked; the caller adds what is particular
/// to its axis (the weights' checkpoints and license rules).
struct AxisFields {
    let map: YAMLMapping
    let access: Located<String>
    let license: Located<String>?
    let evidence: [String]
    let note: String?
    /// Allowed keys that unknown keys were taken for ("licence" → "license").
    let misspelled: Set<String>
}

extension ManifestDecoder {
    /// Reads an axis block by its spec: the keys, the access level, the license, the
    /// evidence and the note, with the rule every axis shares: a level above the lowest
    /// needs evidence.
    func decodeAxis(_ node: YAMLNode, _ spec: AxisSpec, owner: SourceLocation?, reader: inout FieldReader,
                    positions: inout [String: SourceLocation]) -> AxisFields? {
        guard let map = reader.mapping(node, named: spec.name, expected: spec.expectedShape) else { return nil }
        let misspelled = reader.checkKeys(map, named: spec.name, allowed: spec.keys, required: ["access"], missingAt: owner)
        let access = reader.choice(map, "access", in: spec.name, allowed: spec.accessValues)
        let license = spec.hasLicense ? decodeLicense(map, in: spec.name, reader: &reader) : nil
        let evidence = decodeEvidence(map, in: spec.name, reader: &reader, positions: &positions)
        let note = reader.string(map, "note", in: spec.name)
        guard let access else { return nil }
        positions["\(spec.name).access"] = access.location
        if let license { positions["\(spec.name).license"] = license.location }
        if access.value != spec.accessValues.first, evidence.isEmpty, Self.noEvidenceWritten(in: map, misspelled: misspelled) {
            reader.error("missing-evidence", "\(spec.name).access is '\(access.value)' but \(spec.name).evidence is empty; expected at least one https:// URL (\(spec.evidenceKinds)) that shows it", at: access.location)
        }
        return AxisFields(map: map, access: access, license: license, evidence: evidence, note: note?.value, misspelled: misspelled)
    }
}
