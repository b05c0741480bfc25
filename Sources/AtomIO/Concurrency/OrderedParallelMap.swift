import AtomAudit
import Dispatch
import Foundation
import Synchronization

extension Array where Element: Sendable {
    /// Maps elements on all cores, keeping the input order, so output stays deterministic.
    ///
    /// `DispatchQueue.concurrentPerform` runs a few chunks per core (chunks balance uneven
    /// work); each chunk maps into an array of its own, handed over under a lock once, so no
    /// result slot is ever shared between threads.
    public func parallelMap<T: Sendable>(_ transform: @escaping @Sendable (Element) -> T) -> [T] {
        let workers = Swift.min(count, ConcurrentMapper.coreCount)
        guard workers > 1 else { return map(transform) }
        let chunkSize = Swift.max(1, count / (workers * 8))
        let chunkCount = (count + chunkSize - 1) / chunkSize
        let chunks = Mutex<[[T]]>(Array<[T]>(repeating: [], count: chunkCount))
        let items = self
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let start = chunk * chunkSize
            let mapped = items[start..<Swift.min(start + chunkSize, items.count)].map(transform)
            chunks.withLock { $0[chunk] = mapped }
        }
        return chunks.withLock { $0.flatMap { $0 } }
    }
}

/// An `OrderedMapper` that uses every core.
public struct ConcurrentMapper: OrderedMapper {
    /// Cores to spread work over: read once per process, it never changes.
    public static let coreCount = Swift.max(1, ProcessInfo.processInfo.activeProcessorCount)

    public init() {}

    public func map<Item: Sendable, Result: Sendable>(_ items: [Item], _ transform: @escaping @Sendable (Item) -> Result) -> [Result] {
        items.parallelMap(transform)
    }
}

/// Two independent computations side by side; returns when both are done.
public func concurrently<A: Sendable, B: Sendable>(_ first: @escaping @Sendable () -> A, _ second: @escaping @Sendable () -> B) -> (A, B) {
    let results = Mutex<(A?, B?)>((nil, nil))
    DispatchQueue.concurrentPerform(iterations: 2) { index in
        if index == 0 {
            let value = first()
            results.withLock { $0.0 = value }
        } else {
            let value = second()
            results.withLock { $0.1 = value }
        }
    }
    let (a, b) = results.withLock { $0 }
    guard let a, let b else { preconditionFailure("concurrentPerform returned before both computations ran") }
    return (a, b)
}
