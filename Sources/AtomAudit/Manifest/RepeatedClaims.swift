/// Keys that more than one manifest claims (a display name, a Hub repository), each
/// found in id order: the manifest with the smaller id keeps the key, and every later one
/// is a repeat of it. Indices, not copies: a manifest is a large value, and there are 10,000.
struct RepeatedClaims<Key: Hashable> {
    struct Repeat {
        let key: Key
        /// Where the key is claimed again, and where it was claimed first.
        let index: Int
        let firstIndex: Int
    }

    let keys: (Manifest) -> [Key]

    func repeats(in manifests: [Manifest]) -> [Repeat] {
        var claimedBy: [Key: Int] = [:]
        var repeats: [Repeat] = []
        for index in manifests.indices.sorted(by: { manifests[$0].id < manifests[$1].id }) {
            for key in keys(manifests[index]) {
                if let first = claimedBy[key] {
                    repeats.append(Repeat(key: key, index: index, firstIndex: first))
                } else {
                    claimedBy[key] = index
                }
            }
        }
        return repeats
    }
}
