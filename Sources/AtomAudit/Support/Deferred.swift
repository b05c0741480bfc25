import Foundation

/// A value computed on a thread of its own from the moment it is created; `value` waits
/// for it. For work that is needed late and would otherwise hold everything else up
/// (the charts of a 10,000-model site take a tenth of a second).
public final class Deferred<Value: Sendable>: @unchecked Sendable {
    // `result` is written once, by the worker, under `condition`.
    private let condition = NSCondition()
    private var result: Value?

    public init(_ compute: @escaping @Sendable () -> Value) {
        let thread = Thread { [self] in
            let computed = compute()
            condition.lock()
            result = computed
            condition.broadcast()
            condition.unlock()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    public var value: Value {
        condition.lock()
        defer { condition.unlock() }
        while result == nil { condition.wait() }
        // The loop only ends once `result` is set.
        return result.unsafelyUnwrapped
    }
}
