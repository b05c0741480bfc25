import Foundation

/// Reads typed fields out of a YAML tree and records a positioned diagnostic for
/// every problem instead of stopping at the first one.
struct FieldReader {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    mutating func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    mutating func error(_ code: String, _ message: String, at location: SourceLocation?) {
        diagnostics.append(.error(code, message, at: location))
    }

    mutating func warning(_ code: String, _ message: String, at location: SourceLocation?) {
        diagnostics.append(.warning(code, message, at: location))
    }

    func location(of node: YAMLNode) -> SourceLocation {
        SourceLocation(file: file, line: node.mark.line, column: node.mark.column)
    }

    // MARK: Shapes

    /// The node as a mapping with string keys; reports what it is instead when it is not.
    mutating func mapping(_ node: YAMLNode, named name: String, expected: String) -> YAMLMapping? {
        guard case .mapping(let mapping) = node else {
            error("wrong-type", "\(name) is \(Self.describe(node)); expected \(expected)", at: location(of: node))
            return nil
        }
        var entries: [YAMLMapping.Entry] = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                error("wrong-type", "a key in \(name) is \(Self.describe(key)); expected a plain word such as 'name'", at: location(of: key))
                continue
            }
            entries.append(.init(key: scalar.string, keyLocation: location(of: key), value: value))
        }
        return YAMLMapping(entries: entries, location: location(of: node))
    }

    /// Reports unknown keys (with a suggestion) and missing required ones.
    ///
    /// A misspelled key is one mistake, so it gets one error: a required key that an
    /// unknown key was taken for ("did you mean 'access'?") is not also reported missing.
    /// - Returns: the allowed keys that unknown keys were taken for, so callers can
    ///   skip their own "missing" checks for them too.
    @discardableResult
    mutating func checkKeys(
        _ mapping: YAMLMapping, named name: String, allowed: [String], required: [String],
        missingAt owner: SourceLocation? = nil
    ) -> Set<String> {
        var misspelled: Set<String> = []
        // Made once, for the first unknown key: a file can hold thousands of them.
        var vocabulary: (suggestions: Suggestion.Vocabulary, listed: String)?
        for entry in mapping.entries where !allowed.containsIdentical(entry.key) {
            let known = vocabulary ?? (Suggestion.Vocabulary(allowed), allowed.quotedAlternatives)
            vocabulary = known
            let suggestion = known.suggestions.closest(to: entry.key)
            if let suggestion { misspelled.insert(suggestion) }
            error("unknown-key",
                  "unknown key '\(entry.key)' in \(name)\(ForeignCharacter.phrase(in: entry.key))\(suggestion.map { " (did you mean '\($0)'?)" } ?? ""); expected one of \(known.listed)",
                  at: entry.keyLocation)
        }
        for key in required where mapping.entry(key) == nil && !misspelled.contains(key) {
            error("missing-key", "\(name) has no '\(key)'; it is required", at: owner ?? mapping.location)
        }
        return misspelled
    }

    // MARK: Scalars

    /// A non-empty string value, or nil (with a diagnostic when it is present but malformed,
    /// or required but absent).
    mutating func string(
        _ mapping: YAMLMapping, _ key: String, in name: String, required: Bool = false
    ) -> Located<String>? {
        guard let entry = mapping.entry(key) else { return nil }
        guard case .scalar(let scalar) = entry.value else {
            error("wrong-type", "'\(key)' in \(name) is \(Self.describe(entry.value)); expected text", at: location(of: entry.value))
            return nil
        }
        if Self.isNull(scalar) || Self.isBlank(scalar.string) {
            error("empty-value", "'\(key)' in \(name) is empty; expected text", at: entry.keyLocation)
            return nil
        }
        // YAML's escapes ("\e", "\r", "\x07") put control characters in a quoted value.
        // Printed to a terminal or CI log they recolour, hide or forge lines; no text needs them.
        if Self.mayHoldControl(scalar.string), let control = scalar.string.unicodeScalars.first(where: Self.isForbiddenControl) {
            error("control-character", "'\(key)' in \(name) holds the control character U+\(Hex.codePoint(control.value)); expected printable text (tabs and line breaks are fine)", at: location(of: entry.value))
            return nil
        }
        return Located(scalar.string, at: location(of: entry.value))
    }

    /// A value from a fixed vocabulary, listing the allowed values when it is not one of them.
    mutating func choice(
        _ mapping: YAMLMapping, _ key: String, in name: String, allowed: [String]
    ) -> Located<String>? {
        guard let text = string(mapping, key, in: name) else { return nil }
        guard allowed.containsIdentical(text.value) else {
            error("unknown-value",
                  "'\(text.value)' is not a valid \(key) for \(name)\(ForeignCharacter.phrase(in: text.value))\(Suggestion.phrase(for: text.value, in: allowed)); expected \(allowed.quotedAlternatives)",
                  at: text.location)
            return nil
        }
        return text
    }

    /// A plain, untagged `true` or `false`. Quotes or a tag make the same word text
    /// (`"true"`, `!!str true`), and a text is not a boolean: reading it as one would
    /// take a reviewer's quotes as meaning nothing.
    mutating func bool(_ mapping: YAMLMapping, _ key: String, in name: String) -> Located<Bool>? {
        guard let text = string(mapping, key, in: name), case .scalar(let scalar)? = mapping.value(key) else { return nil }
        if let written = Self.textNotation(of: scalar) {
            error("wrong-type", "'\(key)' in \(name) is the text '\(text.value)' \(written), not a boolean; expected true or false without quotes", at: text.location)
            return nil
        }
        if text.value.isIdentical(to: "true") { return Located(true, at: text.location) }
        if text.value.isIdentical(to: "false") { return Located(false, at: text.location) }
        error("wrong-type", "'\(key)' in \(name) is '\(text.value)'\(ForeignCharacter.phrase(in: text.value)); expected true or false", at: text.location)
        return nil
    }

    /// How a scalar was marked as text rather than a plain word ("in quotes", "tagged
    /// '!!str'"); nil for a plain scalar with no tag, or with the tag of a boolean.
    static func textNotation(of scalar: YAMLNode.Scalar) -> String? {
        switch scalar.style {
        case .singleQuoted, .doubleQuoted: return "in quotes"
        case .literal, .folded: return "written as a block ('|' or '>')"
        case .plain:
            guard let tag = scalar.tag, tag != boolTag else { return nil }
            return "tagged '\(shortTag(tag))'"
        }
    }

    static let boolTag = "tag:yaml.org,2002:bool"
    static let nullTag = "tag:yaml.org,2002:null"

    /// `!!str` for `tag:yaml.org,2002:str`, as it is written; other tags as they are.
    static func shortTag(_ tag: String) -> String {
        let prefix = "tag:yaml.org,2002:"
        return tag.hasPrefix(prefix) ? "!!" + tag.dropFirst(prefix.count) : tag
    }

    mutating func integer(_ mapping: YAMLMapping, _ key: String, in name: String) -> Located<Int>? {
        guard let text = string(mapping, key, in: name) else { return nil }
        guard let value = Int(text.value) else {
            error("wrong-type", "'\(key)' in \(name) is '\(text.value)'; expected a whole number", at: text.location)
            return nil
        }
        return Located(value, at: text.location)
    }

    mutating func date(_ mapping: YAMLMapping, _ key: String, in name: String) -> Located<CalendarDate>? {
        guard let text = string(mapping, key, in: name) else { return nil }
        guard let date = CalendarDate(text.value) else {
            error("invalid-date", "'\(text.value)' is not a real date\(ForeignCharacter.phrase(in: text.value)); expected YYYY-MM-DD, e.g. 2025-03-13", at: text.location)
            return nil
        }
        return Located(date, at: text.location)
    }

    mutating func url(_ node: YAMLNode, named name: String) -> Located<String>? {
        guard case .scalar(let scalar) = node, !Self.isNull(scalar) else {
            error("wrong-type", "\(name) is \(Self.describe(node)); expected an https:// URL", at: location(of: node))
            return nil
        }
        let text = Located(scalar.string, at: location(of: node))
        switch EvidenceURL.problem(with: text.value) {
        case .notAbsoluteWebURL:
            error("invalid-url", "'\(text.value)' in \(name) is not an absolute web address; expected an https:// URL", at: text.location)
            return nil
        case .insecure:
            warning(Self.insecureURL, "\(Self.insecureURLSubject(text.value))in \(name) uses http; expected https where the site offers it", at: text.location)
        case nil:
            break
        }
        return text
    }

    /// A list value. A single scalar is reported, not silently wrapped, so shapes stay uniform.
    mutating func list(_ mapping: YAMLMapping, _ key: String, in name: String, expected: String) -> [YAMLNode]? {
        guard let entry = mapping.entry(key) else { return nil }
        switch entry.value {
        case .sequence(let sequence):
            return sequence.items
        case .scalar(let scalar) where Self.isNull(scalar):
            return []
        default:
            error("wrong-type", "'\(key)' in \(name) is \(Self.describe(entry.value)); expected a list of \(expected), e.g. [\(Self.example(for: expected))]", at: location(of: entry.value))
            return nil
        }
    }

    // MARK: Descriptions

    /// A byte-level pre-check for `isForbiddenControl`: C0 controls and DEL are single
    /// bytes, and C1 controls (U+0080-U+009F) start with 0xC2. Most values have none of
    /// these, and scanning bytes is far cheaper than decoding scalars for every value.
    static func mayHoldControl(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for byte in bytes where (byte < 0x20 && byte != UInt8(ascii: "\t") && byte != UInt8(ascii: "\n")) || byte == 0x7F || byte == 0xC2 {
                return true
            }
            return false
        }
    }

    /// C0 and C1 control characters and DEL, except tab and line feed.
    static let insecureURL = "insecure-url"

    /// How the http warning names its URL: the start of its message.
    private static func insecureURLSubject(_ url: String) -> String { "'\(url)' " }

    /// Whether `diagnostic` is the http warning about `url`: commands that fetched from a
    /// plain-http mirror, and said so when they started, expect it.
    static func isInsecureURLWarning(_ diagnostic: Diagnostic, about url: String) -> Bool {
        diagnostic.code == insecureURL && diagnostic.message.hasPrefix(insecureURLSubject(url))
    }

    static func isForbiddenControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n") || (0x7F...0x9F).contains(scalar.value)
    }

    /// Only white space. Scans UTF-8 for the common case instead of trimming a copy.
    static func isBlank(_ text: String) -> Bool {
        for byte in text.utf8 where byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
            return byte < 0x80 ? false : text.unicodeScalars.allSatisfy(\.properties.isWhitespace)
        }
        return true
    }

    /// A plain `~`, `null` or nothing, as YAML reads them; a tag other than `!!null`
    /// makes them text (`!!str null`).
    static func isNull(_ scalar: YAMLNode.Scalar) -> Bool {
        scalar.style == .plain && (scalar.tag == nil || scalar.tag == nullTag)
            && ["", "~", "null", "Null", "NULL"].containsIdentical(scalar.string)
    }

    /// How a node reads in a message: "a list", "a mapping", "the text 'x'", "empty".
    static func describe(_ node: YAMLNode) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let scalar):
            if isNull(scalar) { return "empty" }
            let text = scalar.string.count > 40 ? String(scalar.string.prefix(40)) + "…" : scalar.string
            return "the text '\(text)'"
        }
    }

    private static func example(for expected: String) -> String {
        expected.contains("URL") ? "https://..." : "..."
    }
}
