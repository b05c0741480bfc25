import Foundation

/// "Did you mean" suggestions for misspelled keys and values.
enum Suggestion {
    /// The candidate closest to `word` by edit distance, if it is close enough to be a likely typo.
    static func closest(to word: String, in candidates: [String]) -> String? {
        // Edit distance costs the product of the lengths, and is paid once per bad
        // value: a typo is short and vocabularies are small, so a thousand-character
        // "key", or a catalog of thousands of ids, gets no suggestion rather than a hang.
        guard word.unicodeScalars.count <= maxLength, candidates.count <= maxCandidates else { return nil }
        let lowered = word.lowercased()
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate.unicodeScalars.count <= maxLength {
            // Punctuation slips ("Apache 2" for "Apache-2.0") count less than letters.
            let distance = min(editDistance(lowered, candidate.lowercased()),
                               editDistance(normalized(word), normalized(candidate)))
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        guard let best else { return nil }
        let tolerance = max(2, min(word.count, best.candidate.count) / 3)
        return best.distance <= tolerance ? best.candidate : nil
    }

    static let maxLength = 100
    static let maxCandidates = 500

    /// The suffix a message gets: `; did you mean 'x'?` or nothing.
    static func phrase(for word: String, in candidates: [String]) -> String {
        closest(to: word, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    private static func normalized(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }

    /// Levenshtein distance over Unicode scalars.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
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
