import Foundation

/// Hands batches to a `SiteWriter.Session` on a thread of its own, so the kernel's file
/// creation for one batch overlaps the rendering of the next: writing alternated with
/// rendering before, and each waited for the other's slowest worker.
///
/// At most `capacity` batches wait, and waiting and writing batches hold no more than
/// `byteLimit` bytes unless one batch alone is larger, which bounds memory (a
/// 10,000-model site has batches of 40 MB). A failure stops the writing; the next `add`,
/// or `finish`, throws it.
final class BackgroundWriter: @unchecked Sendable {
    // All state below is guarded by `condition`.
    private let condition = NSCondition()
    private var queue: [[OutputFile]] = []
    private var queuedBytes = 0
    /// Bytes of the batch being written.
    private var writingBytes = 0
    private var failure: SiteWriter.Failure?
    private var closed = false
    private var stopped = false
    private let session: SiteWriter.Session
    private let capacity: Int
    private let byteLimit: Int

    init(session: SiteWriter.Session, capacity: Int = 2, byteLimit: Int = 16 << 20) {
        self.session = session
        self.capacity = capacity
        self.byteLimit = byteLimit
        let thread = Thread { [self] in drain() }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Queues a batch, waiting while the queue is full.
    func add(_ files: [OutputFile]) throws(SiteWriter.Failure) {
        let bytes = files.reduce(0) { $0 + $1.contents.count }
        condition.lock()
        defer { condition.unlock() }
        // A batch over the limit waits until everything before it is written, and the
        // ones after it until it is: the largest files are never in memory together.
        while failure == nil, !queue.isEmpty || writingBytes > 0,
              queue.count >= capacity || queuedBytes + writingBytes + bytes > byteLimit {
            condition.wait()
        }
        if let failure { throw failure }
        queue.append(files)
        queuedBytes += bytes
        condition.broadcast()
    }

    /// Waits until every queued batch is written; throws the first failure.
    func finish() throws(SiteWriter.Failure) {
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
            let batch = queue.removeFirst()
            let bytes = batch.reduce(0) { $0 + $1.contents.count }
            queuedBytes -= bytes
            writingBytes = bytes
            condition.broadcast()
            condition.unlock()
            do {
                try session.add(batch)
                condition.lock()
                writingBytes = 0
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
