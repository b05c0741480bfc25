import Foundation

/// Checks that a piece of evidence is an absolute web address a reader can open.
public enum EvidenceURL {
    public enum Problem: Equatable, Sendable {
        case notAbsoluteWebURL
        case insecure
    }

    /// nil when `text` is an absolute https URL with a host; otherwise what is wrong.
    /// Plain http is accepted but reported, so reviewers can upgrade it.
    public static func problem(with text: String) -> Problem? {
        guard !text.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" }),
              let components = URLComponents(string: text),
              let scheme = components.scheme?.lowercased(),
              scheme == "https" || scheme == "http",
              let host = components.host, !host.isEmpty, host.contains(".") || host == "localhost"
        else { return .notAbsoluteWebURL }
        return scheme == "http" ? .insecure : nil
    }

    public static func isWebURL(_ text: String) -> Bool {
        problem(with: text) != .notAbsoluteWebURL
    }
}
