import Yams

/// Turns libyaml's terse errors into diagnostics that say what was expected.
enum YAMLErrorTranslation {
    static func diagnostic(for error: YamlError, text: String, file: String) -> Diagnostic {
        func location(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: max(1, mark.line), column: max(1, mark.column))
        }
        switch error {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            return .error("yaml-syntax", message(problem: problem, context: context, mark: mark, text: text), at: location(mark))
        case let .duplicatedKeysInMapping(duplicates, context):
            let key = duplicates.first ?? "?"
            let first = location(context.mark)
            // Yams names a key it cannot print (a list or mapping used as a key) "<uncovertable>".
            guard key != "<uncovertable>" else {
                return .error(
                    "duplicate-key",
                    "a key that is a list or a mapping appears more than once in the same mapping; expected plain words such as 'name' as keys, each once",
                    at: first)
            }
            let repeated = DuplicateKeyFinder.secondOccurrence(of: key, after: context.mark, in: text)
                .map { SourceLocation(file: file, line: $0.line, column: $0.column) }
            var diagnostic = Diagnostic.error(
                "duplicate-key",
                "key '\(key)' appears more than once in the same mapping; each key may appear once",
                at: repeated ?? first)
            if repeated != nil { diagnostic.notes = [.note("'\(key)' is first given here", at: first)] }
            return diagnostic
        case let .reader(problem, offset, value, _):
            let position = offset.map { Self.position(atCharacterOffset: $0, in: text) } ?? (line: 1, column: 1)
            // The text reaching libyaml is valid UTF-8 already, so the one reader error
            // left is a character YAML forbids; name it, since editors often hide it.
            let message = problem.contains("control characters")
                ? "the text holds the control character U+\(Hex.codePoint(UInt32(truncatingIfNeeded: value))), which YAML does not allow; expected printable text (delete it, or write an escape such as \\t inside double quotes)"
                : "the text could not be read as YAML: \(problem); expected UTF-8 text"
            return .error("yaml-syntax", message, at: SourceLocation(file: file, line: position.line, column: position.column))
        default:
            return .error("yaml-syntax", "the YAML could not be read: \(error)", at: .start(of: file))
        }
    }

    private static func message(problem: String, context: YamlError.Context?, mark: Mark, text: String) -> String {
        if isTab(at: mark, in: text) {
            return "a tab character is used for indentation or separation; YAML expects spaces"
        }
        if problem.contains("another document") {
            return "a second YAML document starts here; expected a single document per file (one '---' at most, at the top)"
        }
        if problem.contains("found undefined alias") {
            return "a value that starts with '*' is read as a YAML alias, which content files do not use; expected quotes around it, e.g. \"*bold* text\""
        }
        var message = "YAML syntax error: \(problem)"
        if let context {
            message += " (\(context.text) that started at line \(context.mark.line), column \(context.mark.column))"
        }
        return message + "; " + expectation(for: problem)
    }

    private static func expectation(for problem: String) -> String {
        switch problem {
        case let p where p.contains("mapping values are not allowed"):
            // Also what libyaml says when a key is indented deeper than its siblings.
            "expected 'key: value' with the keys of one mapping at the same indentation, and quotes around a value that contains ': '"
        case let p where p.contains("did not find expected key"):
            "expected each key of a mapping at the same indentation"
        case let p where p.contains("did not find expected '-' indicator"):
            "expected every item of a list to start with '- ' at the same indentation"
        case let p where p.contains("did not find expected ',' or ']'"):
            "expected ',' between the items of the list and a ']' to close it"
        case let p where p.contains("did not find expected ',' or '}'"):
            "expected ',' between the entries of the mapping and a '}' to close it"
        case let p where p.contains("found unexpected end of stream"):
            "expected a closing quote or bracket before the end of the file"
        case let p where p.contains("Maximum nesting level"):
            "expected a shallow structure"
        default:
            "expected valid YAML (see https://yaml.org/spec/1.2.2/)"
        }
    }

    private static func isTab(at mark: Mark, in text: String) -> Bool {
        let lines = text.sourceLines
        guard mark.line >= 1, mark.line <= lines.count else { return false }
        let scalars = Array(lines[mark.line - 1].unicodeScalars)
        let index = mark.column - 1
        guard index >= 0, index < scalars.count else { return false }
        return scalars[index] == "\t"
    }

    /// Yams turns libyaml's byte offset into a count of Characters (grapheme clusters,
    /// so "\r\n" is one); columns count Unicode scalars, and lines end as libyaml ends them.
    private static func position(atCharacterOffset offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for (index, character) in text.enumerated() {
            if index >= offset { break }
            if character == "\n" || character == "\r\n" || character == "\r" { line += 1; column = 1 } else { column += character.unicodeScalars.count }
        }
        return (line, column)
    }
}

/// libyaml reports a duplicated key at its first occurrence; reviewers need the
/// second one, which is the line they just added.
enum DuplicateKeyFinder {
    /// The first line after `first` that starts, at the same indentation, with the key
    /// (plain or quoted) and a ':'. One pass over the UTF-8 bytes: a file of many keys
    /// with the repeat at its end is read once, without a string for every line.
    static func secondOccurrence(of key: String, after first: Mark, in text: String) -> (line: Int, column: Int)? {
        let indent = first.column - 1
        guard first.line >= 1, indent >= 0 else { return nil }
        let candidates = [key, "\"\(key)\"", "'\(key)'"].map { Array(($0 + ":").utf8) }
        var text = text
        return text.withUTF8 { bytes -> (line: Int, column: Int)? in
            let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
            var line = 1, start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != newline, bytes[end] != carriageReturn { end += 1 }
                if line > first.line {
                    var content = start
                    while content < end, bytes[content] == UInt8(ascii: " ") { content += 1 }
                    if content - start == indent {
                        let rest = UnsafeBufferPointer(rebasing: bytes[content..<end])
                        if candidates.contains(where: { rest.starts(with: $0) }) { return (line, indent + 1) }
                    }
                }
                // Lines end as libyaml ends them: "\n", "\r\n" or a lone "\r".
                if end + 1 < bytes.count, bytes[end] == carriageReturn, bytes[end + 1] == newline { end += 1 }
                start = end + 1
                line += 1
            }
            return nil
        }
    }
}
