import AtomIO
import Foundation
import Synchronization

/// Answers the Hub client from memory: each URL has a queue of answers (the last one
/// repeats), and every request is recorded with its headers.
final class RecordedTransport: HubTransport {
    enum Answer {
        case response(HubResponse)
        case failure(String)
    }

    private let state: Mutex<(answers: [String: [Answer]], requests: [(url: String, headers: [String: String])])>

    init(_ answers: [String: [Answer]]) {
        state = Mutex((answers, []))
    }

    var requests: [(url: String, headers: [String: String])] { state.withLock { $0.requests } }

    func get(_ url: URL, headers: [String: String]) async throws(HubTransportError) -> HubResponse {
        let answer: Answer? = state.withLock { state in
            state.requests.append((url.absoluteString, headers))
            guard var queue = state.answers[url.absoluteString], let first = queue.first else { return nil }
            if queue.count > 1 { queue.removeFirst() }
            state.answers[url.absoluteString] = queue
            return first
        }
        switch answer {
        case .response(let response)?: return response
        case .failure(let message)?: throw HubTransportError(message)
        case nil: return HubResponse(status: 404, body: Data(#"{"error":"no such test route"}"#.utf8))
        }
    }

    static func json(_ text: String, status: Int = 200, headers: [String: String] = [:]) -> Answer {
        .response(HubResponse(status: status, headers: headers.merging(["Content-Type": "application/json"]) { a, _ in a }, body: Data(text.utf8)))
    }
}

/// Records the waits the client asks for instead of sleeping them.
final class WaitRecorder: Sendable {
    private let waits = Mutex<[Duration]>([])
    var recorded: [Duration] { waits.withLock { $0 } }
    var sleep: @Sendable (Duration) async -> Void { { duration in self.waits.withLock { $0.append(duration) } } }
}
