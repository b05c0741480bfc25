/// Maps independent items, keeping their order. The domain is single-threaded; the
/// content auditor takes a mapper so the IO layer can hand it one that uses every core
/// (`AtomIO.ConcurrentMapper`), while tests and the fuzzer use `SerialMapper`.
public protocol OrderedMapper: Sendable {
    func map<Item: Sendable, Result: Sendable>(_ items: [Item], _ transform: @escaping @Sendable (Item) -> Result) -> [Result]
}

/// Maps on the calling thread.
public struct SerialMapper: OrderedMapper {
    public init() {}

    public func map<Item: Sendable, Result: Sendable>(_ items: [Item], _ transform: @escaping @Sendable (Item) -> Result) -> [Result] {
        items.map(transform)
    }
}
