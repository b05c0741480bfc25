import Foundation

/// Two manifests with one display name would show as one model twice on the leaderboard.
struct DuplicateNameCheck {
    func check(_ manifests: [Manifest]) -> [Diagnostic] {
        var first: [String: Manifest] = [:]
        var diagnostics: [Diagnostic] = []
        for manifest in manifests.sorted(by: { $0.id < $1.id }) {
            let key = manifest.name.lowercased().trimmingCharacters(in: .whitespaces)
            guard let original = first[key] else {
                first[key] = manifest
                continue
            }
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
