import Foundation

/// "Did you mean" suggestions for misspelled keys and values.
enum Suggestion {
    /// The candidate closest to `word` by edit distance, if it is close enough to be a likely typo.
    static func closest(to word: String, in candidates: [String]) -> String? {
        Vocabulary(candidates).closest(to: word)
    }

    static let maxLength = 100
    static let maxCandidates = 500

    /// The suffix a message gets: `; did you mean 'x'?` or nothing.
    static func phrase(for word: String, in candidates: [String]) -> String {
        closest(to: word, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// Candidates prepared once (lower-cased, and without punctuation) for many
    /// questions: a file can hold thousands of unknown keys, all checked against the
    /// same allowed keys.
    struct Vocabulary {
        private let words: [(word: String, lowered: [Unicode.Scalar], bare: [Unicode.Scalar], count: Int)]

        init(_ candidates: [String]) {
            // Edit distance costs the product of the lengths, and is paid once per bad
            // value: a typo is short and vocabularies are small, so a thousand-character
            // "key", or a catalog of thousands of ids, gets no suggestion rather than a hang.
            guard candidates.count <= maxCandidates else { words = []; return }
            words = candidates.filter { $0.unicodeScalars.count <= maxLength }.map {
                ($0, Array($0.lowercased().unicodeScalars), normalized($0), $0.count)
            }
        }

        func closest(to word: String) -> String? {
            guard word.unicodeScalars.count <= maxLength else { return nil }
            let lowered = Array(word.lowercased().unicodeScalars), bare = normalized(word)
            var best: (candidate: String, count: Int, distance: Int)?
            for candidate in words {
                // A distance is at least the difference in length: a candidate that
                // cannot beat the best so far is skipped without filling the table.
                let bound = min(abs(lowered.count - candidate.lowered.count), abs(bare.count - candidate.bare.count))
                if let best, bound >= best.distance { continue }
                // Punctuation slips ("Apache 2" for "Apache-2.0") count less than letters.
                let distance = min(editDistance(lowered, candidate.lowered), editDistance(bare, candidate.bare))
                if distance < (best?.distance ?? Int.max) { best = (candidate.word, candidate.count, distance) }
            }
            guard let best else { return nil }
            let tolerance = max(2, min(word.count, best.count) / 3)
            return best.distance <= tolerance ? best.candidate : nil
        }
    }

    /// Made once: `CharacterSet.alphanumerics` builds a new set on every use.
    private static let alphanumerics = CharacterSet.alphanumerics

    /// The lower-case letters and digits of `text`, as scalars.
    private static func normalized(_ text: String) -> [Unicode.Scalar] {
        text.lowercased().unicodeScalars.filter { scalar in
            // ASCII without the character set, whose lookup is most of the cost.
            guard scalar.isASCII else { return alphanumerics.contains(scalar) }
            return ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || ("A"..."Z").contains(scalar)
        }
    }

    /// Levenshtein distance over Unicode scalars.
    static func editDistance(_ a: String, _ b: String) -> Int {
        editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars))
    }

    private static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

extension Array where Element == String {
    /// `'a', 'b' or 'c'`, for messages that list the allowed values.
    ///
    /// Lists that content defines (rubric sources, tiers) could run to thousands;
    /// one message per bad reference, each listing them all, would not fit in memory.
    public var quotedAlternatives: String {
        let listed = Self.maxListedAlternatives
        guard count <= listed else {
            return prefix(listed).map { "'\($0)'" }.joined(separator: ", ") + " or one of \(count - listed) more"
        }
        let quoted = map { "'\($0)'" }
        guard quoted.count > 1, let last = quoted.last else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " or " + last
    }

    static var maxListedAlternatives: Int { 20 }
}
