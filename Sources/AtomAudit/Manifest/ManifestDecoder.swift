/// Turns a manifest's YAML tree into a `Manifest`, reporting every problem with its
/// position. A manifest with any error is not returned, so it is never scored.
struct ManifestDecoder {
    /// The catalog license ids are checked against; nil when the catalog itself failed to load.
    var licenses: LicenseCatalog?

    static let topLevelKeys = [
        "name", "developer", "origin", "released", "parameters", "active-parameters",
        "modality", "family", "reference", "weights", "data", "code", "adoption", "notes", "assessed",
    ]
    static let requiredTopLevelKeys = ["name", "developer", "origin", "weights", "data", "code", "assessed"]

    /// - Parameter id: the id from the file name; nil when it is invalid, in which case the
    ///   file is still checked (so every problem shows in one run) but yields no manifest.
    func decode(_ document: YAMLDocument, id: ManifestID?) -> (manifest: Manifest?, diagnostics: [Diagnostic]) {
        var reader = FieldReader(file: document.file)
        guard let root = document.root else {
            reader.error("empty-file", "the manifest is empty; expected a mapping with \(Self.requiredTopLevelKeys.quotedAlternatives.replacingOccurrences(of: " or ", with: " and "))", at: .start(of: document.file))
            return (nil, reader.diagnostics)
        }
        guard let map = reader.mapping(root, named: "the manifest", expected: "a mapping of keys such as 'name: ...'") else {
            return (nil, reader.diagnostics)
        }
        reader.checkKeys(map, named: "the manifest", allowed: Self.topLevelKeys, required: Self.requiredTopLevelKeys)
        var positions: [String: SourceLocation] = [:]

        let name = reader.string(map, "name", in: "the manifest")
        let developer = reader.string(map, "developer", in: "the manifest")
        let origin = decodeOrigin(map, reader: &reader)
        let unknownFacts = Set(Self.unknownableKeys.filter { key in map.value(key)?.scalar.map { $0.style == .plain && $0.string == "unknown" } ?? false })
        let released = unknownFacts.contains("released") ? nil : reader.date(map, "released", in: "the manifest")
        let assessed = reader.date(map, "assessed", in: "the manifest")
        let parameters = decodeParameters(map, "parameters", reader: &reader)
        let active = decodeParameters(map, "active-parameters", reader: &reader)
        if let parameters, let active, active.value > parameters.value {
            reader.error("invalid-value", "active-parameters (\(active.value)) exceeds parameters (\(parameters.value)); expected the active count to be at most the total", at: active.location)
        }
        let modality = decodeModality(map, reader: &reader)
        let notes = reader.string(map, "notes", in: "the manifest")
        let family = decodeFamily(map, reader: &reader)
        let reference = reader.string(map, "reference", in: "the manifest")

        let weights = map.value("weights").flatMap { decodeWeights($0, owner: map.entry("weights")?.keyLocation, reader: &reader, positions: &positions) }
        let data = map.value("data").flatMap { decodeData($0, owner: map.entry("data")?.keyLocation, reader: &reader, positions: &positions) }
        let code = map.value("code").flatMap { decodeCode($0, owner: map.entry("code")?.keyLocation, reader: &reader, positions: &positions) }
        let adoption = map.value("adoption").flatMap { AdoptionDecoder().decode($0, reader: &reader, positions: &positions) }
        if let adoption, let weights, weights.access == .hosted, let entry = map.entry("adoption"), !adoption.repositories.isEmpty {
            reader.error("hosted-with-adoption", "adoption lists Hugging Face repositories but weights.access is 'hosted'; expected no repositories for a model with no downloadable weights", at: entry.keyLocation)
        }

        for (key, located) in [("name", name?.location), ("origin", origin?.location), ("released", released?.location),
                               ("assessed", assessed?.location), ("notes", notes?.location),
                               ("family", family?.location), ("parameters", parameters?.location)] {
            if let located { positions[key] = located }
        }
        guard !reader.diagnostics.containsErrors, let id,
              let name, let developer, let origin, let assessed, let weights, let data, let code
        else { return (nil, reader.diagnostics) }
        var manifest = Manifest(
            id: id, path: document.file, name: name.value, developer: developer.value, origin: origin.value,
            released: released?.value, parameters: parameters?.value, activeParameters: active?.value,
            modality: modality, weights: weights, data: data, code: code, notes: notes?.value,
            assessed: assessed.value, family: family?.value, adoption: adoption, positions: positions)
        manifest.unknownFacts = unknownFacts
        manifest.reference = reference?.value
        return (manifest, reader.diagnostics)
    }

