/// Lets at most `limit` callers through at once; the others wait in arrival order. The Hub
/// client takes a permit per request, so a refresh of many models stays polite.
public actor AsyncLimiter {
    private let limit: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    public init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Waits for a permit; every `acquire` needs one `release`.
    public func acquire() async {
        if running < limit {
            running += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Returns a permit, handing it straight to the longest waiter if there is one.
    public func release() {
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
