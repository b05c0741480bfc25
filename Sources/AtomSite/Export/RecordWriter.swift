import AtomAudit

/// Writes a scorecard's record from `ScorecardFields`: as JSON bytes for the downloads
/// (streamed, members in sorted order, the bytes `JSONEncoder` would give), as a tree for
/// anything that encodes with `JSONEncoder` (the diff; the tests' reference), and as a
/// CSV line.
struct RecordWriter: Sendable {
    let context: RecordContext

    /// The record as `data/models/<id>.json` publishes it. Walking fields sorted by key
    /// path opens each object once, at its first present member, and closes it when the
    /// path leaves it; an object whose members are all absent is left out, as
    /// `encodeIfPresent` leaves out a nil struct.
    func json(_ card: Scorecard) -> [UInt8] {
        var json = JSONWriter(capacity: 4096)
        json.openObject()
        var open: [String] = []
        for field in ScorecardFields.jsonFields {
            guard let value = field.value(card, context) else { continue }
            let parents = field.path.dropLast()
            var shared = 0
            while shared < open.count, shared < parents.count, open[shared] == parents[parents.startIndex + shared] { shared += 1 }
            while open.count > shared {
                json.closeObject()
                open.removeLast()
            }
            for name in parents.dropFirst(shared) {
                json.key(name)
                json.openObject()
                open.append(name)
            }
            json.key(field.path[field.path.count - 1])
            switch value {
            case .string(let text): json.string(text)
            case .int(let number): json.int(number)
            case .bool(let flag): json.bool(flag)
            case .strings(let list):
                json.openArray()
                for text in list {
                    json.element()
                    json.string(text)
                }
                json.closeArray()
            }
        }
        for _ in open { json.closeObject() }
        json.closeObject()
        return json.bytes
    }

    /// The record's fields (all, or those diffs show) as a tree `JSONEncoder` can encode.
    func tree(_ card: Scorecard, fields: [RecordField] = ScorecardFields.all) -> RecordTree {
        var root = RecordTree.object([:])
        for field in fields {
            guard let value = field.value(card, context) else { continue }
            root.insert(value, at: field.path[...])
        }
        return root
    }

    /// One CSV line, in `ScorecardFields.csvFields` order (absent values are empty cells).
    func csvLine(_ card: Scorecard) -> String {
        ScorecardFields.csvFields.map { field in
            DataExporter.csvField(field.value(card, context)?.csvText ?? "")
        }.joined(separator: ",")
    }

    static var csvHeader: String { ScorecardFields.csvFields.compactMap(\.csvColumn).joined(separator: ",") }
}

/// A record as nested objects, for `JSONEncoder`.
enum RecordTree: Sendable, Hashable, Encodable {
    case object([String: RecordTree])
    case value(RecordValue)

    mutating func insert(_ value: RecordValue, at path: ArraySlice<String>) {
        guard let first = path.first else { return }
        guard case .object(var members) = self else { return }
        if path.count == 1 {
            members[first] = .value(value)
        } else {
            var child = members[first] ?? .object([:])
            child.insert(value, at: path.dropFirst())
            members[first] = child
        }
        self = .object(members)
    }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .object(let members):
            var container = encoder.container(keyedBy: Key.self)
            for (name, member) in members { try container.encode(member, forKey: Key(name)) }
        case .value(let value):
            try value.encode(to: encoder)
        }
    }

    private struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

/// A scorecard's record limited to the fields a score diff shows, for `diff --format json`.
public struct DiffRecord: Encodable, Sendable {
    let tree: RecordTree

    public init(_ card: Scorecard) {
        // Diff fields depend on neither the base URL nor the as-of date.
        tree = RecordWriter(context: RecordContext(baseURL: "", asOf: .referenceDay)).tree(card, fields: ScorecardFields.diffFields)
    }

    public func encode(to encoder: any Encoder) throws { try tree.encode(to: encoder) }
}
