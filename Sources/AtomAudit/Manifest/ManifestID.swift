import Foundation

/// A model's id: its manifest's file name without `.yaml`. It becomes part of URLs
/// and output paths, so the alphabet is small and cannot climb out of a folder.
public struct ManifestID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String

    /// The id, if `text` matches `[a-z0-9][a-z0-9.-]*` with no `..` and no trailing `.`.
    public init?(_ text: String) {
        guard Self.isValid(text) else { return nil }
        rawValue = text
    }

    public static func isValid(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, text.unicodeScalars.count <= 100,
              Self.isLowerAlphanumeric(first), !text.contains(".."), !text.hasSuffix(".")
        else { return false }
        return text.unicodeScalars.allSatisfy { isLowerAlphanumeric($0) || $0 == "." || $0 == "-" }
    }

    private static func isLowerAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    /// A valid id made from any text, e.g. a Hub repository name: always valid.
    public static func derived(from text: String) -> ManifestID {
        let suggestion = String(suggestion(for: text).prefix(100)).trimmingCharacters(in: CharacterSet(charactersIn: ".-"))
        return ManifestID(suggestion) ?? ManifestID(unchecked: "model")
    }

    private init(unchecked text: String) { rawValue = text }

    /// A valid id close to `text`, for the suggestion in the error message.
    public static func suggestion(for text: String) -> String {
        var result = ""
        for scalar in text.lowercased().unicodeScalars {
            if isLowerAlphanumeric(scalar) || scalar == "." { result.unicodeScalars.append(scalar) }
            else if !result.hasSuffix("-") { result += "-" }
        }
        while result.contains("..") { result = result.replacingOccurrences(of: "..", with: ".") }
        let trimmed = result.trimmingCharacters(in: CharacterSet(charactersIn: ".-"))
        return trimmed.isEmpty ? "model" : trimmed
    }

    public var description: String { rawValue }

    public static func < (a: ManifestID, b: ManifestID) -> Bool { a.rawValue < b.rawValue }
}

extension ManifestID {
    /// The known ids a mistyped `text` most likely meant, for "did you mean": those fewest
    /// edits away (within a typo's reach, or containing it), the longest shared start first,
    /// since ids usually go wrong at the end (`olmo-2-3b` for `olmo-2-32b`); at most `limit`.
    public static func likelyMeant(_ text: String, among known: [String], limit: Int = 3) -> [String] {
        let typed = text.lowercased()
        // An id is at most 100 characters; longer input is no typo of one (and would cost
        // 10,000 long edit distances at scale).
        guard !typed.isEmpty, typed.unicodeScalars.count <= 100 else { return [] }
        var close: [(distance: Int, shared: Int, id: String)] = []
        for candidate in known {
            let distance = Suggestion.editDistance(typed, candidate)
            let tolerance = max(2, min(typed.count, candidate.count) / 3)
            guard distance <= tolerance || candidate.contains(typed) else { continue }
            let shared = zip(typed.unicodeScalars, candidate.unicodeScalars).prefix { $0 == $1 }.count
            close.append((distance, shared, candidate))
        }
        guard let best = close.map(\.distance).min() else { return [] }
        return close.filter { $0.distance == best }
            .sorted { ($1.shared, $0.id) < ($0.shared, $1.id) }
            .prefix(limit).map(\.id)
    }
}
