#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One accepted connection, driven by the connection loop: it reads the request head,
/// then writes the response head and body, as far as its non-blocking socket allows on
/// each turn, and never waits. The socket (and any file being sent) is closed when the
/// loop lets go of it.
final class PreviewConnection {
    let socket: Int32
    /// When the connection was accepted: the whole request head must arrive within the
    /// loop's deadline from here, however slowly its bytes trickle in.
    let accepted: ContinuousClock.Instant
    /// When the client last took bytes of the response, for dropping one that stopped reading.
    private(set) var lastProgress: ContinuousClock.Instant
    private(set) var state: State = .readingHead([])

    enum State {
        case readingHead([UInt8])
        case writing(Outgoing)
    }

    /// What is left to send: the rest of the head, then the body.
    struct Outgoing {
        var head: [UInt8]
        var headSent = 0
        var body: HTTPResponse.Body?
        var bodySent = 0
    }

    /// What the loop does with the connection after a turn.
    enum Step { case keep, close }

    init(socket: Int32, now: ContinuousClock.Instant) {
        self.socket = socket
        accepted = now
        lastProgress = now
    }

    deinit {
        // Input left unread makes close send a reset, and a reset discards the end of a
        // response still in the socket's buffer. A client sends only its request head, so
        // a few reads empty it.
        var scratch = [UInt8](repeating: 0, count: 4096)
        for _ in 0..<4 where scratch.withUnsafeMutableBytes({ recv(socket, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }) > 0 {}
        close(socket)
    }

    var isReadingHead: Bool {
        if case .readingHead = state { return true }
        return false
    }

    /// Reads what has arrived; once the head is complete, answers it with `handler`.
    func readable(handler: SiteRequestHandler, now: ContinuousClock.Instant) -> Step {
        guard case .readingHead(var received) = state else { return .keep }
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count == 0 { return .close }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK { break }
                return .close
            }
            received += chunk[0..<count]
            if let end = received.firstRange(of: HTTPRequest.headTerminator) {
                respond(to: Array(received[..<end.lowerBound]), handler: handler, now: now)
                return writable(now: now)
            }
            if received.count > HTTPRequest.maximumHeadSize {
                start(.text(.requestHeaderFieldsTooLarge, "the request head is too large"), includeBody: true, now: now)
                return writable(now: now)
            }
        }
        state = .readingHead(received)
        return .keep
    }

    private func respond(to head: [UInt8], handler: SiteRequestHandler, now: ContinuousClock.Instant) {
        do {
            let request = try HTTPRequest(head: head)
            start(handler.respond(to: request), includeBody: request.method != "HEAD", now: now)
        } catch {
            start(.text(.badRequest, "not an HTTP/1.x request"), includeBody: true, now: now)
        }
    }

    /// Switches to writing `response`; the loop then waits for the socket to take it.
    func start(_ response: HTTPResponse, includeBody: Bool, now: ContinuousClock.Instant) {
        state = .writing(Outgoing(head: response.head, body: includeBody ? response.body : nil))
        lastProgress = now
    }

    /// Sends as much as the socket takes, up to a fair share per turn, so one fast
    /// download cannot keep the loop from the other connections.
    func writable(now: ContinuousClock.Instant) -> Step {
        guard case .writing(var outgoing) = state else { return .keep }
        defer { state = .writing(outgoing) }
        var budget = Self.bytesPerTurn
        while outgoing.headSent < outgoing.head.count {
            let sent = outgoing.head.withUnsafeBytes { buffer in
                Self.send(socket, buffer.baseAddress.map { $0 + outgoing.headSent }, buffer.count - outgoing.headSent)
            }
            guard let sent else { return .close }
            if sent == 0 { return .keep }
            outgoing.headSent += sent
            lastProgress = now
        }
        guard let body = outgoing.body else { return .close }
        while outgoing.bodySent < body.count, budget > 0 {
            let sent: Int?
            switch body {
            case .bytes(let bytes):
                sent = bytes.withUnsafeBytes { buffer in
                    Self.send(socket, buffer.baseAddress.map { $0 + outgoing.bodySent }, buffer.count - outgoing.bodySent)
                }
            case .file(let file, let range):
                sent = file.send(to: socket, from: range.lowerBound + outgoing.bodySent,
                                 count: min(range.count - outgoing.bodySent, OpenFile.chunkSize))
            }
            guard let sent else { return .close }
            if sent == 0 { return .keep }
            outgoing.bodySent += sent
            budget -= sent
            lastProgress = now
        }
        return outgoing.bodySent < body.count ? .keep : .close
    }

    /// How many bytes one connection may send before the loop moves on.
    static let bytesPerTurn = 1024 * 1024

    /// One non-blocking send: bytes sent, 0 when the socket is full, nil when the client is gone.
    private static func send(_ socket: Int32, _ base: UnsafeRawPointer?, _ count: Int) -> Int? {
        guard let base, count > 0 else { return 0 }
        while true {
            let sent = sendWithoutSignal(socket, base, count)
            if sent >= 0 { return sent }
            if errno == EINTR { continue }
            return errno == EAGAIN || errno == EWOULDBLOCK ? 0 : nil
        }
    }

    private static func sendWithoutSignal(_ socket: Int32, _ base: UnsafeRawPointer, _ count: Int) -> Int {
        #if os(Linux)
        Glibc.send(socket, base, count, Int32(MSG_NOSIGNAL))
        #else
        Darwin.send(socket, base, count, 0)
        #endif
    }
}
