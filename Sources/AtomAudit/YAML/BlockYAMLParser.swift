#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the plain block YAML that content files are written in straight into
/// `YAMLNode`s, or declines.
///
/// It takes: a mapping at the top; nested `key: value` mappings whose keys are plain
/// words; `- item` lists of one-line scalars or of mappings (`- key: value`, more keys
/// below, as adoption snapshots are written); one-line `[a, b]` lists of plain words and
/// `{key: value}` mappings of plain words;
/// plain, 'single-quoted' and "double-quoted" one-line scalars (no escapes); and `|`
/// and `>` block scalars with clip or strip chomping. Comments and blank lines are
/// skipped. Anything else returns nil and `YAMLReader` hands the text to Yams, which
/// reads all of YAML and words every error: anchors, tags, flow mappings, multi-line
/// plain or quoted scalars, escapes, tabs, carriage returns, document markers, empty
/// values, duplicate keys, and anything that is not valid YAML at all.
///
/// What it accepts it reads exactly as Yams does, text, style and position of every
/// node (`BlockYAMLParserTests` holds it to that on every content file, the benchmark's
/// manifests and thousands of edited ones). It exists because Yams goes through
/// libyaml's tokens and events and a tree of tagged nodes, which was a fifth of a
/// whole build's instructions.
///
/// Every line is read once, and every byte of it a bounded number of times, so the
/// cost is linear in the text (`Benchmarks/hostile-yaml` measures it).
struct BlockYAMLParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    /// Where the current line starts, and its 1-based number.
    private var lineStart = 0
    private var line = 1
    /// Where the line starting at `start` ends (see `currentLineEnd`).
    private var knownLine = (start: -1, end: 0)

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The document's root, or nil when the text is outside the subset (or not valid).
    static func parse(_ text: String) -> YAMLNode? {
        var text = text
        return text.withUTF8 { bytes -> YAMLNode? in
            guard hasOnlyPlainCharacters(bytes) else { return nil }
            var parser = BlockYAMLParser(bytes: bytes)
            guard parser.skipInsignificantLines() == 0, let root = parser.mapping(indent: 0) else { return nil }
            // The root mapping ends only at the end of the text or at a line it cannot read.
            return parser.lineStart == bytes.count ? root : nil
        }
    }

    // MARK: Characters

    private static let space = UInt8(ascii: " ")
    private static let newline = UInt8(ascii: "\n")
    private static let hash = UInt8(ascii: "#")
    private static let colon = UInt8(ascii: ":")
    private static let dash = UInt8(ascii: "-")

    /// Rules out, in one pass, every character libyaml treats specially or refuses:
    /// tabs, carriage returns and other control characters, the C1 range (with NEL, a
    /// line break to libyaml), U+2028 and U+2029 (line breaks too), U+FEFF, U+FFFE and
    /// U+FFFF.
    private static func hasOnlyPlainCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x20 {
                if byte != newline { return false }
            } else if byte >= 0x7F {
                switch byte {
                case 0x7F:
                    return false
                case 0xC2:
                    if index + 1 < count, bytes[index + 1] < 0xA0 { return false }
                case 0xE2:
                    if index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 { return false }
                case 0xEF:
                    if index + 2 < count, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF { return false }
                    if index + 2 < count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE { return false }
                default:
                    break
                }
            }
            index += 1
        }
        return true
    }

    /// Bytes that may not start a plain scalar (YAML's indicators), or that this
    /// parser leaves to Yams when they do.
    private static func isIndicator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"),
             UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"),
             UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"), space, newline:
            return true
        default:
            return false
        }
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."):
            return true
        default:
            return false
        }
    }

    // MARK: Lines

    /// The end of the line that starts at `start` (the index of its newline, or the end).
    private func lineEnd(from start: Int) -> Int {
        guard start < bytes.count, let base = bytes.baseAddress,
              let found = memchr(base + start, Int32(Self.newline), bytes.count - start) else { return bytes.count }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The end of the current line, found once: the line after a nested mapping is
    /// looked at again by every mapping it ends, up to 64 levels.
    private mutating func currentLineEnd() -> Int {
        if knownLine.start != lineStart { knownLine = (lineStart, lineEnd(from: lineStart)) }
        return knownLine.end
    }

    private func indentation(at start: Int, end: Int) -> Int {
        var index = start
        while index < end, bytes[index] == Self.space { index += 1 }
        return index - start
    }

    /// Moves to the next line after the one ending at `end`.
    private mutating func advance(pastLineEndingAt end: Int) {
        lineStart = end < bytes.count ? end + 1 : end
        line += 1
    }

    /// Skips blank and comment-only lines; the indentation of the line it stops at,
    /// or nil at the end of the text.
    private mutating func skipInsignificantLines() -> Int? {
        while lineStart < bytes.count {
            let end = currentLineEnd()
            let indent = indentation(at: lineStart, end: end)
            if lineStart + indent < end, bytes[lineStart + indent] != Self.hash { return indent }
            advance(pastLineEndingAt: end)
        }
        return nil
    }

    /// The 1-based column of a byte of the current line: libyaml counts characters.
    private func column(of index: Int) -> Int {
        var column = 1
        var position = lineStart
        while position < index {
            if bytes[position] & 0xC0 != 0x80 { column += 1 }
            position += 1
        }
        return column
    }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// True when only spaces, or spaces and then a comment, follow `index` on a line
    /// ending at `end`. A comment needs a space before it.
    private func isLineDone(from index: Int, end: Int) -> Bool {
        var position = index
        while position < end, bytes[position] == Self.space { position += 1 }
        return position == end || (position > index && bytes[position] == Self.hash)
    }

    // MARK: Collections

    /// A block mapping whose keys start at column `indent + 1`, from the current line.
    /// - Parameter afterDash: the first key follows `- ` on the current line (a mapping
    ///   that is a list item); the next keys line up under it.
    private mutating func mapping(indent: Int, afterDash: Bool = false) -> YAMLNode? {
        var pairs: [(key: YAMLNode, value: YAMLNode)] = []
        let mark = YAMLNode.Mark(line: line, column: indent + 1)
        var first = afterDash
        while true {
            if !first {
                guard let next = skipInsignificantLines(), next >= indent else { break }
                guard next == indent else { return nil }
            }
            first = false
            let end = currentLineEnd()
            let keyStart = lineStart + indent
            var keyEnd = keyStart
            while keyEnd < end, Self.isKeyByte(bytes[keyEnd]) { keyEnd += 1 }
            // A key is a plain word that libyaml reads as one (it looks at most 1,024
            // characters ahead for the ':'), followed by ':' and a space or the line's end.
            guard keyEnd > keyStart, keyEnd - keyStart <= 128, bytes[keyStart] != Self.dash, bytes[keyStart] != UInt8(ascii: "."),
                  keyEnd < end, bytes[keyEnd] == Self.colon,
                  keyEnd + 1 == end || bytes[keyEnd + 1] == Self.space else { return nil }
            let keyText = text(keyStart..<keyEnd)
            // Yams refuses a repeated key; let it say so.
            guard pairs.count < 64, !pairs.contains(where: { $0.key.string == keyText }) else { return nil }
            let key = YAMLNode.scalar(.init(string: keyText, style: .plain, mark: .init(line: line, column: indent + 1)))
            guard let value = mappingValue(after: keyEnd + 1, end: end, indent: indent) else { return nil }
            pairs.append((key, value))
        }
        return .mapping(.init(pairs: pairs, mark: mark))
    }

    /// The value of a key whose ':' ends before `start`, in a mapping at `indent`; on
    /// return the current line is the one after the value.
    private mutating func mappingValue(after start: Int, end: Int, indent: Int) -> YAMLNode? {
        var index = start
        while index < end, bytes[index] == Self.space { index += 1 }
        if index == end || bytes[index] == Self.hash {
            // The value is on the lines below: a list or a mapping, indented further.
            advance(pastLineEndingAt: end)
            guard let next = skipInsignificantLines(), next > indent else { return nil }
            let nextEnd = currentLineEnd()
            let first = lineStart + next
            if bytes[first] == Self.dash, first + 1 == nextEnd || bytes[first + 1] == Self.space {
                return sequence(indent: next)
            }
            return mapping(indent: next)
        }
        switch bytes[index] {
        case UInt8(ascii: "|"), UInt8(ascii: ">"):
            return blockScalar(at: index, end: end, parentIndent: indent)
        default:
            guard let value = inlineValue(at: index, end: end) else { return nil }
            advance(pastLineEndingAt: end)
            return value
        }
    }

    /// A block list whose dashes are at column `indent + 1`, from the current line.
    private mutating func sequence(indent: Int) -> YAMLNode? {
        var items: [YAMLNode] = []
        let mark = YAMLNode.Mark(line: line, column: indent + 1)
        while let next = skipInsignificantLines(), next >= indent {
            guard next == indent else { return nil }
            let end = currentLineEnd()
            let dash = lineStart + indent
            guard bytes[dash] == Self.dash, dash + 1 < end, bytes[dash + 1] == Self.space else { return nil }
            var index = dash + 1
            while index < end, bytes[index] == Self.space { index += 1 }
            guard index < end, bytes[index] != Self.hash, bytes[index] != UInt8(ascii: "|"), bytes[index] != UInt8(ascii: ">") else { return nil }
            // `- key: value`: the item is a mapping whose keys line up after the dash.
            if startsKey(at: index, end: end) {
                guard let item = mapping(indent: index - lineStart, afterDash: true) else { return nil }
                items.append(item)
                continue
            }
            // Nested lists inside items are left to Yams.
            guard let item = inlineValue(at: index, end: end) else { return nil }
            items.append(item)
            advance(pastLineEndingAt: end)
        }
        return .sequence(.init(items: items, mark: mark))
    }

    /// Whether a plain word and `: ` (or `:` at the line's end) start at `index`.
    private func startsKey(at index: Int, end: Int) -> Bool {
        var keyEnd = index
        while keyEnd < end, Self.isKeyByte(bytes[keyEnd]) { keyEnd += 1 }
        return keyEnd > index && keyEnd < end && bytes[keyEnd] == Self.colon && (keyEnd + 1 == end || bytes[keyEnd + 1] == Self.space)
    }

    // MARK: Scalars

    /// A value that starts at `index` and ends on the same line: a quoted or plain
    /// scalar, or a `[...]` list.
    private func inlineValue(at index: Int, end: Int) -> YAMLNode? {
        switch bytes[index] {
        case UInt8(ascii: "["):
            return flowSequence(at: index, end: end)
        case UInt8(ascii: "{"):
            return flowMapping(at: index, end: end)
        case UInt8(ascii: "\""):
            return quoted(at: index, end: end, quote: UInt8(ascii: "\""))
        case UInt8(ascii: "'"):
            return quoted(at: index, end: end, quote: UInt8(ascii: "'"))
        default:
            return plain(at: index, end: end)
        }
    }

    /// A plain scalar running to the end of the line or to a comment.
    private func plain(at start: Int, end: Int) -> YAMLNode? {
        guard !Self.isIndicator(bytes[start]) else { return nil }
        var index = start
        var last = start  // one past the last non-space byte
        while index < end {
            let byte = bytes[index]
            if byte == Self.space {
                if index + 1 < end, bytes[index + 1] == Self.hash { break }
            } else {
                // ': ' (or ':' at the end) would start a mapping inside the value: an error.
                if byte == Self.colon, index + 1 == end || bytes[index + 1] == Self.space { return nil }
                last = index + 1
            }
            index += 1
        }
        return .scalar(.init(string: text(start..<last), style: .plain, mark: .init(line: line, column: column(of: start))))
    }

    /// A one-line quoted scalar. Double quotes may not hold a backslash (escapes are
    /// Yams's to read); in single quotes, '' stands for one quote.
    private func quoted(at start: Int, end: Int, quote: UInt8) -> YAMLNode? {
        var index = start + 1
        var value: [UInt8] = []
        while true {
            guard index < end else { return nil }
            let byte = bytes[index]
            if byte == quote {
                if quote == UInt8(ascii: "'"), index + 1 < end, bytes[index + 1] == quote {
                    value.append(quote)
                    index += 2
                    continue
                }
                break
            }
            if byte == UInt8(ascii: "\\"), quote == UInt8(ascii: "\"") { return nil }
            value.append(byte)
            index += 1
        }
        guard isLineDone(from: index + 1, end: end) else { return nil }
        let style: YAMLNode.Style = quote == UInt8(ascii: "'") ? .singleQuoted : .doubleQuoted
        return .scalar(.init(string: String(decoding: value, as: UTF8.self), style: style, mark: .init(line: line, column: column(of: start))))
    }

    /// `{a: 1, b: 2}` on one line: keys plain words, values plain words of letters, digits
    /// and `-._/+`, the whole mapping closed on its line. Anything else is Yams's.
    private func flowMapping(at start: Int, end: Int) -> YAMLNode? {
        var column = self.column(of: start)
        var index = start
        // Columns count characters: the bytes walked here are ASCII, so one each.
        func word(_ accept: (UInt8) -> Bool) -> (String, YAMLNode.Mark)? {
            let from = index
            while index < end, accept(bytes[index]) { index += 1 }
            guard index > from else { return nil }
            defer { column += index - from }
            return (text(from..<index), YAMLNode.Mark(line: line, column: column))
        }
        func skipSpaces() {
            while index < end, bytes[index] == Self.space { index += 1; column += 1 }
        }
        let mark = YAMLNode.Mark(line: line, column: column)
        index += 1
        column += 1
        var pairs: [(key: YAMLNode, value: YAMLNode)] = []
        skipSpaces()
        while index < end, bytes[index] != UInt8(ascii: "}") {
            guard let (key, keyMark) = word(Self.isKeyByte), !key.hasPrefix("-"), index + 1 < end,
                  bytes[index] == Self.colon, bytes[index + 1] == Self.space,
                  !pairs.contains(where: { $0.key.string == key }) else { return nil }
            index += 1
            column += 1
            skipSpaces()
            guard let (value, valueMark) = word({ byte in
                ("a"..."z").contains(Unicode.Scalar(byte)) || ("A"..."Z").contains(Unicode.Scalar(byte))
                    || ("0"..."9").contains(Unicode.Scalar(byte)) || "-._/+".utf8.contains(byte)
            }), !value.hasPrefix("-") || value.count > 1 else { return nil }
            pairs.append((.scalar(.init(string: key, style: .plain, mark: keyMark)), .scalar(.init(string: value, style: .plain, mark: valueMark))))
            skipSpaces()
            guard index < end else { return nil }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                column += 1
                skipSpaces()
                guard index < end, bytes[index] != UInt8(ascii: "}") else { return nil }
            }
        }
        guard index < end, isLineDone(from: index + 1, end: end) else { return nil }
        return .mapping(.init(pairs: pairs, mark: mark))
    }

    /// `[a, b]` on one line, each item a plain word or phrase.
    private func flowSequence(at start: Int, end: Int) -> YAMLNode? {
        var items: [YAMLNode] = []
        // Columns count characters from the line's start. Counting afresh for every item
        // rescanned the line each time: 40,000 items took two seconds. Items come in
        // order, so the count goes on from the last item's.
        var counted = (index: start, column: self.column(of: start))
        func columnOnward(of target: Int) -> Int {
            while counted.index < target {
                if bytes[counted.index] & 0xC0 != 0x80 { counted.column += 1 }
                counted.index += 1
            }
            return counted.column
        }
        let mark = YAMLNode.Mark(line: line, column: counted.column)
        var index = start + 1
        while true {
            while index < end, bytes[index] == Self.space { index += 1 }
            guard index < end else { return nil }
            if bytes[index] == UInt8(ascii: "]"), items.isEmpty {
                index += 1
                break
            }
            let itemStart = index
            guard !Self.isIndicator(bytes[itemStart]) else { return nil }
            var last = index
            while index < end {
                let byte = bytes[index]
                if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") { break }
                switch byte {
                case UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"),
                     UInt8(ascii: "\""), UInt8(ascii: "'"):
                    return nil
                case Self.colon:
                    // 'https://...' is one word; ':' before a space or a bracket starts a mapping.
                    guard index + 1 < end else { return nil }
                    switch bytes[index + 1] {
                    case Self.space, UInt8(ascii: ","), UInt8(ascii: "?"), UInt8(ascii: "["), UInt8(ascii: "]"),
                         UInt8(ascii: "{"), UInt8(ascii: "}"):
                        return nil
                    default:
                        last = index + 1
                    }
                case Self.space:
                    break
                default:
                    last = index + 1
                }
                index += 1
            }
            guard index < end else { return nil }
            items.append(.scalar(.init(string: text(itemStart..<last), style: .plain, mark: .init(line: line, column: columnOnward(of: itemStart)))))
            let separator = bytes[index]
            index += 1
            if separator == UInt8(ascii: "]") { break }
        }
        guard isLineDone(from: index, end: end) else { return nil }
        return .sequence(.init(items: items, mark: mark))
    }

    /// A `|` (literal) or `>` (folded) block scalar whose indicator is at `start`, in a
    /// mapping at `parentIndent`; on return the current line is the first after it.
    private mutating func blockScalar(at start: Int, end: Int, parentIndent: Int) -> YAMLNode? {
        let literal = bytes[start] == UInt8(ascii: "|")
        var index = start + 1
        var strip = false
        if index < end, bytes[index] == Self.dash {
            strip = true
            index += 1
        }
        // Keep chomping ('+'), indentation digits and anything else are Yams's.
        guard isLineDone(from: index, end: end) else { return nil }
        let mark = YAMLNode.Mark(line: line, column: start - lineStart + 1)
        advance(pastLineEndingAt: end)

        // The first line sets the indentation. Blank lines before it, or none at all,
        // are left to Yams (libyaml weighs their spaces in).
        guard lineStart < bytes.count else { return nil }
        let firstEnd = currentLineEnd()
        let indent = indentation(at: lineStart, end: firstEnd)
        guard indent > parentIndent, lineStart + indent < firstEnd else { return nil }

        var value: [UInt8] = []
        var pendingBreaks = 0  // blank lines since the last content line
        var hasContent = false
        var lastLineEndedWithBreak = false
        while lineStart < bytes.count {
            let lineEnd = lineEnd(from: lineStart)
            let spaces = indentation(at: lineStart, end: lineEnd)
            if lineStart + spaces == lineEnd {
                // A blank line; one with spaces past the indentation is content to libyaml.
                guard spaces <= indent else { return nil }
                pendingBreaks += 1
                advance(pastLineEndingAt: lineEnd)
                continue
            }
            if spaces < indent { break }
            // A more-indented line keeps its line breaks when folded; Yams folds those.
            if spaces > indent, !literal { return nil }
            if hasContent {
                if literal {
                    value.append(contentsOf: repeatElement(Self.newline, count: pendingBreaks + 1))
                } else if pendingBreaks == 0 {
                    value.append(Self.space)
                } else {
                    value.append(contentsOf: repeatElement(Self.newline, count: pendingBreaks))
                }
            } else if pendingBreaks > 0 {
                return nil
            }
            value.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(lineStart + indent)..<lineEnd]))
            hasContent = true
            pendingBreaks = 0
            lastLineEndedWithBreak = lineEnd < bytes.count
            advance(pastLineEndingAt: lineEnd)
        }
        // Clip keeps one final line break, strip none.
        if !strip, lastLineEndedWithBreak { value.append(Self.newline) }
        return .scalar(.init(string: String(decoding: value, as: UTF8.self), style: literal ? .literal : .folded, mark: mark))
    }
}
