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
