/// A YAML mapping whose keys are strings, in document order, with positions.
struct YAMLMapping {
    struct Entry {
        let key: String
        let keyLocation: SourceLocation
        let value: YAMLNode
    }

    let entries: [Entry]
    /// Where the mapping starts (its first key, for block mappings).
    let location: SourceLocation

    func entry(_ key: String) -> Entry? {
        // By position: `first(where:)` would copy every entry it passes (a key, a location
        // and a node each), for every field of every manifest. Identical, not `==`: a
        // key spelled with a look-alike character is unknown, not the key it resembles.
        for index in entries.indices where entries[index].key.isIdentical(to: key) { return entries[index] }
        return nil
    }

    func value(_ key: String) -> YAMLNode? { entry(key)?.value }
}