    // MARK: Fields

    private func decodeOrigin(_ map: YAMLMapping, reader: inout FieldReader) -> Located<CountryCode>? {
        guard let text = reader.string(map, "origin", in: "the manifest") else { return nil }
        if let code = CountryCode(text.value) { return Located(code, at: text.location) }
        reader.error("invalid-origin", "'\(text.value)' is not an ISO 3166-1 alpha-2 country code\(CountryCode.hint(for: text.value)); expected two capital letters such as 'US', 'CN' or 'FR'", at: text.location)
        return nil
    }

    private func decodeFamily(_ map: YAMLMapping, reader: inout FieldReader) -> Located<String>? {
        guard let text = reader.string(map, "family", in: "the manifest") else { return nil }
        guard ManifestID.isValid(text.value) else {
            reader.error("invalid-value", "family '\(text.value)' is not a family id\(ForeignCharacter.phrase(in: text.value)); expected lower-case letters, digits, '.' and '-' such as 'qwen3' or 'llama-3.1' (did you mean '\(ManifestID.suggestion(for: text.value))'?)", at: text.location)
            return nil
        }
        return text
    }

    /// Facts that may be written as `unknown`: the reviewer looked and the developer never
    /// published them (say where in notes).
    static let unknownableKeys = ["released", "parameters", "active-parameters"]

    private func decodeParameters(_ map: YAMLMapping, _ key: String, reader: inout FieldReader) -> Located<ParameterCount>? {
        if map.value(key)?.scalar.map({ $0.style == .plain && $0.string == "unknown" }) == true { return nil }
        guard let text = reader.string(map, key, in: "the manifest") else { return nil }
        guard let count = ParameterCount(text.value) else {
            reader.error("invalid-value", "'\(text.value)' is not a parameter count\(ForeignCharacter.phrase(in: text.value)); expected a number with K, M, B or T, e.g. 7B, 1.5B or 400M, or 'unknown' when the developer never published it", at: text.location)
            return nil
        }
        return Located(count, at: text.location)
    }

    private func decodeModality(_ map: YAMLMapping, reader: inout FieldReader) -> [Modality] {
        guard let items = reader.list(map, "modality", in: "the manifest", expected: "modalities") else { return [] }
        let allowed = Modality.allCases.map(\.rawValue)
        var result: [Modality] = []
        for item in items {
            // By scalars: `Modality(rawValue:)` compares with `==`, canonical equivalence.
            guard case .scalar(let scalar) = item, let modality = Modality.allCases.first(where: { $0.rawValue.isIdentical(to: scalar.string) }) else {
                let shown = item.scalar.map { "'\($0.string)'" } ?? FieldReader.describe(item)
                let foreign = item.scalar.map { ForeignCharacter.phrase(in: $0.string) } ?? ""
                reader.error("unknown-value", "modality \(shown) is not known\(foreign); expected \(allowed.quotedAlternatives)", at: reader.location(of: item))
                continue
            }
            if !result.contains(modality) { result.append(modality) }
        }
        return result
    }

