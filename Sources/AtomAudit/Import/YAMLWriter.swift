/// Writes the small YAML subset manifests use, quoting every string so that no value
/// from a model card can change the document's structure.
struct YAMLWriter {
    private(set) var text = ""

    mutating func comment(_ line: String) { text += "# \(line)\n" }
    mutating func blank() { text += "\n" }
    mutating func open(_ key: String) { text += "\(key):\n" }

    mutating func field(_ key: String, _ value: String, indent: Int = 0) {
        text += pad(indent) + "\(key):" + (value.isEmpty ? "\n" : " \(Self.quote(value))\n")
    }

    /// A value written as given: the caller has made sure it reads back unchanged.
    mutating func field(_ key: String, plain value: String, indent: Int = 0) {
        text += pad(indent) + "\(key): \(value)\n"
    }

    /// The first field of a list item: `- key: value`.
    mutating func item(_ key: String, _ value: String, indent: Int = 0) {
        text += pad(indent) + "- \(key): \(Self.quote(value))\n"
    }

    mutating func list(_ key: String, _ values: [String], indent: Int = 0, flow: Bool = false) {
        if values.isEmpty || flow {
            text += pad(indent) + "\(key): [\(values.map(Self.quote).joined(separator: ", "))]\n"
            return
        }
        text += pad(indent) + "\(key):\n"
        for value in values { text += pad(indent + 1) + "- \(Self.quote(value))\n" }
    }

    /// A literal block (`|`), for Markdown notes.
    mutating func block(_ key: String, _ value: String, indent: Int = 0) {
        text += pad(indent) + "\(key): |\n"
        for line in value.split(separator: "\n", omittingEmptySubsequences: false) {
            text += line.isEmpty ? "\n" : pad(indent + 1) + line + "\n"
        }
    }

    private func pad(_ level: Int) -> String { String(repeating: "  ", count: level) }

    /// A double-quoted YAML scalar, or the bare word when it is plainly safe.
    static func quote(_ value: String) -> String {
        let plain = value.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "-._/".unicodeScalars.contains($0)
        }
        if plain, !value.isEmpty, !["true", "false", "null", "yes", "no", "on", "off", "~"].contains(value.lowercased()) {
            return value
        }
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20: result += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
