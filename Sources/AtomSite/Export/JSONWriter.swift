/// Writes JSON the way `JSONEncoder` does with `.prettyPrinted`, `.sortedKeys` and
/// `.withoutEscapingSlashes`, byte for byte (JSONWriterTests compares the two), straight
/// into bytes: encoding 10,000 records through `JSONEncoder` was a tenth of a large
/// build, and building a tree of values first still cost half of that.
///
/// Callers write an object's members in sorted key order; `ModelRecord` lists them so.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// Members written so far in each open container, innermost last.
    private var counts: [Int] = []

    init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    mutating func openObject() { open(UInt8(ascii: "{")) }
    mutating func closeObject() { close(UInt8(ascii: "}")) }
    mutating func openArray() { open(UInt8(ascii: "[")) }
    mutating func closeArray() { close(UInt8(ascii: "]")) }

    /// Starts an object member: its key; the value follows.
    mutating func key(_ key: String) {
        nextMember()
        writeString(key)
        bytes.append(contentsOf: [32, UInt8(ascii: ":"), 32])
    }

    /// Starts an array element; the value follows.
    mutating func element() { nextMember() }

    mutating func string(_ text: String) { writeString(text) }
    mutating func int(_ number: Int) { bytes.append(contentsOf: String(number).utf8) }
    mutating func bool(_ flag: Bool) { bytes.append(contentsOf: (flag ? "true" : "false").utf8) }

    /// `"key" : "text"`, left out when `text` is nil (as `encodeIfPresent` does).
    mutating func member(_ name: String, _ text: String?) {
        guard let text else { return }
        key(name)
        string(text)
    }

    mutating func member(_ name: String, _ number: Int) {
        key(name)
        int(number)
    }

    mutating func member(_ name: String, strings: [String]) {
        key(name)
        openArray()
        for text in strings {
            element()
            string(text)
        }
        closeArray()
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        counts.append(0)
    }

    /// One member per line, indented two spaces a level; an empty container is a blank line.
    private mutating func close(_ bracket: UInt8) {
        let count = counts.removeLast()
        bytes.append(UInt8(ascii: "\n"))
        if count == 0 { bytes.append(UInt8(ascii: "\n")) }
        bytes.append(contentsOf: repeatElement(32, count: 2 * counts.count))
        bytes.append(bracket)
    }

    private mutating func nextMember() {
        if counts[counts.count - 1] > 0 { bytes.append(UInt8(ascii: ",")) }
        counts[counts.count - 1] += 1
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(32, count: 2 * counts.count))
    }

    private mutating func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            // Runs of ordinary bytes go in whole; quotes, backslashes and control
            // characters are escaped.
            var start = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: [92, UInt8(ascii: "\"")])
                case UInt8(ascii: "\\"): bytes.append(contentsOf: [92, 92])
                case 0x08: bytes.append(contentsOf: [92, UInt8(ascii: "b")])
                case 0x0C: bytes.append(contentsOf: [92, UInt8(ascii: "f")])
                case 0x0A: bytes.append(contentsOf: [92, UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [92, UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [92, UInt8(ascii: "t")])
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [92, UInt8(ascii: "u"), 48, 48, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                }
                start = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
