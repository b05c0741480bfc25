import AtomAudit

/// The hostile shapes: each builds a manifest of about `size` bytes whose bulk is one
/// construct repeated, so doubling the size doubles the construct. Some are valid, some
/// hold one error at the end, some an error per repetition (many diagnostics).
struct Shape: Sendable {
    let name: String
    /// What the bulk is, for the table.
    let what: String
    let make: @Sendable (_ size: Int) -> String
}

extension Shape {
    /// A valid manifest, into which shapes put their bulk.
    static let base = """
        name: Hostile
        developer: Bench Lab
        origin: US
        weights:
          access: open
          license: Apache-2.0
          evidence: [https://huggingface.co/example/hostile]
        data:
          access: described
          evidence: [https://arxiv.org/abs/2501.00001]
        code:
          access: inference
          evidence: [https://github.com/example/hostile]
        assessed: 2025-08-10

        """

    /// Appends `piece(i)` for i = 0, 1, ... while `text` stays within `size` bytes (so
    /// the largest size is still within the 1 MiB a content file may have).
    static func fill(_ text: inout String, to size: Int, _ piece: (Int) -> String) {
        var index = 0
        while true {
            let next = piece(index)
            guard text.utf8.count + next.utf8.count <= size else { return }
            text += next
            index += 1
        }
    }

    /// Chains of mappings about 60 deep under `extra`, grouped 50 to a key, so no
    /// mapping has more than 64 keys (past that `BlockYAMLParser` leaves a file to Yams).
    static func deepChains(_ size: Int, lineEnd: String) -> String {
        var text = base.replacingOccurrences(of: "\n", with: lineEnd) + "extra:" + lineEnd
        fill(&text, to: size) { index in
            var chain = index % 50 == 0 ? "  g\(index / 50):" + lineEnd : ""
            chain += "    c\(index % 50):" + lineEnd
            for depth in 3..<60 { chain += String(repeating: "  ", count: depth) + "a:" + lineEnd }
            return chain + String(repeating: "  ", count: 60) + "a: x" + lineEnd
        }
        return text
    }

    static func line(_ size: Int, head: String, tail: String = "\n", _ piece: (Int) -> String) -> String {
        var text = base + head
        fill(&text, to: size - tail.utf8.count, piece)
        return text + tail
    }

