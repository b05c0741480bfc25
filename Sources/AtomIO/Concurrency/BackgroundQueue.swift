import Foundation

/// Hands batches to a consumer on a thread of its own, so that consuming one batch (the
/// kernel creating a site's files) overlaps producing the next (rendering): before, each
/// waited for the other's slowest worker.
///
/// At most `capacity` batches wait, and waiting and consumed batches hold no more than
/// `byteLimit` bytes unless one batch alone is larger, which bounds memory (a
/// 10,000-model site has batches of 40 MB). A failure stops the consuming; the next `add`,
/// or `finish`, throws it.
// Unchecked: every stored property is either immutable or guarded by `condition`.
public final class BackgroundQueue<Batch: Sendable, Failure: Error>: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [(batch: Batch, bytes: Int)] = []
    private var queuedBytes = 0
    /// Bytes of the batch being consumed.
    private var consumingBytes = 0
    private var failure: Failure?
    private var closed = false
    private var stopped = false
    private let consume: @Sendable (Batch) throws(Failure) -> Void
    private let capacity: Int
    private let byteLimit: Int

    public init(capacity: Int = 2, byteLimit: Int = 16 << 20, consume: @escaping @Sendable (Batch) throws(Failure) -> Void) {
        self.consume = consume
        self.capacity = capacity
        self.byteLimit = byteLimit
        let thread = Thread { [self] in drain() }
        // The consumer may recurse through a deep folder tree; the default is 512 KiB.
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Queues a batch of `bytes` bytes, waiting while the queue is full.
    public func add(_ batch: Batch, bytes: Int) throws(Failure) {
        condition.lock()
        defer { condition.unlock() }
        // A batch over the limit waits until everything before it is consumed, and the
        // ones after it until it is: the largest batches are never in memory together.
        while failure == nil, !queue.isEmpty || consumingBytes > 0,
              queue.count >= capacity || queuedBytes + consumingBytes + bytes > byteLimit {
            condition.wait()
        }
        if let failure { throw failure }
        queue.append((batch, bytes))
        queuedBytes += bytes
        condition.broadcast()
    }

    /// Waits until every queued batch is consumed; throws the first failure.
    public func finish() throws(Failure) {
        condition.lock()
        defer { condition.unlock() }
        closed = true
        condition.broadcast()
        while !stopped { condition.wait() }
        if let failure { throw failure }
    }

    private func drain() {
        while true {
            condition.lock()
            while queue.isEmpty, !closed { condition.wait() }
            guard !queue.isEmpty else {
                stopped = true
                condition.broadcast()
                condition.unlock()
                return
            }
            let (batch, bytes) = queue.removeFirst()
            queuedBytes -= bytes
            consumingBytes = bytes
            condition.broadcast()
            condition.unlock()
            do {
                try consume(batch)
                condition.lock()
                consumingBytes = 0
                condition.broadcast()
                condition.unlock()
            } catch {
                condition.lock()
                failure = error
                queue = []
                stopped = true
                condition.broadcast()
                condition.unlock()
                return
            }
        }
    }
}
