import AtomAudit
import Foundation

/// The data downloads: every model as JSON and CSV, and one JSON file per model.
struct DataExporter {
    let model: SiteModel

    private var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        // Sorted keys and no escaped slashes: stable, diff-friendly bytes.
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    func files() throws -> [OutputFile] {
        let records = model.cards.sorted { $0.id < $1.id }.map { ModelRecord($0, baseURL: model.site.baseURL) }
        let encoder = self.encoder
        // Each record is encoded once and reused for its own file and the collection.
        let encoded = try records.parallelMap { record in Result { try encoder.encode(record) } }.map { try $0.get() }
        var files = [OutputFile(path: SitePaths.modelsJSON, contents: try collection(encoded))]
        files.append(OutputFile(path: SitePaths.modelsCSV, text: csv(records)))
        for (record, json) in zip(records, encoded) {
            files.append(OutputFile(path: SitePaths.modelJSON(record.id), contents: json + Data("\n".utf8)))
        }
        return files
    }

    /// `{"count", "models", "rubricVersion"}` laid out exactly as JSONEncoder's pretty,
    /// sorted output would be, from records encoded already.
    private func collection(_ records: [Data]) throws -> Data {
        let version = try JSONEncoder().encode(model.rubric.version)
        var text = "{\n  \"count\" : \(records.count),\n  \"models\" : ["
        for (index, record) in records.enumerated() {
            let lines = String(decoding: record, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            text += (index == 0 ? "\n" : ",\n") + lines.map { $0.isEmpty ? "" : "    " + $0 }.joined(separator: "\n")
        }
        text += records.isEmpty ? "\n\n  ],\n" : "\n  ],\n"
        text += "  \"rubricVersion\" : \(String(decoding: version, as: UTF8.self))\n}\n"
        return Data(text.utf8)
    }

    static let csvColumns = [
        "id", "name", "developer", "origin", "released", "parameters", "assessed",
        "weights_level", "weights_points", "data_level", "data_points", "code_level", "code_points",
        "license_id", "license_level", "license_points", "points", "max_points", "tier",
    ]

    func csv(_ records: [ModelRecord]) -> String {
        var lines = [Self.csvColumns.joined(separator: ",")]
        for r in records {
            let axis = { (name: String) in r.axes[name] }
            let fields: [String] = [
                r.id, r.name, r.developer, r.origin, r.released ?? "", r.parameters ?? "", r.assessed,
                axis("weights")?.level ?? "", String(axis("weights")?.points ?? 0),
                axis("data")?.level ?? "", String(axis("data")?.points ?? 0),
                axis("code")?.level ?? "", String(axis("code")?.points ?? 0),
                r.license?.id ?? "", axis("license")?.level ?? "", String(axis("license")?.points ?? 0),
                String(r.points), String(r.maxPoints), r.tier,
            ]
            lines.append(fields.map(Self.csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// RFC 4180 quoting, plus a leading apostrophe for cells a spreadsheet would run
    /// as a formula (`=`, `+`, `-`, `@`): a manifest must not be able to plant one.
    static func csvField(_ value: String) -> String {
        var value = value
        if let first = value.first, "=+-@\t\r".contains(first), Double(value) == nil { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "'" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
