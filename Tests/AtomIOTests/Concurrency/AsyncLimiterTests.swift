import AtomIO
import Synchronization
import Testing

/// The limiter behind "at most 4 requests in flight".
@Suite struct AsyncLimiterTests {
    @Test func letsNoMoreThanTheLimitThrough() async {
        let limiter = AsyncLimiter(limit: 4)
        let counts = Counts()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<40 {
                group.addTask {
                    await limiter.acquire()
                    counts.value.withLock { $0.now += 1; $0.most = max($0.most, $0.now) }
                    for _ in 0..<10 { await Task.yield() }
                    counts.value.withLock { $0.now -= 1; $0.done += 1 }
                    await limiter.release()
                }
            }
        }
        let final = counts.value.withLock { $0 }
        #expect(final.done == 40)
        #expect(final.most <= 4)
        #expect(final.now == 0)
    }
}

private final class Counts: Sendable {
    let value = Mutex((now: 0, most: 0, done: 0))
}
