import Foundation

/// Two manifests with one display name would show as one model twice on the leaderboard.
struct DuplicateNameCheck {
    func check(_ manifests: [Manifest]) -> [Diagnostic] {
        RepeatedClaims { [Self.key($0.name)] }.repeats(in: manifests).map { repeated in
            let manifest = manifests[repeated.index], original = manifests[repeated.firstIndex]
            var diagnostic = Diagnostic.error(
                "duplicate-name",
                "the name '\(manifest.name)' is already used by \(original.path); expected each model to have its own display name",
                at: manifest.positions["name"] ?? .start(of: manifest.path))
            diagnostic.notes = [.note("'\(original.name)' is first used here", at: original.positions["name"] ?? .start(of: original.path))]
            return diagnostic
        }
    }

    /// The name as compared: lower-cased, without white space around it. Names nearly
    /// always start and end with a visible ASCII character, which no trimming removes;
    /// only the others go through Foundation (bridging each of 10,000 names was slow).
    static func key(_ name: String) -> String {
        let lowered = name.lowercased()
        if let first = lowered.utf8.first, let last = lowered.utf8.last,
           (0x21..<0x7F).contains(first), (0x21..<0x7F).contains(last) {
            return lowered
        }
        return lowered.trimmingCharacters(in: .whitespaces)
    }
}
