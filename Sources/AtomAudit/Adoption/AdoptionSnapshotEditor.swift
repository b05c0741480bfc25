/// Appends an adoption snapshot to a manifest's text, so that a reviewer's diff shows only
/// the added lines: comments, key order and the formatting of everything else stay byte
/// for byte as they were.
///
/// The YAML is parsed (with the loader's reader) only to learn where things are; the edit
/// itself inserts lines into the text. Pure: text in, text out.
public struct AdoptionSnapshotEditor: Sendable {
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// The text is not YAML the loader reads; the loader's first message.
        case unreadable(String)
        case noAdoption
        /// A block written in flow style (`{...}` or `[...]`), which lines cannot be added to.
        case flowStyle(String)
        case snapshotsNotAList

        public var description: String {
            switch self {
            case .unreadable(let message):
                "the manifest could not be read: \(message); expected YAML that 'atom-audit check' accepts"
            case .noAdoption:
                "the manifest has no 'adoption' block; expected 'adoption:' with 'repositories'"
            case .flowStyle(let key):
                "\(key) is written in brackets (flow style), which a snapshot cannot be appended to without rewriting it; expected a block (one key or '- item' per line)"
            case .snapshotsNotAList:
                "adoption.snapshots is not a list; expected '- as-of: ...' items"
            }
        }
    }

    public init() {}

    /// The text with `snapshot` as the last item of `adoption.snapshots` (the list is
    /// created under `adoption:` when absent).
    public func appending(_ snapshot: AdoptionSnapshot, to text: String) throws(Failure) -> String {
        // A byte-order mark is not part of the YAML (the loader drops it); keep it as it was.
        let bom = text.unicodeScalars.first == "\u{FEFF}" ? "\u{FEFF}" : ""
        let body = bom.isEmpty ? text : String(text.unicodeScalars.dropFirst())
        let (document, problems) = YAMLReader().read(text: body, file: "manifest")
        guard let document else { throw .unreadable(problems.first?.message ?? "not YAML") }
        var lines = TextLines(body)
        let place = try Placement.find(in: document, lines: lines)
        if let rewrite = place.rewrite { lines.lines[rewrite.line].content = rewrite.content }
        let item = AdoptionSnapshotYAML(dashIndent: place.dashIndent, keyIndent: place.keyIndent).lines(for: snapshot)
        lines.insert(place.header + item, after: place.after)
        return bom + lines.text
    }
}

/// Where the new item goes and how it is indented.
private struct Placement {
    /// 0-based line the new lines follow.
    var after: Int
    var dashIndent: Int
    var keyIndent: Int
    /// Lines before the item: `snapshots:` when the list is new.
    var header: [String] = []
    /// A line to rewrite first: `snapshots: []` or `snapshots: ~` loses its empty value.
    var rewrite: (line: Int, content: Substring)?

    typealias Failure = AdoptionSnapshotEditor.Failure

