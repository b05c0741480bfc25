/// How the Hub client retries an answer that says "later" (429 Too Many Requests, or a
/// 5xx while the Hub is busy): after the wait the Hub asks for, and never sooner than an
/// exponential backoff, a bounded number of times.
public struct RetryPolicy: Sendable, Equatable {
    /// Tries in all, the first included.
    public var attempts: Int
    /// The backoff after the first try; it doubles after each.
    public var backoff: Duration
    /// The longest wait accepted: a Hub that asks for more gets a clear failure instead of a
    /// command that seems to hang.
    public var longestWait: Duration

    public init(attempts: Int = 4, backoff: Duration = .seconds(1), longestWait: Duration = .seconds(120)) {
        self.attempts = max(1, attempts)
        self.backoff = backoff
        self.longestWait = longestWait
    }

    /// The wait before try `attempt + 1`, or nil when the Hub asks for longer than `longestWait`.
    /// - Parameters:
    ///   - attempt: the try that was just refused, 1-based.
    ///   - retryAfter: what the answer's `Retry-After` asked for, if anything.
    public func wait(after attempt: Int, retryAfter: Duration?) -> Duration? {
        if let retryAfter, retryAfter > longestWait { return nil }
        var exponential = backoff
        for _ in 1..<max(1, attempt) where exponential < longestWait { exponential *= 2 }
        return max(retryAfter ?? .zero, min(exponential, longestWait))
    }
}
