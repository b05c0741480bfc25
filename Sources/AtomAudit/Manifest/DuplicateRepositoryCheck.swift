/// A Hub repository listed by two manifests would count its downloads twice, and means
/// one release was entered as two models: the inclusion policy's "one manifest per
/// release" made mechanical.
struct DuplicateRepositoryCheck {
    func check(_ manifests: [Manifest]) -> [Diagnostic] {
        var claimedBy: [HubRepositoryID: Int] = [:]
        var diagnostics: [Diagnostic] = []
        for index in manifests.indices.sorted(by: { manifests[$0].id < manifests[$1].id }) {
            for repository in manifests[index].adoption?.repositories ?? [] {
                guard let first = claimedBy[repository] else {
                    claimedBy[repository] = index
                    continue
                }
                let manifest = manifests[index], original = manifests[first]
                var diagnostic = Diagnostic.error(
                    "duplicate-repository",
                    "'\(repository)' is already listed by \(original.path); expected each Hugging Face repository to count for one model only",
                    at: manifest.positions["adoption.repositories"] ?? .start(of: manifest.path))
                diagnostic.notes = [.note("'\(repository)' is first listed here", at: original.positions["adoption.repositories"] ?? .start(of: original.path))]
                diagnostics.append(diagnostic)
            }
        }
        return diagnostics
    }
}