    private func decodeWeights(_ node: YAMLNode, owner: SourceLocation?, reader: inout FieldReader,
                               positions: inout [String: SourceLocation]) -> WeightsFacts? {
        guard let fields = decodeAxis(node, .weights, owner: owner, reader: &reader, positions: &positions),
              let access = WeightsAccess(rawValue: fields.access.value) else { return nil }
        let checkpoints = reader.bool(fields.map, "checkpoints", in: "weights")
        if let checkpoints { positions["weights.checkpoints"] = checkpoints.location }
        switch access {
        case .hosted:
            if let license = fields.license {
                reader.error("hosted-with-license", "weights.license is '\(license.value)' but access is 'hosted'; a hosted model has no downloadable weights to license, so expected no license", at: license.location)
            }
        case .gated, .open:
            if fields.license == nil, fields.map.entry("license") == nil, !fields.misspelled.contains("license") {
                reader.error("missing-license", "weights.access is '\(access.rawValue)' but weights has no 'license'; expected the id of the weights license from licenses.yaml", at: fields.access.location)
            }
        }
        if let checkpoints, checkpoints.value, access != .open {
            reader.error("invalid-value", "weights.checkpoints is true but access is '\(access.rawValue)'; checkpoints count only when access is 'open'", at: checkpoints.location)
        }
        return WeightsFacts(access: access, checkpoints: checkpoints?.value ?? false,
                            license: fields.license?.value, evidence: fields.evidence, note: fields.note)
    }

    private func decodeData(_ node: YAMLNode, owner: SourceLocation?, reader: inout FieldReader,
                            positions: inout [String: SourceLocation]) -> DataFacts? {
        guard let fields = decodeAxis(node, .data, owner: owner, reader: &reader, positions: &positions),
              let access = DataAccess(rawValue: fields.access.value) else { return nil }
        return DataFacts(access: access, evidence: fields.evidence, note: fields.note)
    }

    private func decodeCode(_ node: YAMLNode, owner: SourceLocation?, reader: inout FieldReader,
                            positions: inout [String: SourceLocation]) -> CodeFacts? {
        guard let fields = decodeAxis(node, .code, owner: owner, reader: &reader, positions: &positions),
              let access = CodeAccess(rawValue: fields.access.value) else { return nil }
        return CodeFacts(access: access, license: fields.license?.value, evidence: fields.evidence, note: fields.note)
    }

    /// "evidence is empty" is only true when none was written. Evidence that was written
    /// but is malformed (not a list, not URLs) already has an error for each mistake.
    static func noEvidenceWritten(in map: YAMLMapping, misspelled: Set<String>) -> Bool {
        if misspelled.contains("evidence") { return false }
        guard let value = map.value("evidence") else { return true }
        switch value {
        case .sequence(let items): return items.isEmpty
        case .scalar(let scalar): return FieldReader.isNull(scalar)
        default: return false
        }
    }

    func decodeLicense(_ map: YAMLMapping, in name: String, reader: inout FieldReader) -> Located<String>? {
        guard let id = reader.string(map, "license", in: name) else { return nil }
        if let licenses, licenses.license(id.value) == nil {
            reader.error("unknown-license", "\(name).license '\(id.value)' is not in the license catalog\(ForeignCharacter.phrase(in: id.value))\(Suggestion.phrase(for: id.value, in: licenses.ids)); expected an id defined in licenses.yaml", at: id.location)
            return nil
        }
        return id
    }

    func decodeEvidence(_ map: YAMLMapping, in name: String, reader: inout FieldReader,
                                positions: inout [String: SourceLocation]) -> [String] {
        guard let items = reader.list(map, "evidence", in: name, expected: "https:// URLs") else { return [] }
        var urls: [String] = []
        // A set, not `urls.contains`: a pasted list of thousands of URLs must stay linear.
        // Exact keys: URLs that differ in their bytes are different addresses.
        var seen: Set<ExactKey> = []
        for (index, item) in items.enumerated() {
            guard let url = reader.url(item, named: "\(name).evidence") else { continue }
            guard seen.insert(ExactKey(url.value)).inserted else {
                reader.warning("duplicate-evidence", "'\(url.value)' is listed twice in \(name).evidence; expected each URL once", at: url.location)
                continue
            }
            positions["\(name).evidence.\(index)"] = url.location
            urls.append(url.value)
        }
        return urls
    }
}
