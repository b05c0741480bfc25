import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// Maps elements on all cores, keeping the input order, so output stays deterministic.
    ///
    /// Work is split into a few chunks per core; each worker writes only the slots of
    /// its own chunk in a pre-sized buffer, so no slot is shared.
    public func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let chunks = Swift.min(count, Swift.max(1, ProcessInfo.processInfo.activeProcessorCount) * 4)
        let chunkSize = (count + chunks - 1) / chunks
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            self.withUnsafeBufferPointer { input in
                nonisolated(unsafe) let elements = input
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    let start = chunk * chunkSize
                    let end = Swift.min(start + chunkSize, elements.count)
                    guard start < end else { return }
                    for index in start..<end { slots[index] = transform(elements[index]) }
                }
            }
        }
        // Every slot was written above; compactMap only avoids a force-unwrap.
        return results.compactMap { $0 }
    }
}
