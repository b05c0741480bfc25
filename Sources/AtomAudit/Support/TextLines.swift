/// A text cut into lines that keep their own line breaks, so an edit that inserts lines
/// writes every other line back byte for byte (CRLF files stay CRLF, a missing final
/// newline stays missing).
///
/// Lines end where libyaml ends them ("\n", "\r\n" or a lone "\r"), so line `n` here is
/// line `n` of a node's mark.
struct TextLines {
    struct Line {
        /// The line without its break.
        var content: Substring
        /// "\n", "\r\n", "\r", or "" for a last line without one.
        var terminator: Substring
    }

    var lines: [Line]

    init(_ text: String) {
        var lines: [Line] = []
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var index = start
        while index < scalars.endIndex {
            let scalar = scalars[index]
            guard scalar == "\n" || scalar == "\r" else {
                index = scalars.index(after: index)
                continue
            }
            var end = scalars.index(after: index)
            if scalar == "\r", end < scalars.endIndex, scalars[end] == "\n" { end = scalars.index(after: end) }
            lines.append(Line(content: text[start..<index], terminator: text[index..<end]))
            start = end
            index = end
        }
        if start < scalars.endIndex { lines.append(Line(content: text[start...], terminator: "")) }
        self.lines = lines
    }

    var text: String {
        var result = ""
        for line in lines { result += line.content + line.terminator }
        return result
    }

    /// The line break to write new lines with: the one after `line`, else the file's
    /// first, else "\n".
    func terminator(after line: Int) -> String {
        if lines.indices.contains(line), !lines[line].terminator.isEmpty { return String(lines[line].terminator) }
        return lines.first { !$0.terminator.isEmpty }.map { String($0.terminator) } ?? "\n"
    }

    /// Inserts `newLines` (without breaks) after the line at `index` (0-based). When that
    /// line is the last and has no break, it gets one and the last new line goes without,
    /// as the file had it.
    mutating func insert(_ newLines: [String], after index: Int) {
        let terminator = terminator(after: index)
        var inserted = newLines.map { Line(content: Substring($0), terminator: Substring(terminator)) }
        if lines[index].terminator.isEmpty, !inserted.isEmpty {
            lines[index].terminator = Substring(terminator)
            inserted[inserted.count - 1].terminator = ""
        }
        lines.insert(contentsOf: inserted, at: index + 1)
    }

    /// Spaces before the first other character of a line.
    static func indentation(of content: Substring) -> Int {
        content.unicodeScalars.prefix { $0 == " " }.count
    }

    /// A line that holds YAML content: neither blank nor only a comment.
    static func holdsContent(_ content: Substring) -> Bool {
        guard let first = content.unicodeScalars.first(where: { $0 != " " && $0 != "\t" }) else { return false }
        return first != "#"
    }

    /// The character at a 1-based column (columns count Unicode scalars, as marks do).
    func scalar(line: Int, column: Int) -> Unicode.Scalar? {
        guard lines.indices.contains(line - 1) else { return nil }
        let scalars = lines[line - 1].content.unicodeScalars
        guard column >= 1, column <= scalars.count else { return nil }
        return scalars[scalars.index(scalars.startIndex, offsetBy: column - 1)]
    }
}
