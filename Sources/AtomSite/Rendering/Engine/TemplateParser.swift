/// A Mustache syntax error, with the 1-based line and column where it was found.
public struct TemplateSyntaxError: Error, Sendable, Equatable {
    public let message: String
    public let line: Int
    public let column: Int
}

/// Turns Mustache text into `Template` nodes. The language is the one swift-mustache
/// reads (the templates were written for it, and `TemplateEngineTests` renders every
/// template with both and compares the bytes), including where whitespace goes:
/// a section, comment, partial, block or pragma tag alone on its line removes the line.
///
/// Not supported, each a syntax error: transforms (`{{count(x)}}`), lambdas (values are
/// data, never code) and dynamic partials (`{{>*name}}`).
struct TemplateParser {
    private let bytes: [UInt8]
    private var position = 0
    private let templateName: String

    init(_ text: String, name: String = "") {
        bytes = Array(text.utf8)
        templateName = name
    }

    static func parse(_ text: String, name: String = "") throws(TemplateSyntaxError) -> Template {
        var parser = TemplateParser(text, name: name)
        return Template(nodes: try parser.parseNodes(State()))
    }

    /// What a nested parse needs to know about where it is.
    private struct State {
        var section: (name: String, start: Int)?
        var startDelimiter: [UInt8] = Array("{{".utf8)
        var endDelimiter: [UInt8] = Array("}}".utf8)
        /// At the start of a line, so far only whitespace: a tag here may be standalone.
        var newLine = true
        /// Directly inside `{{<parent}}`, where only `{{$block}}` overrides may appear.
        var inParentTopLevel = false
        /// Inside an override's body: lines lose the indentation of its first line.
        var inOverride = false
        var overrideIndent: Int?

        func entering(_ name: String, at start: Int, newLine: Bool) -> State {
            var state = self
            state.section = (name, start)
            state.inParentTopLevel = false
            state.newLine = self.newLine && newLine
            return state
        }
    }

