import AtomAudit
import AtomIO
import Foundation

/// The data downloads: every model as JSON and CSV, and one JSON file per model.
struct DataExporter {
    let siteData: SiteData

    /// Builds the downloads from batches of models given in id order, so a large site's
    /// per-model files can be written and dropped batch by batch. Each record is encoded
    /// once, for its own file and for the collection. The collection, `data/models.json`,
    /// goes out in parts with each batch (40 MB at 10,000 models; see `OutputFile.Part`).
    struct Accumulator {
        let exporter: DataExporter
        private var count = 0
        private var csvLines: [String] = [RecordWriter.csvHeader + ",as_of"]

        init(exporter: DataExporter) {
            self.exporter = exporter
        }

        /// `{"asOf", "count", "models": [` as JSONEncoder's pretty, sorted output begins.
        private var header: Data {
            Data("{\n  \"asOf\" : \"\(exporter.siteData.asOf)\",\n  \"count\" : \(exporter.siteData.cards.count),\n  \"models\" : [".utf8)
        }

        /// The per-model JSON files of these models, and their part of the collection.
        mutating func add(_ cards: [Scorecard]) -> [OutputFile] {
            guard !cards.isEmpty else { return [] }
            let writer = RecordWriter(context: RecordContext(baseURL: exporter.siteData.site.baseURL, asOf: exporter.siteData.asOf))
            let asOf = "," + exporter.siteData.asOf.description
            // Encoding, indenting for the collection and the CSV line all happen on all cores.
            let prepared = cards.parallelMap { card -> Prepared in
                Prepared(id: card.id.rawValue, json: writer.json(card), csvLine: writer.csvLine(card) + asOf)
            }
            var files: [OutputFile] = []
            var part = count == 0 ? header : Data()
            part.reserveCapacity(part.count + prepared.reduce(0) { $0 + $1.indented.count + 2 })
            let first = count == 0
            for item in prepared {
                files.append(OutputFile(path: SitePaths.modelJSON(item.id), contents: Data(item.json + [UInt8(ascii: "\n")])))
                part.append(contentsOf: count == 0 ? [UInt8(ascii: "\n")] : [UInt8(ascii: ","), UInt8(ascii: "\n")])
                part.append(contentsOf: item.indented)
                count += 1
                csvLines.append(item.csvLine)
            }
            files.append(OutputFile(path: SitePaths.modelsJSON, contents: part, part: first ? .first : .middle))
            return files
        }

        /// One record, encoded once for its own file and, indented, for the collection.
        struct Prepared: Sendable {
            var id: String
            var json: [UInt8]
            var csvLine: String
            /// The record laid out as JSONEncoder's pretty output nests it in the collection.
            var indented: [UInt8]

            init(id: String, json: [UInt8], csvLine: String) {
                self.id = id
                self.json = json
                self.csvLine = csvLine
                // Bytes, not Data: appending to Data byte by byte was a fifth of a large build.
                var indented: [UInt8] = []
                indented.reserveCapacity(json.count + json.count / 4)
                var atLineStart = true
                for byte in json {
                    if atLineStart, byte != UInt8(ascii: "\n") { indented.append(contentsOf: [32, 32, 32, 32]) }
                    indented.append(byte)
                    atLineStart = byte == UInt8(ascii: "\n")
                }
                self.indented = indented
            }
        }

        /// The end of `data/models.json` (`{"asOf", "count", "models", "rubricVersion"}`, as
        /// JSONEncoder's pretty, sorted output) and `data/models.csv`.
        /// Hands the downloads over; the accumulator keeps nothing of them.
        mutating func finish() -> [OutputFile] {
            var versionJSON = JSONWriter(capacity: 16)
            versionJSON.string(exporter.siteData.rubric.version)
            let version = String(decoding: versionJSON.bytes, as: UTF8.self)
            let end = Data(((count == 0 ? "\n\n  ],\n" : "\n  ],\n") + "  \"rubricVersion\" : \(version)\n}\n").utf8)
            let csv = csvLines.joined(separator: "\r\n") + "\r\n"
            csvLines = []
            return [
                count == 0 ? OutputFile(path: SitePaths.modelsJSON, contents: header + end)
                    : OutputFile(path: SitePaths.modelsJSON, contents: end, part: .last),
                OutputFile(path: SitePaths.modelsCSV, text: csv),
            ]
        }
    }

    /// RFC 4180 quoting, plus a leading apostrophe for cells a spreadsheet would run
    /// as a formula (`=`, `+`, `-`, `@`): a manifest must not be able to plant one.
    /// A whole table as CSV text: fields quoted as `csvField` quotes them, CRLF line ends
    /// (RFC 4180), one line per row.
    static func csv(_ rows: [[String]]) -> String {
        rows.map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func csvField(_ value: String) -> String {
        // Over the bytes: every character that matters is ASCII, and this runs for 19
        // cells of every model.
        let utf8 = value.utf8
        var formula = false
        if let first = utf8.first, [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"),
                                     UInt8(ascii: "\t"), UInt8(ascii: "\r")].contains(first) {
            formula = Double(value) == nil
        }
        // The apostrophe that defuses a formula needs quoting too.
        let quoted = formula || utf8.contains { byte in
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n")
                || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "'")
        }
        guard quoted else { return value }
        var field: [UInt8] = [UInt8(ascii: "\"")]
        field.reserveCapacity(utf8.count + 4)
        if formula { field.append(UInt8(ascii: "'")) }
        for byte in utf8 {
            field.append(byte)
            if byte == UInt8(ascii: "\"") { field.append(byte) }
        }
        field.append(UInt8(ascii: "\""))
        return String(decoding: field, as: UTF8.self)
    }
}
