/// A JSON document written the way `JSONEncoder` writes with `.prettyPrinted`,
/// `.sortedKeys` and `.withoutEscapingSlashes`, byte for byte (ExportTests compares the
/// two). Encoding 10,000 records through `JSONEncoder` was a tenth of a large build.
enum JSONValue {
    case string(String)
    case int(Int)
    case bool(Bool)
    case array([JSONValue])
    /// Members in any order: they are written sorted by key.
    case object([(key: String, value: JSONValue)])

    /// An object member that is left out when the value is absent, as `encodeIfPresent` does.
    static func member(_ key: String, _ value: JSONValue?) -> [(key: String, value: JSONValue)] {
        value.map { [(key, $0)] } ?? []
    }

    var prettyBytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(to: &out, depth: 0)
        return out
    }

    private func write(to out: inout [UInt8], depth: Int) {
        switch self {
        case .string(let text): Self.writeString(text, to: &out)
        case .int(let number): out.append(contentsOf: String(number).utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            Self.writeMembers(items.count, to: &out, depth: depth) { index, out in
                items[index].write(to: &out, depth: depth + 1)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            let sorted = members.sorted { $0.key < $1.key }
            out.append(UInt8(ascii: "{"))
            Self.writeMembers(sorted.count, to: &out, depth: depth) { index, out in
                Self.writeString(sorted[index].key, to: &out)
                out.append(contentsOf: [32, UInt8(ascii: ":"), 32])
                sorted[index].value.write(to: &out, depth: depth + 1)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// One member per line, indented two spaces a level; an empty container is a blank line.
    private static func writeMembers(_ count: Int, to out: inout [UInt8], depth: Int, _ member: (Int, inout [UInt8]) -> Void) {
        out.append(UInt8(ascii: "\n"))
        if count == 0 { out.append(UInt8(ascii: "\n")) }
        for index in 0..<count {
            out.append(contentsOf: repeatElement(32, count: 2 * (depth + 1)))
            member(index, &out)
            if index < count - 1 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "\n"))
        }
        out.append(contentsOf: repeatElement(32, count: 2 * depth))
    }

    private static func writeString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            // Runs of ordinary bytes go in whole; only quotes, backslashes and control
            // characters are escaped.
            var start = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                switch byte {
                case UInt8(ascii: "\""): out.append(contentsOf: [92, UInt8(ascii: "\"")])
                case UInt8(ascii: "\\"): out.append(contentsOf: [92, 92])
                case 0x08: out.append(contentsOf: [92, UInt8(ascii: "b")])
                case 0x0C: out.append(contentsOf: [92, UInt8(ascii: "f")])
                case 0x0A: out.append(contentsOf: [92, UInt8(ascii: "n")])
                case 0x0D: out.append(contentsOf: [92, UInt8(ascii: "r")])
                case 0x09: out.append(contentsOf: [92, UInt8(ascii: "t")])
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [92, UInt8(ascii: "u"), 48, 48, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                }
                start = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        out.append(UInt8(ascii: "\""))
    }
}