    private mutating func parseNodes(_ initial: State) throws(TemplateSyntaxError) -> [TemplateNode] {
        var state = initial
        var nodes: [TemplateNode] = []
        var whitespaceBefore: [UInt8] = []
        while position < bytes.count {
            if state.newLine {
                let whitespace = readSpacesAndTabs()
                if state.inOverride, !state.inParentTopLevel {
                    if let indent = state.overrideIndent {
                        whitespaceBefore = Array(whitespace.dropFirst(indent))
                    } else {
                        state.overrideIndent = whitespace.count
                    }
                } else {
                    whitespaceBefore = whitespace
                }
            }
            let text = readText(state)
            if let newline = newlineLength(at: position) {
                nodes.append(.text(whitespaceBefore + text + bytes[position..<position + newline]))
                position += newline
                state.newLine = true
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(whitespaceBefore + text))
                whitespaceBefore = []
                state.newLine = false
            }
            guard position < bytes.count else { break }
            // The start delimiter has been read: this is a tag.
            let tagStart = position - state.startDelimiter.count
            var standalone = false
            func flushWhitespace() {
                if !whitespaceBefore.isEmpty { nodes.append(.text(whitespaceBefore)); whitespaceBefore = [] }
            }
            switch bytes[position] {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                let inverted = bytes[position] == UInt8(ascii: "^")
                position += 1
                let name = try readName(state)
                if isStandalone(state) { standalone = true } else { flushWhitespace() }
                let body = try parseNodes(state.entering(name, at: tagStart, newLine: standalone))
                nodes.append(.section(TemplateName(name), body: body, inverted: inverted))

            case UInt8(ascii: "/"):
                position += 1
                let nameStart = position
                let name = try readName(state)
                guard let open = state.section else {
                    throw error("'\(display(state, "/" + name))' closes a section, but no section is open; expected a matching '\(display(state, "#" + name))' before it", at: nameStart)
                }
                guard name == open.name else {
                    let (line, column) = lineAndColumn(of: open.start)
                    throw error("'\(display(state, "/" + name))' does not close the section '\(display(state, "#" + open.name))' opened at line \(line), column \(column); expected '\(display(state, "/" + open.name))' first", at: nameStart)
                }
                if !isStandalone(state) { flushWhitespace() }
                return nodes

            case UInt8(ascii: "!"):
                position += 1
                guard let end = find(state.endDelimiter, from: position) else {
                    throw error("a comment is not closed with '\(String(decoding: state.endDelimiter, as: UTF8.self))'", at: tagStart)
                }
                position = end + state.endDelimiter.count
                standalone = isStandalone(state)

            case UInt8(ascii: "{"), UInt8(ascii: "&"):
                let triple = bytes[position] == UInt8(ascii: "{")
                flushWhitespace()
                position += 1
                let name = try readName(state)
                if triple {
                    guard position < bytes.count, bytes[position] == UInt8(ascii: "}") else {
                        throw error("a '{{{' tag is not closed with '}}}'", at: position)
                    }
                    position += 1
                }
                nodes.append(.variable(TemplateName(name), escaped: false))

            case UInt8(ascii: ">"):
                position += 1
                let name = try readPartialName(state)
                let indentation = whitespaceBefore
                flushWhitespace()
                if isStandalone(state) {
                    standalone = true
                    nodes.append(.partial(name, indentation: indentation, overrides: nil))
                } else {
                    nodes.append(.partial(name, indentation: nil, overrides: nil))
                }

            case UInt8(ascii: "<"):
                position += 1
                let name = try readPartialName(state)
                let indentation = whitespaceBefore
                flushWhitespace()
                standalone = isStandalone(state)
                var inner = state.entering(name, at: tagStart, newLine: true)
                inner.newLine = true
                inner.inParentTopLevel = true
                inner.inOverride = true
                var overrides: [String: [TemplateNode]] = [:]
                for node in try parseNodes(inner) {
                    switch node {
                    case .blockOverride(let block, let body): overrides[block] = body
                    case .text: continue
                    default:
                        throw error("'\(display(state, "<" + name))' may hold only '\(display(state, "$block"))' overrides and text", at: tagStart)
                    }
                }
                nodes.append(.partial(name, indentation: indentation, overrides: overrides))

            case UInt8(ascii: "$"):
                position += 1
                let name = try readName(state)
                if state.inParentTopLevel {
                    standalone = isStandalone(state)
                    let body = try parseNodes(state.entering(name, at: tagStart, newLine: standalone))
                    nodes.append(.blockOverride(name, body: body))
                } else {
                    let indentation = whitespaceBefore
                    flushWhitespace()
                    standalone = isStandalone(state)
                    let body = try parseNodes(state.entering(name, at: tagStart, newLine: standalone))
                    nodes.append(.block(name, defaultBody: body, indentation: indentation))
                }

            case UInt8(ascii: "="):
                position += 1
                try readDelimiters(&state, tagStart: tagStart)
                standalone = isStandalone(state)

            case UInt8(ascii: "%"):
                position += 1
                nodes.append(.escaping(try readPragma(state, tagStart: tagStart)))
                standalone = isStandalone(state)

            default:
                flushWhitespace()
                nodes.append(.variable(TemplateName(try readName(state)), escaped: true))
            }
            state.newLine = standalone
        }
        if let open = state.section {
            throw error("the section '\(display(state, (state.inParentTopLevel ? "<" : "#") + open.name))' is never closed; expected '\(display(state, "/" + open.name))'", at: open.start)
        }
        return nodes
    }

    // MARK: Reading

    private static let nameBytes: Set<UInt8> = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*".utf8)

    private mutating func readSpacesAndTabs() -> [UInt8] {
        let start = position
        while position < bytes.count, bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t") { position += 1 }
        return Array(bytes[start..<position])
    }

    private mutating func skipWhitespace() {
        while position < bytes.count, [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(bytes[position]) {
            position += 1
        }
    }

    private func newlineLength(at index: Int) -> Int? {
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "\n") { return 1 }
        if bytes[index] == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { return 2 }
        return nil
    }

    /// Text up to a line break (not consumed) or a start delimiter (consumed).
    private mutating func readText(_ state: State) -> [UInt8] {
        let start = position
        while position < bytes.count {
            if newlineLength(at: position) != nil { return Array(bytes[start..<position]) }
            if matches(state.startDelimiter, at: position) {
                let text = Array(bytes[start..<position])
                position += state.startDelimiter.count
                return text
            }
            position += 1
        }
        return Array(bytes[start..<position])
    }

    private func matches(_ delimiter: [UInt8], at index: Int) -> Bool {
        guard index + delimiter.count <= bytes.count else { return false }
        for offset in 0..<delimiter.count where bytes[index + offset] != delimiter[offset] { return false }
        return true
    }

    private func find(_ delimiter: [UInt8], from index: Int) -> Int? {
        var index = index
        while index + delimiter.count <= bytes.count {
            if matches(delimiter, at: index) { return index }
            index += 1
        }
        return nil
    }

    /// The tag started a line and the rest of the line is blank (then it is consumed with
    /// its line break), or the tag ends the template: it stands alone and leaves no trace.
    /// (Blanks between the tag and the end of the template do not count, as in swift-mustache.)
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if position >= bytes.count { return true }
        var index = position
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
        guard let newline = newlineLength(at: index) else { return false }
        position = index + newline
        return true
    }

    private mutating func readName(_ state: State) throws(TemplateSyntaxError) -> String {
        try readName(state, allowed: Self.nameBytes, what: "name")
    }

    private mutating func readPartialName(_ state: State) throws(TemplateSyntaxError) -> String {
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "*") {
            throw error("dynamic partials ('*name') are not supported; name the partial", at: position)
        }
        return try readName(state, allowed: Self.nameBytes.union([UInt8(ascii: "/")]), what: "partial name")
    }

