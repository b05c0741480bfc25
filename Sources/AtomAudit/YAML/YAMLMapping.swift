import Yams

/// A YAML mapping whose keys are strings, in document order, with positions.
struct YAMLMapping {
    struct Entry {
        let key: String
        let keyLocation: SourceLocation
        let value: Node
    }

    let entries: [Entry]
    /// Where the mapping starts (its first key, for block mappings).
    let location: SourceLocation

    func entry(_ key: String) -> Entry? { entries.first { $0.key == key } }

    func value(_ key: String) -> Node? { entry(key)?.value }
}