    static func find(in document: YAMLDocument, lines: TextLines) throws(Failure) -> Placement {
        guard case .mapping(let root)? = document.root,
              let adoptionIndex = root.pairs.firstIndex(where: { $0.key.string == "adoption" })
        else { throw .noAdoption }
        let adoptionKey = root.pairs[adoptionIndex].key.mark
        guard case .mapping(let adoption) = root.pairs[adoptionIndex].value else { throw .noAdoption }
        if lines.scalar(line: adoption.mark.line, column: adoption.mark.column) == "{" { throw .flowStyle("adoption") }
        // The block ends before the next top-level key, or before a document end marker.
        var adoptionEnd = adoptionIndex + 1 < root.pairs.count ? root.pairs[adoptionIndex + 1].key.mark.line : lines.lines.count + 1
        if let marker = lines.lines.indices.first(where: { $0 + 1 > adoptionKey.line && $0 + 1 < adoptionEnd && isDocumentMarker(lines.lines[$0].content) }) {
            adoptionEnd = marker + 1
        }
        let childIndent = adoption.mark.column - 1
        let step = max(1, childIndent - (adoptionKey.column - 1))

        guard let index = adoption.pairs.firstIndex(where: { $0.key.string == "snapshots" }) else {
            // No list yet: `snapshots:` goes after the block's last line, at its keys' indentation.
            let after = lastContentLine(from: adoptionKey.line, before: adoptionEnd, in: lines)
            return Placement(after: after, dashIndent: childIndent + step, keyIndent: childIndent + step + 2,
                             header: [String(repeating: " ", count: childIndent) + "snapshots:"])
        }
        let key = adoption.pairs[index].key.mark
        let end = index + 1 < adoption.pairs.count ? adoption.pairs[index + 1].key.mark.line : adoptionEnd
        let after = lastContentLine(from: key.line, before: end, in: lines)
        let emptyList = Placement(after: after, dashIndent: key.column - 1 + step, keyIndent: key.column - 1 + step + 2)
        switch adoption.pairs[index].value {
        case .sequence(let list):
            guard lines.scalar(line: list.mark.line, column: list.mark.column) == "-" else {
                guard list.items.isEmpty else { throw .flowStyle("adoption.snapshots") }
                return try emptyList.removingValue(at: list.mark, keyLine: key.line, in: lines)
            }
            // The new item copies the first one's layout: where its dash and its keys stand.
            let dash = list.mark.column - 1
            var keys = dash + 2
            if let first = list.items.first, first.mark.line == list.mark.line { keys = first.mark.column - 1 }
            return Placement(after: after, dashIndent: dash, keyIndent: keys)
        case .scalar(let scalar) where FieldReader.isNull(scalar):
            return scalar.string.isEmpty ? emptyList : try emptyList.removingValue(at: scalar.mark, keyLine: key.line, in: lines)
        default:
            throw .snapshotsNotAList
        }
    }

    /// `snapshots: []  # later` becomes `snapshots:  # later`: the list's items follow it.
    private func removingValue(at mark: YAMLNode.Mark, keyLine: Int, in lines: TextLines) throws(Failure) -> Placement {
        guard mark.line == keyLine else { throw .flowStyle("adoption.snapshots") }
        let content = lines.lines[keyLine - 1].content
        let scalars = content.unicodeScalars
        let valueStart = scalars.index(scalars.startIndex, offsetBy: mark.column - 1)
        // The empty value is `[]` (maybe with spaces inside), `~` or a spelling of null.
        var valueEnd = valueStart
        if scalars[valueStart] == "[" {
            guard let close = scalars[valueStart...].firstIndex(of: "]") else { throw .flowStyle("adoption.snapshots") }
            valueEnd = scalars.index(after: close)
        } else {
            while valueEnd < scalars.endIndex, scalars[valueEnd] != " ", scalars[valueEnd] != "#" { valueEnd = scalars.index(after: valueEnd) }
        }
        var before = content[..<valueStart]
        while before.unicodeScalars.last == " " { before = before.dropLast() }
        let rest = content[valueEnd...]
        var placement = self
        placement.rewrite = (keyLine - 1, rest.allSatisfy({ $0 == " " }) ? before : Substring(String(before) + rest))
        return placement
    }

    /// The 0-based index of the last line in `[first, end)` (1-based lines) that holds
    /// content: comments and blank lines after a block belong to what follows it.
    private static func lastContentLine(from first: Int, before end: Int, in lines: TextLines) -> Int {
        var line = min(end - 1, lines.lines.count)
        while line > first, !TextLines.holdsContent(lines.lines[line - 1].content) { line -= 1 }
        return line - 1
    }

    private static func isDocumentMarker(_ content: Substring) -> Bool {
        guard content.hasPrefix("---") || content.hasPrefix("...") else { return false }
        let rest = content.dropFirst(3)
        return rest.isEmpty || rest.first == " " || rest.first == "\t"
    }
}
