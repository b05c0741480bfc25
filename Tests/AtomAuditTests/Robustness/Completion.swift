import Foundation

/// Runs work that must finish, without letting a hang hang the test run.
///
/// This is not a speed check: the bound is minutes, far above any real run. It turns
/// "the suite never ends" into a failed test that names the input.
enum Completion {
    static let bound: DispatchTimeInterval = .seconds(120)

    /// The result of `work`, or nil when it has not finished within `bound`.
    static func within<T: Sendable>(_ bound: DispatchTimeInterval = bound, _ work: @escaping @Sendable () -> T) -> T? {
        let box = Box<T>()
        let finished = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.set(work())
            finished.signal()
        }
        thread.start()
        guard finished.wait(timeout: .now() + bound) == .success else { return nil }
        return box.get()
    }

    /// Hands the result from the worker thread to the waiting one.
    private final class Box<T>: @unchecked Sendable {
        private let lock = NSLock()
        private var value: T?
        func set(_ newValue: T) { lock.withLock { value = newValue } }
        func get() -> T? { lock.withLock { value } }
    }
}
