import Foundation
import Testing
import TestSupport
@_spi(Fuzzing) @testable import AtomAudit

/// `BlockYAMLParser` may decline any text, but what it accepts it must read exactly as
/// Yams does: the same text, style and position for every node. Each test compares
/// the two on the same text.
@Suite struct BlockYAMLParserTests {
    /// Yams's reading of the text, or nil when Yams reports an error.
    private func yams(_ text: String) -> YAMLNode? {
        let (document, diagnostics) = YAMLReader().composed(text: text, file: "f.yaml")
        return diagnostics.isEmpty ? document?.root : nil
    }

    /// Fails unless the fast parser accepts the text and agrees with Yams.
    private func expectAgreement(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let fast = BlockYAMLParser.parse(text)
        #expect(fast != nil, "declined:\n\(text)", sourceLocation: sourceLocation)
        if let fast { #expect(fast == yams(text), "differs from Yams:\n\(text)", sourceLocation: sourceLocation) }
    }

    // MARK: What it reads

    @Test func aManifestReadsAsYamsReadsIt() throws {
        expectAgreement(Fixture.validManifest)
        let root = try #require(BlockYAMLParser.parse("name: Subject\nweights:\n  access: open\n  evidence:\n    - https://a.example/x\n"))
        guard case .mapping(let mapping) = root else { Issue.record("not a mapping"); return }
        #expect(mapping.pairs.map { $0.key.string } == ["name", "weights"])
        guard case .mapping(let weights) = mapping.pairs[1].value, case .sequence(let evidence) = weights.pairs[1].value else {
            Issue.record("weights is not a mapping with a list"); return
        }
        #expect(evidence.mark == YAMLNode.Mark(line: 5, column: 5))
        #expect(evidence.items.first?.scalar == YAMLNode.Scalar(string: "https://a.example/x", style: .plain, mark: .init(line: 5, column: 7)))
    }

    @Test(arguments: [
        "a: plain text, with [brackets] and {braces} # and a comment\n",
        "a: 'single '' quoted'\nb: \"double 'quoted' text\"   # c\n",
        "a:   spaced   \nb: x#not-a-comment\n",
        "a: [text, image, open weights]\nb: []\nc: [ ]\nd: [x] # c\n",
        "a: Zürich, Bâle – «Genève» 東京\nb: [é, ü]\n",
        "# leading comment\n\na: 1\n  # indented comment\nb: 2\n\n# trailing\n",
        "a: ~\nb: null\nc: ''\nd: \"\"\n",
        "a: x\nb: y",
        "notes: |\n  line one\n\n    indented line\n  line three\n\nnext: x\n",
        "notes: >-\n  folded\n  into one\n\n  second paragraph\n\n\n  third\n",
        "notes: >\n  folded with clip\n\n",
        "notes: |-\n  stripped\n",
        "notes: | # comment after the indicator\n  # not a comment\n  text\n",
        "notes: |\n  no final line break",
        "outer:\n  inner:\n    deeper: x\n    list:\n      - a\n      - 'b'\n      - [c, d]\n  after: y\nlast: z\n",
        "weights:\n    access: open\n    evidence:\n        - https://x.example\n",
        // Quoted booleans stay quoted text in both; look-alikes and decomposed
        // characters stay as written (compared scalar for scalar).
        "checkpoints: \"true\"\nb: 'false'\nc: true\n",
        "origin: \u{212A}R\nlist: [\u{212A}R, KR]\nname: 'e\u{301}t\u{E9}'\n",
        // Adoption snapshots: lists of mappings, derivatives as one-line flow mappings.
        "adoption:\n  repositories: [a/b, c/d]\n  snapshots:\n    - as-of: 2026-06-01\n      downloads: 123\n      derivatives: {fine-tunes: 12, quantizations: 30}\n      source: https://huggingface.co/api/models/a/b\n    - as-of: 2026-07-01\n      likes: 5\n      source: [https://x.org/a, https://y.org/b]\nassessed: 2026-12-06\n",
        "list:\n  - a: 1\n    b: 2\n  -   c: 3\n      d:\n        - x\n  - plain\n",
        "m: {a: 1}\nn: {}\no: { a: 1 ,  b: x.y-z }\np: {k: -1} # c\n",
        "s:\n  - k: v\n\n    # a comment between keys\n    l: w\n",
    ])
    func acceptedTextAgreesWithYams(_ text: String) {
        expectAgreement(text)
        #expect(YAMLReaderComparison.difference(in: text) == nil)
    }

    /// Flow mappings it does not take (quotes, nesting, a trailing comma, odd values) and
    /// misaligned keys in a list item go to Yams, never read differently.
    @Test(arguments: [
        "m: {a: 'x'}\n", "m: {a: {b: 1}}\n", "m: {a: 1,}\n", "m: {a: 1, a: 2}\n", "m: {a: 1\n", "m: {a: b c}\n",
        "m: {a: 1} x\n", "m: {a:1}\n", "m: {-a: 1}\n", "l:\n  - a: 1\n     b: 2\n", "l:\n  - a: 1\n   b: 2\n",
    ])
    func unusualFlowMappingsAndItemsAreDeclinedOrAgree(_ text: String) {
        if let fast = BlockYAMLParser.parse(text) { #expect(fast == yams(text), "differs from Yams:\n\(text)") }
    }

    /// The comparison sees a difference of one look-alike character, which `==` on
    /// String (canonical equivalence) would not.
    @Test func aLookAlikeIsADifference() {
        let kelvin = YAMLNode.scalar(.init(string: "\u{212A}R", style: .plain, mark: .init(line: 1, column: 9)))
        let letter = YAMLNode.scalar(.init(string: "KR", style: .plain, mark: .init(line: 1, column: 9)))
        #expect(kelvin != letter)
        #expect(YAMLReaderComparison.difference(kelvin, letter, at: "origin") == "origin is '\\u{212A}R' in the block parser, 'KR' in Yams")
        let quoted = YAMLNode.scalar(.init(string: "KR", style: .doubleQuoted, mark: .init(line: 1, column: 9)))
        #expect(YAMLReaderComparison.difference(quoted, letter, at: "origin") == "origin is doubleQuoted in the block parser, plain in Yams")
    }

    /// Tags are Yams's to read (the block parser declines '!'); what it records is the
    /// tag as written, and nothing for quotes and block scalars, whose !!str libyaml implies.
    @Test func yamsRecordsWrittenTagsOnly() throws {
        let text = "a: !!str true\nb: ! x\nc: !!bool true\nd: \"q\"\ne: |\n  t\nf: plain\n!!str g: x\n"
        #expect(BlockYAMLParser.parse(text) == nil)
        guard case .mapping(let mapping)? = yams(text) else { Issue.record("not a mapping"); return }
        #expect(mapping.pairs.map { $0.value.scalar?.tag } == ["tag:yaml.org,2002:str", "!", "tag:yaml.org,2002:bool", nil, nil, nil, nil])
        #expect(mapping.pairs.map { $0.key.scalar?.tag } == [nil, nil, nil, nil, nil, nil, nil])
    }

    /// Characters libyaml reads as line breaks are refused before either reader sees them.
    @Test(arguments: ["a: x\u{85}y\n", "a: x\u{2028}  y\n", "a: \"x\u{2029}y\"\n", "a: |\n  x\u{85}\n"])
    func lineBreaksOnlyLibyamlSeesAreRefusedFirst(_ text: String) {
        #expect(BlockYAMLParser.parse(text) == nil)
        let (document, diagnostics) = YAMLReader().read(text: text, file: "f.yaml")
        #expect(document == nil)
        #expect(diagnostics.map(\.code) == ["forbidden-character"])
    }

    @Test func theRealContentAndEveryFixtureAgree() throws {
        let files = try Self.corpusFiles()
        #expect(files.count > 100)
        var accepted = 0
        for (path, text) in files {
            guard let fast = BlockYAMLParser.parse(text) else { continue }
            accepted += 1
            #expect(fast == yams(text), "differs from Yams: \(path)")
        }
        // Every real manifest is plain block YAML; only the bad-input corpus is declined.
        #expect(accepted > files.count / 2)
        for (path, text) in files where path.contains("/Content/models/") {
            #expect(BlockYAMLParser.parse(text) != nil, "declined a real manifest: \(path)")
        }
    }

    // MARK: What it leaves to Yams

    @Test(arguments: [
        "",                                         // no document
        "# only a comment\n",
        "- a\n- b\n",                               // a list at the top
        "a: 1\na: 2\n",                             // duplicate key (Yams reports it)
        "a: x\n\tb: y\n",                           // tab
        "a: x\r\nb: y\r\n",                         // carriage returns
        "a:\n",                                     // empty value
        "a:\nb: x\n",
        "a:\n- x\n",                                // list at the key's indentation
        "a: &anchor x\n", "a: *alias\n", "a: !tag x\n", "a: {b: 'c'}\n",
        "a: \"escaped \\\" quote\"\n",
        "a: 'two\n  lines'\n",
        "a: plain\n  continued\n",
        "a: x: y\n", "a: ends with colon:\n",
        "a: -5\n", "a: ?x\n", "a: :x\n", "a: %x\n", "a: @x\n",
        "a: [x, ]\n", "a: [x, [y]]\n", "a: [x,\n  y]\n", "a: ['x']\n", "a: [x]y\n", "a: [x: y]\n",
        "a: 'x' y\n", "a: \"x\"#c\n",
        "notes: |+\n  keep\n", "notes: |2\n  explicit\n", "notes: >\n  folded\n    more indented\n",
        "notes: |\n\n  leading blank line\n", "notes: |\nb: x\n", "notes: |\n  x\n     \n",
        "list:\n  - a: 'b\n", "list:\n  -\n    x\n", "list:\n  - |\n    x\n", "list:\n  - - x\n",
        "---\na: x\n", "%YAML 1.2\n---\na: x\n", "a: x\n---\nb: y\n",
        "  a: x\n",                                  // indented top
        "a:\n    b: x\n  c: y\n",                   // inconsistent indentation
        "\"a\": x\n", "? a\n: x\n", "-a: x\n", ".a: x\n", "a b: x\n", "a:x\n",
        "a: x\u{85}y\n", "a: x\u{2028}y\n", "a: x\u{FEFF}\n", "a: x\u{1B}\n", "a: x\u{7F}\n", "a: x\u{9F}\n",
    ])
    func textOutsideTheSubsetIsDeclined(_ text: String) {
        #expect(BlockYAMLParser.parse(text) == nil, "accepted:\n\(text)")
    }

    // MARK: Edited manifests

    /// Thousands of small edits to real manifests, the kind typing mistakes make: every
    /// edit the fast parser accepts must read as it does in Yams. Deterministic: the
    /// edits come from a fixed seed.
    @Test func editedManifestsThatAreAcceptedAgreeWithYams() throws {
        let manifests = try Self.corpusFiles().filter { $0.path.contains("/Content/models/") }.map(\.text)
        try #require(!manifests.isEmpty)
        var random = SplitMix(seed: 0x5EED)
        var accepted = 0, declined = 0, disagreements: [String] = []
        for round in 0..<3000 {
            var text = manifests[round % manifests.count]
            for _ in 0..<(1 + Int(random.next() % 2)) { text = Self.edit(text, using: &random) }
            guard BlockYAMLParser.parse(text) != nil else { declined += 1; continue }
            accepted += 1
            if let difference = YAMLReaderComparison.difference(in: text), disagreements.count < 5 {
                disagreements.append(difference + ":\n" + text)
            }
        }
        #expect(disagreements.isEmpty, "accepted, but Yams reads differently:\n\(disagreements.joined(separator: "\n-----\n"))")
        // Both paths must be exercised for the comparison to mean anything.
        #expect(accepted > 500)
        #expect(declined > 500)
    }

    private static let snippets = [
        " ", "  ", "#", " #x", ":", ": ", "-", "- ", "[", "]", "[a]", "'", "\"", "''", "\\", "|", ">", "|-", ">-", "|+",
        "\n", "\n\n", "  \n", "ü", "東", "&a", "*a", "!t ", "{", "}", ",", "?", "? ", "---", "...", "\t", "\r\n",
        "~", "null", "%", "@", "`", "x: y", "\n  ", "\n    ", "\n- ", "\nkey: value",
        "\u{85}", "\u{2028}", "\u{212A}", "e\u{301}", "\"true\"", "'false'", "!!str ", "! ",
    ]

    private static func edit(_ text: String, using random: inout SplitMix) -> String {
        var scalars = Array(text.unicodeScalars)
        let position = Int(random.next() % UInt64(scalars.count + 1))
        switch random.next() % 5 {
        case 0, 1:  // insert a snippet
            scalars.insert(contentsOf: snippets[Int(random.next() % UInt64(snippets.count))].unicodeScalars, at: position)
        case 2:     // delete a few characters
            let end = min(scalars.count, position + 1 + Int(random.next() % 4))
            if position < end { scalars.removeSubrange(position..<end) }
        case 3:     // re-indent a line
            var lines = String(String.UnicodeScalarView(scalars)).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let index = Int(random.next() % UInt64(lines.count))
            if random.next() % 2 == 0 { lines[index] = "  " + lines[index] } else if lines[index].hasPrefix(" ") { lines[index].removeFirst() }
            return lines.joined(separator: "\n")
        default:    // repeat a line
            var lines = String(String.UnicodeScalarView(scalars)).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let index = Int(random.next() % UInt64(lines.count))
            lines.insert(lines[index], at: Int(random.next() % UInt64(lines.count + 1)))
            return lines.joined(separator: "\n")
        }
        return String(String.UnicodeScalarView(scalars))
    }

    /// The repository's content and every YAML file among the test fixtures.
    private static func corpusFiles() throws -> [(path: String, text: String)] {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let folders = [repository.appendingPathComponent("Content"), repository.appendingPathComponent("Tests")]
        var files: [(path: String, text: String)] = []
        for folder in folders {
            guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker where url.pathExtension == "yaml" {
                guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else { continue }
                files.append((url.path, text))
            }
        }
        return files.sorted { $0.path < $1.path }
    }
}
