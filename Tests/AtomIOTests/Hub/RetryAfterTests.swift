import AtomIO
import Foundation
import Testing

/// `Retry-After` in seconds or as an HTTP date, and the backoff around it.
@Suite struct RetryAfterTests {
    /// 2015-10-21 07:28:00 UTC.
    private let now = Date(timeIntervalSince1970: 1_445_412_480)

    @Test func readsSeconds() {
        #expect(RetryAfter.delay(from: "120", now: now) == .seconds(120))
        #expect(RetryAfter.delay(from: " 0 ", now: now) == .zero)
        #expect(RetryAfter.delay(from: "99999999999999999999999", now: now) == .seconds(Int.max))
    }

    @Test func readsEveryHTTPDateForm() {
        #expect(RetryAfter.delay(from: "Wed, 21 Oct 2015 07:28:30 GMT", now: now) == .seconds(30))
        #expect(RetryAfter.delay(from: "Wednesday, 21-Oct-15 07:29:00 GMT", now: now) == .seconds(60))
        #expect(RetryAfter.delay(from: "Wed Oct 21 07:28:05 2015", now: now) == .seconds(5))
        #expect(RetryAfter.delay(from: "Wed, 21 Oct 2015 07:00:00 GMT", now: now) == .zero, "a date in the past means now")
    }

    @Test func refusesOtherText() {
        for text in ["", "-5", "1.5", "soon", "21 Oct 2015", "Wed, 21 Oct 2015 07:28:30 PST"] {
            #expect(RetryAfter.delay(from: text, now: now) == nil, "\(text)")
        }
    }

    @Test func backoffDoublesAndHonoursTheHubsWait() {
        let policy = RetryPolicy(attempts: 5, backoff: .seconds(1), longestWait: .seconds(10))
        #expect((1...5).map { policy.wait(after: $0, retryAfter: nil) } == [.seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(10)])
        #expect(policy.wait(after: 1, retryAfter: .seconds(7)) == .seconds(7))
        #expect(policy.wait(after: 3, retryAfter: .seconds(1)) == .seconds(4), "never sooner than the backoff")
        #expect(policy.wait(after: 1, retryAfter: .seconds(11)) == nil, "longer than the longest wait")
    }
}
