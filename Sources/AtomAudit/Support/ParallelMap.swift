import Foundation

extension Array where Element: Sendable {
    /// Maps elements on all cores, keeping the input order, so output stays deterministic.
    ///
    /// Workers are plain threads taking chunks from a shared counter. Not
    /// DispatchQueue.concurrentPerform: called from a Swift-concurrency or dispatch
    /// worker thread (the CLI's async entry point, the test runner) it ran everything on
    /// one core. Each worker writes only the slots of the chunks it takes, so no slot
    /// is shared.
    @inlinable
    public func parallelMap<T: Sendable>(_ transform: @escaping @Sendable (Element) -> T) -> [T] {
        let workers = Swift.min(count, ParallelWork.coreCount)
        guard workers > 1 else { return map(transform) }
        // A few chunks per worker balance uneven work without much counter traffic.
        let chunkSize = Swift.max(1, count / (workers * 8))
        let chunkCount = (count + chunkSize - 1) / chunkSize
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            self.withUnsafeBufferPointer { input in
                nonisolated(unsafe) let elements = input
                let next = ParallelWork.Counter()
                // The buffers outlive every worker: `run` returns only when all have finished.
                ParallelWork.run(workers: workers) {
                    while let chunk = next.take(below: chunkCount) {
                        let start = chunk * chunkSize
                        for index in start..<Swift.min(start + chunkSize, elements.count) {
                            slots[index] = transform(elements[index])
                        }
                    }
                }
            }
        }
        // Every slot was written above; compactMap only avoids a force-unwrap.
        return results.compactMap { $0 }
    }
}

@usableFromInline
enum ParallelWork {
    @usableFromInline
    static let coreCount = Swift.max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// Runs `body` on the calling thread and on `workers - 1` new threads, and returns
    /// when all have finished.
    @usableFromInline
    static func run(workers: Int, _ body: @escaping @Sendable () -> Void) {
        let group = DispatchGroup()
        var threads: [Thread] = []
        for _ in 1..<workers {
            group.enter()
            let thread = Thread {
                body()
                group.leave()
            }
            // Deep YAML and Mustache recursion need more than the 512 KiB default.
            thread.stackSize = 8 << 20
            threads.append(thread)
            thread.start()
        }
        body()
        group.wait()
    }

    /// Hands out chunk numbers 0, 1, 2, ... to whichever worker asks first.
    @usableFromInline
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0

        @usableFromInline
        init() {}

        @usableFromInline
        func take(below limit: Int) -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard value < limit else { return nil }
            value += 1
            return value - 1
        }
    }
}
