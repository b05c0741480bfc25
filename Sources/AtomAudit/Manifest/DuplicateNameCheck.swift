import Foundation

/// Two manifests with one display name would show as one model twice on the leaderboard.
struct DuplicateNameCheck {
    func check(_ manifests: [Manifest]) -> [Diagnostic] {
        // Positions, not copies: a manifest is a large value, and there are 10,000.
        var first: [String: Int] = [:]
        var diagnostics: [Diagnostic] = []
        for index in manifests.indices.sorted(by: { manifests[$0].id < manifests[$1].id }) {
            let manifest = manifests[index]
            let key = manifest.name.lowercased().trimmingCharacters(in: .whitespaces)
            guard let originalIndex = first[key] else {
                first[key] = index
                continue
            }
            let original = manifests[originalIndex]
            var diagnostic = Diagnostic.error(
                "duplicate-name",
                "the name '\(manifest.name)' is already used by \(original.path); expected each model to have its own display name",
                at: manifest.positions["name"] ?? .start(of: manifest.path))
            diagnostic.notes = [.note("'\(original.name)' is first used here", at: original.positions["name"] ?? .start(of: original.path))]
            diagnostics.append(diagnostic)
        }
        return diagnostics
    }
}
