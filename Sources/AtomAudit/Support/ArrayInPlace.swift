extension Array {
    /// The elements ordered by a key taken from each once: sorting positions by the keys
    /// and copying each element once. A scorecard is a large value; sorting 10,000 of
    /// them directly moved (and retained and released) every field at every swap.
    @inlinable
    public func sorted<Key>(on key: (Element) throws -> Key, by areInIncreasingOrder: (Key, Key) throws -> Bool) rethrows -> [Element] {
        let keys = try map(key)
        return try keys.indices.sorted { try areInIncreasingOrder(keys[$0], keys[$1]) }.map { self[$0] }
    }
}

extension Array {
    /// How many elements match, reading each in place. `count(where:)` and `filter`
    /// iterate, which copies every element: for a scorecard that retains and releases
    /// every string it holds, and 10,000 of them are counted many times over.
    @inlinable
    public func countInPlace(where predicate: (Element) throws -> Bool) rethrows -> Int {
        var count = 0
        for index in indices where try predicate(self[index]) { count += 1 }
        return count
    }

    /// The positions of the elements that match, reading each in place (see `countInPlace`).
    @inlinable
    public func indicesInPlace(where predicate: (Element) throws -> Bool) rethrows -> [Int] {
        var found: [Int] = []
        for index in indices where try predicate(self[index]) { found.append(index) }
        return found
    }
}
