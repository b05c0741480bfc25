extension Array {
    /// The elements ordered by a key taken from each once: sorting positions by the keys
    /// and copying each element once. A scorecard is a large value; sorting 10,000 of
    /// them directly moved (and retained and released) every field at every swap.
    public func sorted<Key>(on key: (Element) throws -> Key, by areInIncreasingOrder: (Key, Key) throws -> Bool) rethrows -> [Element] {
        let keys = try map(key)
        return try keys.indices.sorted { try areInIncreasingOrder(keys[$0], keys[$1]) }.map { self[$0] }
    }
}
