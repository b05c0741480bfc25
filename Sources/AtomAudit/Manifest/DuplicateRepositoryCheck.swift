/// A Hub repository listed by two manifests would count its downloads twice, and means
/// one release was entered as two models: the inclusion policy's "one manifest per
/// release" made mechanical.
struct DuplicateRepositoryCheck {
    func check(_ manifests: [Manifest]) -> [Diagnostic] {
        RepeatedClaims { $0.adoption?.repositories ?? [] }.repeats(in: manifests).map { repeated in
            let manifest = manifests[repeated.index], original = manifests[repeated.firstIndex]
            var diagnostic = Diagnostic.error(
                "duplicate-repository",
                "'\(repeated.key)' is already listed by \(original.path); expected each Hugging Face repository to count for one model only",
                at: manifest.positions["adoption.repositories"] ?? .start(of: manifest.path))
            diagnostic.notes = [.note("'\(repeated.key)' is first listed here",
                                      at: original.positions["adoption.repositories"] ?? .start(of: original.path))]
            return diagnostic
        }
    }
}