    private mutating func readName(_ state: State, allowed: Set<UInt8>, what: String) throws(TemplateSyntaxError) -> String {
        skipWhitespace()
        let start = position
        while position < bytes.count, allowed.contains(bytes[position]) { position += 1 }
        let name = String(decoding: bytes[start..<position], as: UTF8.self)
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "(") {
            throw error("transforms such as 'name(value)' are not supported; compute the value in the context", at: position)
        }
        guard matches(state.endDelimiter, at: position) else {
            let close = String(decoding: state.endDelimiter, as: UTF8.self)
            throw error(position < bytes.count
                ? "a tag is not closed with '\(close)'; expected '\(close)' right after the \(what), which may hold only letters, digits and . - _ ? *"
                : "a tag is not closed with '\(close)'; expected '\(close)' before the end of the template", at: position)
        }
        position += state.endDelimiter.count
        return name
    }

    /// `{{=<% %>=}}`: new delimiters for the rest of this section.
    private mutating func readDelimiters(_ state: inout State, tagStart: Int) throws(TemplateSyntaxError) {
        func isSpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") }
        let malformed = "a set-delimiter tag is malformed; expected '{{=<start> <end>=}}', e.g. '{{=<% %>=}}'"
        skipWhitespace()
        let startFrom = position
        while position < bytes.count, !isSpace(bytes[position]) { position += 1 }
        let start = Array(bytes[startFrom..<position])
        skipWhitespace()
        let endFrom = position
        while position < bytes.count, !isSpace(bytes[position]), bytes[position] != UInt8(ascii: "=") { position += 1 }
        let end = Array(bytes[endFrom..<position])
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "="), matches(state.endDelimiter, at: position + 1),
              !start.isEmpty, !end.isEmpty
        else { throw error(malformed, at: position) }
        position += 1 + state.endDelimiter.count
        state.startDelimiter = start
        state.endDelimiter = end
    }

    private mutating func readPragma(_ state: State, tagStart: Int) throws(TemplateSyntaxError) -> TemplateEscaping {
        let known = TemplateEscaping.allCases.map(\.rawValue).joined(separator: ", ")
        skipWhitespace()
        let keyStart = position
        while position < bytes.count, Self.nameBytes.contains(bytes[position]) { position += 1 }
        let key = String(decoding: bytes[keyStart..<position], as: UTF8.self)
        skipWhitespace()
        guard key == "CONTENT_TYPE", position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
            throw error("a pragma is malformed or unknown; expected '{{% CONTENT_TYPE: TYPE}}' with TYPE one of \(known)", at: tagStart)
        }
        position += 1
        skipWhitespace()
        let valueStart = position
        while position < bytes.count, Self.nameBytes.contains(bytes[position]) { position += 1 }
        let value = String(decoding: bytes[valueStart..<position], as: UTF8.self)
        skipWhitespace()
        guard let escaping = TemplateEscaping(rawValue: value) else {
            throw error("unknown content type '\(value)'; expected one of \(known)", at: valueStart)
        }
        guard matches(state.endDelimiter, at: position) else {
            throw error("a pragma is not closed with '\(String(decoding: state.endDelimiter, as: UTF8.self))'", at: position)
        }
        position += state.endDelimiter.count
        return escaping
    }

    // MARK: Errors

    /// A tag as the reader wrote it, with the delimiters in use.
    private func display(_ state: State, _ inner: String) -> String {
        String(decoding: state.startDelimiter, as: UTF8.self) + inner + String(decoding: state.endDelimiter, as: UTF8.self)
    }

    private func lineAndColumn(of index: Int) -> (line: Int, column: Int) {
        let index = min(index, bytes.count)
        var line = 1, lineStart = 0
        for offset in 0..<index where bytes[offset] == UInt8(ascii: "\n") {
            line += 1
            lineStart = offset + 1
        }
        // Columns count characters, as editors do, not bytes.
        return (line, String(decoding: bytes[lineStart..<index], as: UTF8.self).count + 1)
    }

    private func error(_ message: String, at index: Int) -> TemplateSyntaxError {
        let (line, column) = lineAndColumn(of: index)
        return TemplateSyntaxError(message: message, line: line, column: column)
    }
}
