/// Compares the two readers of `YAMLReader` on one text: `BlockYAMLParser`, which
/// declines what it does not read, and Yams. What the block parser accepts it must read
/// exactly as Yams does. The tests hold it to that on chosen and edited texts; the
/// fuzzer (`Fuzz/`) on every input, through this SPI, trapping on any difference.
@_spi(Fuzzing) public enum YAMLReaderComparison {
    /// nil when the block parser declines the text, or reads it as Yams does: the same
    /// tree, and the same text (scalar for scalar), style, tag and position of every
    /// node. Otherwise the first difference, in words.
    public static func difference(in text: String) -> String? {
        guard let fast = BlockYAMLParser.parse(text) else { return nil }
        let (document, diagnostics) = YAMLReader().composed(text: text, file: "input.yaml")
        if let refusal = diagnostics.first {
            return "the block parser read text that Yams refuses (\(refusal.location?.description ?? "-"): \(refusal.message))"
        }
        guard let slow = document?.root else { return "the block parser read a document where Yams read none" }
        return difference(fast, slow, at: "the root")
    }

    /// The same for a Markdown file's front matter, when it has one, and for the whole
    /// text, as content files are read both ways.
    public static func differenceInContentFile(_ text: String) -> String? {
        if let front = FrontMatter(splitting: text), let found = difference(in: front.yaml) {
            return "in the front matter: " + found
        }
        return difference(in: text)
    }

    /// Block parser's node first, Yams's second.
    static func difference(_ fast: YAMLNode, _ slow: YAMLNode, at path: String) -> String? {
        if fast.mark != slow.mark {
            return "\(path) starts at \(fast.mark.line):\(fast.mark.column) in the block parser, \(slow.mark.line):\(slow.mark.column) in Yams"
        }
        switch (fast, slow) {
        case let (.scalar(a), .scalar(b)):
            if !a.string.isIdentical(to: b.string) { return "\(path) is \(quoted(a.string)) in the block parser, \(quoted(b.string)) in Yams" }
            if a.style != b.style { return "\(path) is \(a.style) in the block parser, \(b.style) in Yams" }
            if a.tag != b.tag { return "\(path) has tag \(a.tag ?? "none") in the block parser, \(b.tag ?? "none") in Yams" }
            return nil
        case let (.sequence(a), .sequence(b)):
            if a.items.count != b.items.count { return "\(path) has \(a.items.count) items in the block parser, \(b.items.count) in Yams" }
            for index in a.items.indices {
                if let found = difference(a.items[index], b.items[index], at: "item \(index + 1) of \(path)") { return found }
            }
            return nil
        case let (.mapping(a), .mapping(b)):
            if a.pairs.count != b.pairs.count { return "\(path) has \(a.pairs.count) keys in the block parser, \(b.pairs.count) in Yams" }
            for index in a.pairs.indices {
                let name = "key \(index + 1) of \(path)"
                if let found = difference(a.pairs[index].key, b.pairs[index].key, at: name) { return found }
                let value = "the value of \(a.pairs[index].key.string.map(quoted) ?? name) in \(path)"
                if let found = difference(a.pairs[index].value, b.pairs[index].value, at: value) { return found }
            }
            return nil
        default:
            return "\(path) is \(kind(fast)) in the block parser, \(kind(slow)) in Yams"
        }
    }

    private static func kind(_ node: YAMLNode) -> String {
        switch node {
        case .scalar: "a scalar"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }

    /// The text with every scalar outside printable ASCII as an escape, so a difference
    /// of one invisible or look-alike character shows.
    private static func quoted(_ text: String) -> String {
        var result = "'"
        for scalar in text.unicodeScalars.prefix(200) {
            if scalar.value >= 0x20 && scalar.value < 0x7F { result.unicodeScalars.append(scalar) } else { result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}" }
        }
        return result + (text.unicodeScalars.count > 200 ? "…'" : "'")
    }
}