    static let all: [Shape] = [
        Shape(name: "flow-list-words", what: "modality: [text, text, ...] on one line") { size in
            var text = base + "modality: [text"
            fill(&text, to: size - 2) { _ in ", text" }
            return text + "]\n"
        },
        Shape(name: "flow-list-urls", what: "one-line [url, url, ...] evidence") { size in
            var text = base.replacingOccurrences(of: "  evidence: [https://arxiv.org/abs/2501.00001]\n", with: "")
            text = text.replacingOccurrences(of: "  access: described\n", with: "  access: described\n  evidence: [https://a.io/0")
            var body = ""
            fill(&body, to: size - text.utf8.count - 2) { ", https://a.io/\($0 + 1)" }
            return text.replacingOccurrences(of: "evidence: [https://a.io/0", with: "evidence: [https://a.io/0" + body + "]\n")
        },
        Shape(name: "flow-list-quoted", what: "one-line ['url', 'url', ...] (read by Yams)") { size in
            var text = base.replacingOccurrences(of: "  evidence: [https://arxiv.org/abs/2501.00001]\n", with: "")
            text = text.replacingOccurrences(of: "  access: described\n", with: "  access: described\n  evidence: ['https://a.io/0'")
            var body = ""
            fill(&body, to: size - text.utf8.count - 2) { ", 'https://a.io/\($0 + 1)'" }
            return text.replacingOccurrences(of: "evidence: ['https://a.io/0'", with: "evidence: ['https://a.io/0'" + body + "]\n")
        },
        Shape(name: "flow-list-bad-values", what: "modality: [bad0, bad1, ...]: an error per item") { size in
            var text = base + "modality: [bad0"
            fill(&text, to: size - 2) { ", bad\($0 + 1)" }
            return text + "]\n"
        },
        Shape(name: "flow-mapping", what: "data: {access: ..., evidence: [url, ...]} (Yams)") { size in
            var text = base.replacingOccurrences(of: "data:\n  access: described\n  evidence: [https://arxiv.org/abs/2501.00001]\n", with: "")
            text += "data: {access: described, evidence: [https://a.io/0"
            fill(&text, to: size - 3) { ", https://a.io/\($0 + 1)" }
            return text + "]}\n"
        },
        Shape(name: "flow-list-unclosed", what: "a one-line flow list never closed: one syntax error at the end") { size in
            var text = base + "modality: [text"
            fill(&text, to: size - 1) { _ in ", text" }
            return text + "\n"
        },
        Shape(name: "long-plain-line", what: "notes: word word ... on one line") { size in
            line(size, head: "notes: word") { _ in " word" }
        },
        Shape(name: "long-double-quoted", what: "notes: \"...\" on one line") { size in
            line(size, head: "notes: \"word", tail: "\"\n") { _ in " word" }
        },
        Shape(name: "long-single-quoted", what: "notes: 'it''s ...' on one line") { size in
            line(size, head: "notes: 'it''s", tail: "'\n") { _ in " it''s" }
        },
        Shape(name: "quoted-escapes", what: "notes: \"\\t\\u00e9 ...\" (Yams)") { size in
            line(size, head: "notes: \"a", tail: "\"\n") { _ in " \\t\\u00e9" }
        },
        Shape(name: "quoted-multiline", what: "notes: \"...\" over many lines (Yams)") { size in
            line(size, head: "notes: \"word", tail: "\"\n") { _ in "\n  word word word" }
        },
        Shape(name: "plain-multiline", what: "notes: word over many lines (Yams)") { size in
            line(size, head: "notes: word") { _ in "\n  word word word" }
        },
        Shape(name: "block-literal", what: "notes: | with many lines") { size in
            line(size, head: "notes: |\n  first") { _ in "\n  line of a literal block" }
        },
        Shape(name: "block-folded", what: "notes: > with many lines") { size in
            line(size, head: "notes: >\n  first") { _ in "\n  line of a folded block" }
        },
        Shape(name: "block-list", what: "evidence:\\n  - url (one per line)") { size in
            var text = base.replacingOccurrences(of: "  evidence: [https://arxiv.org/abs/2501.00001]\n", with: "  evidence:\nBODY")
            var body = ""
            fill(&body, to: size - text.utf8.count) { "    - https://a.io/\($0)\n" }
            text = text.replacingOccurrences(of: "BODY", with: body)
            return text
        },
        Shape(name: "block-list-crlf", what: "the block list with CRLF line ends (Yams)") { size in
            var text = base.replacingOccurrences(of: "  evidence: [https://arxiv.org/abs/2501.00001]\n", with: "  evidence:\nBODY")
                .replacingOccurrences(of: "\n", with: "\r\n")
            var body = ""
            fill(&body, to: size - text.utf8.count) { "    - https://a.io/\($0)\r\n" }
            return text.replacingOccurrences(of: "BODY", with: body)
        },
        Shape(name: "block-list-bad-urls", what: "evidence list of non-URLs: an error per item") { size in
            var text = base.replacingOccurrences(of: "  evidence: [https://arxiv.org/abs/2501.00001]\n", with: "  evidence:\nBODY")
            var body = ""
            fill(&body, to: size - text.utf8.count) { "    - not-a-url-\($0)\n" }
            return text.replacingOccurrences(of: "BODY", with: body)
        },
        Shape(name: "snapshots", what: "adoption: many dated snapshots (mappings in a list, Yams)") { size in
            var text = base + "adoption:\n  snapshots:\n"
            fill(&text, to: size) { index in
                let day = CalendarDate(dayNumber: 10_000 + index).map(String.init(describing:)) ?? "2000-01-01"
                return "    - as-of: \(day)\n      downloads: \(index)\n      source: https://huggingface.co/x/y\n"
            }
            return text
        },
        Shape(name: "many-keys", what: "k0: x, k1: x, ...: an unknown-key error each (Yams)") { size in
            var text = base
            fill(&text, to: size) { "k\($0): x\n" }
            return text
        },
        Shape(name: "duplicate-key-at-end", what: "many keys, the last one a duplicate (Yams)") { size in
            var text = base
            fill(&text, to: size - 10) { "k\($0): x\n" }
            return text + "k0: again\n"
        },
        Shape(name: "deep-nesting", what: "chains of mappings 60 deep, side by side") { size in
            deepChains(size, lineEnd: "\n")
        },
        Shape(name: "deep-nesting-crlf", what: "the deep chains with CRLF line ends (Yams)") { size in
            deepChains(size, lineEnd: "\r\n")
        },
        Shape(name: "deep-flow", what: "extra: [[[[a]]], [[[a]]], ...] (Yams)") { size in
            var text = base + "extra: [[[[a]]]"
            fill(&text, to: size - 2) { _ in ", [[[a]]]" }
            return text + "]\n"
        },
        Shape(name: "many-anchors", what: "extra: [&a0 x, &a1 x, ...]: one anchor error") { size in
            var text = base + "extra: [&a0 x"
            fill(&text, to: size - 2) { ", &a\($0 + 1) x" }
            return text + "]\n"
        },
        Shape(name: "long-key", what: "one key of the whole size (Yams, one error)") { size in
            line(size, head: "k", tail: ": x\n") { _ in "k" }
        },
        Shape(name: "long-comment", what: "one comment line of the whole size") { size in
            line(size, head: "# comment") { _ in " comment" }
        },
        Shape(name: "long-url", what: "one evidence URL of the whole size") { size in
            var text = base.replacingOccurrences(of: "  evidence: [https://arxiv.org/abs/2501.00001]\n", with: "  evidence:\n    - https://a.io/BODY\n")
            var body = ""
            fill(&body, to: size - text.utf8.count) { _ in "abcdefgh/" }
            text = text.replacingOccurrences(of: "BODY", with: body)
            return text
        },
        Shape(name: "long-anchor-name", what: "extra: &aaaa...a x: one anchor with a huge name") { size in
            line(size, head: "extra: &a", tail: " x\n") { _ in "a" }
        },
        Shape(name: "many-flow-mappings", what: "extra: [{a: b}, {a: b}, ...] (Yams)") { size in
            var text = base + "extra: [{a: b}"
            fill(&text, to: size - 2) { ", {a\($0): b}" }
            return text + "]\n"
        },
        Shape(name: "control-at-end", what: "a long file with a BEL at its end: one error") { size in
            line(size, head: "notes: |\n  first", tail: "\n  \u{7}\n") { _ in "\n  line of a literal block" }
        },
        Shape(name: "many-c1-controls", what: "notes: a<NEL>a<NEL>...: raw C1 controls") { size in
            line(size, head: "notes: a") { _ in "\u{85}a" }
        },
    ]
}
