/// Reads `licenses.yaml`, with the same positioned diagnostics as manifests.
struct LicenseCatalogDecoder {
    static let entryKeys = ["id", "name", "url", "osi-approved", "level", "terms", "summary"]
    static let requiredKeys = ["id", "name", "url", "osi-approved", "level", "terms", "summary"]

    func decode(_ document: YAMLDocument) -> (catalog: LicenseCatalog?, diagnostics: [Diagnostic]) {
        var reader = FieldReader(file: document.file)
        guard let root = document.root,
              let map = reader.mapping(root, named: "the license catalog", expected: "a mapping with a 'licenses' list")
        else {
            if document.root == nil {
                reader.error("empty-file", "the license catalog is empty; expected a 'licenses' list", at: .start(of: document.file))
            }
            return (nil, reader.diagnostics)
        }
        reader.checkKeys(map, named: "the license catalog", allowed: ["licenses"], required: ["licenses"])
        let items = reader.list(map, "licenses", in: "the license catalog", expected: "license entries") ?? []
        var licenses: [License] = []
        var firstSeen: [String: SourceLocation] = [:]
        for item in items {
            let (id, license) = decodeEntry(item, reader: &reader)
            guard let id else { continue }
            if let first = firstSeen[id.value] {
                var diagnostic = Diagnostic.error("duplicate-license", "license id '\(id.value)' is defined twice; expected each id once", at: id.location)
                diagnostic.notes = [.note("'\(id.value)' is first defined here", at: first)]
                reader.report(diagnostic)
                continue
            }
            firstSeen[id.value] = id.location
            if let license { licenses.append(license) }
        }
        guard !reader.diagnostics.containsErrors else { return (nil, reader.diagnostics) }
        return (LicenseCatalog(licenses), reader.diagnostics)
    }

    /// The entry's id (kept even when the entry is incomplete, so duplicates are still
    /// found) and the license when the entry is complete.
    private func decodeEntry(_ node: YAMLNode, reader: inout FieldReader) -> (id: Located<String>?, license: License?) {
        guard let map = reader.mapping(node, named: "a license entry", expected: "a mapping with 'id', 'name', 'url', 'osi-approved', 'level' and 'summary'") else { return (nil, nil) }
        reader.checkKeys(map, named: "a license entry", allowed: Self.entryKeys, required: Self.requiredKeys)
        let id = reader.string(map, "id", in: "a license entry")
        let name = reader.string(map, "name", in: "a license entry")
        let url = map.value("url").flatMap { reader.url($0, named: "the license url") }
        let osi = reader.bool(map, "osi-approved", in: "a license entry")
        let level = reader.choice(map, "level", in: "a license entry", allowed: LicenseLevel.allCases.map(\.rawValue))
            .flatMap { located in LicenseLevel(rawValue: located.value).map { Located($0, at: located.location) } }
        let summary = reader.string(map, "summary", in: "a license entry")
        let terms = decodeTerms(map, reader: &reader)
        if let id, !Self.isValidID(id.value) {
            reader.error("invalid-id", "license id '\(id.value)' has characters outside letters, digits, '.', '+' and '-'; expected an SPDX-style id such as 'Apache-2.0'", at: id.location)
            return (nil, nil)
        }
        if let osi, osi.value, let level, level.value != .open {
            reader.error("invalid-value", "an OSI-approved license cannot be at level '\(level.value.rawValue)'; OSI approval rules out use restrictions, so expected 'open'", at: level.location)
        }
        if let terms, let level, level.value != .proprietary, LicenseTerm.level(of: terms.value) != level.value {
            let derived = LicenseTerm.level(of: terms.value)
            let listed = terms.value.isEmpty ? "no restricting terms" : "terms " + terms.value.map(\.rawValue).quotedAlternatives.replacingOccurrences(of: " or ", with: " and ")
            reader.error("level-mismatch", "level '\(level.value.rawValue)' does not follow from its \(listed), which place it at '\(derived.rawValue)'; expected level '\(derived.rawValue)', or the terms that justify '\(level.value.rawValue)'", at: level.location)
        }
        if let osi, osi.value, let terms, terms.value.contains(where: { $0 != .notice }) {
            reader.error("invalid-value", "an OSI-approved license cannot have restricting terms; expected at most 'notice'", at: terms.location)
        }
        guard let name, let url, let osi, let level, let summary, let id, let terms else { return (id, nil) }
        return (id, License(id: id.value, name: name.value, url: url.value, osiApproved: osi.value,
                            level: level.value, summary: summary.value, terms: terms.value))
    }

    /// `terms: [user-cap, use-restrictions]`, each from `LicenseTerm`, listed once.
    private func decodeTerms(_ map: YAMLMapping, reader: inout FieldReader) -> Located<[LicenseTerm]>? {
        guard let items = reader.list(map, "terms", in: "a license entry", expected: "license terms"), let entry = map.entry("terms") else { return nil }
        let allowed = LicenseTerm.allCases.map(\.rawValue)
        var terms: [LicenseTerm] = []
        var valid = true
        for item in items {
            guard case .scalar(let scalar) = item, let term = LicenseTerm(rawValue: scalar.string) else {
                let shown = item.scalar.map { "'\($0.string)'" } ?? FieldReader.describe(item)
                reader.error("unknown-value", "license term \(shown) is not known\(item.scalar.map { Suggestion.phrase(for: $0.string, in: allowed) } ?? ""); expected \(allowed.quotedAlternatives)", at: reader.location(of: item))
                valid = false
                continue
            }
            if !terms.contains(term) { terms.append(term) }
        }
        return valid ? Located(terms, at: reader.location(of: entry.value)) : nil
    }

    static func isValidID(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || ".+-".unicodeScalars.contains($0)
        }
    }
}
