import Foundation

/// A JSON Schema (draft 2020-12) of the manifest, built from the same vocabulary the
/// decoder checks, for editors that validate and complete YAML as it is typed.
public enum ManifestSchema {
    /// - Parameter licenseIDs: the catalog's ids, offered as completions for `license`.
    public static func json(licenseIDs: [String]) -> String {
        let url: [String: Any] = ["type": "string", "format": "uri", "pattern": "^https?://[^\\s]+$"]
        let evidence: [String: Any] = [
            "type": "array", "items": url,
            "description": "URLs (model card, repository, paper, dataset or license text) that show the level.",
        ]
        let note: [String: Any] = ["type": "string", "description": "One or two sentences saying what was checked."]
        let license: [String: Any] = [
            "type": "string", "description": "A license id defined in Content/licenses.yaml.",
            "anyOf": [["enum": licenseIDs], ["type": "string"]],
        ]
        let parameters: [String: Any] = ["type": "string", "pattern": "^([0-9]+(\\.[0-9]+)?[KMBT]|unknown)$", "examples": ["7B", "1.5B", "400M", "unknown"]]
        let date: [String: Any] = ["type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"]
        let count: [String: Any] = ["type": "integer", "minimum": 0]
        let adoption: [String: Any] = [
            "type": "object", "additionalProperties": false,
            "description": "Hugging Face repositories that count for the model and dated snapshots of their figures.",
            "properties": [
                "repositories": ["type": "array", "uniqueItems": true,
                                 "items": ["type": "string", "pattern": "^[A-Za-z0-9._-]+/[A-Za-z0-9._-]+$"]],
                "snapshots": ["type": "array", "items": [
                    "type": "object", "additionalProperties": false, "required": ["as-of", "source"],
                    "properties": [
                        "as-of": date, "downloads": count, "downloads-30d": count, "likes": count,
                        "derivatives": ["type": "object", "additionalProperties": false,
                                        "properties": Dictionary(uniqueKeysWithValues: AdoptionDecoder.derivativeKeys.map { ($0, count as Any) })],
                        "source": ["anyOf": [url, ["type": "array", "items": url, "minItems": 1]]],
                    ] as [String: Any],
                ] as [String: Any]],
            ] as [String: Any],
        ]
        // The axis blocks come from the decoder's own table, so the schema cannot drift from it.
        func axis(_ spec: AxisSpec, extra: [String: Any] = [:]) -> [String: Any] {
            var properties: [String: Any] = ["access": ["enum": spec.accessValues], "evidence": evidence, "note": note]
            if spec.hasLicense { properties["license"] = license }
            properties.merge(extra) { $1 }
            return ["type": "object", "additionalProperties": false, "required": ["access"], "properties": properties]
        }
        let schema: [String: Any] = [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "atom-audit model manifest",
            "description": "One AI model's openness facts (Content/models/<id>.yaml). See docs/manifest-format.md.",
            "type": "object",
            "additionalProperties": false,
            "required": ManifestDecoder.requiredTopLevelKeys,
            "properties": [
                "name": ["type": "string", "minLength": 1, "description": "The model's common display name."],
                "developer": ["type": "string", "minLength": 1],
                "origin": ["type": "string", "enum": CountryCode.names.keys.sorted(), "description": "ISO 3166-1 alpha-2 code of the developer's home."],
                "released": ["anyOf": [date, ["const": "unknown"]]],
                "parameters": parameters,
                "active-parameters": parameters,
                "modality": ["type": "array", "items": ["enum": Modality.allCases.map(\.rawValue)], "uniqueItems": true],
                "weights": axis(AxisSpec.weights, extra: [
                    "checkpoints": ["type": "boolean", "description": "The base model and intermediate training checkpoints are downloadable."],
                ]),
                "data": axis(AxisSpec.data),
                "code": axis(AxisSpec.code),
                "family": ["type": "string", "pattern": "^[a-z0-9][a-z0-9.-]*$", "examples": ["qwen3", "llama-3.1"],
                           "description": "The generation the release belongs to, for indicators that count families."],
                "adoption": adoption,
                "reference": ["type": "string", "description": "Why a model outside the census (released before census-from) is kept."],
                "notes": ["type": "string", "description": "Markdown shown on the scorecard."],
                "assessed": date,
            ] as [String: Any],
        ]
        guard let data = try? JSONSerialization.data(withJSONObject: schema, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]),
              let text = String(data: data, encoding: .utf8) else { return "{}\n" }
        return text + "\n"
    }
}
