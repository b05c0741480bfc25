import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A stand-in for the Hugging Face Hub API: an HTTP/1.1 server on 127.0.0.1 (a free port)
/// inside the test process, answering each route with recorded answers in turn (the last
/// one repeats) and recording every request. One response per connection.
final class HubStub: Sendable {
    struct Answer: Sendable {
        var status: Int
        var headers: [String: String] = [:]
        var body: String

        /// A recorded JSON file of `Fixtures/hub`, with `{endpoint}` standing for the stub's address.
        static func fixture(_ name: String, status: Int = 200, headers: [String: String] = [:]) -> Answer {
            let url = CLI.fixture("hub/\(name)")
            let text = (try? String(contentsOf: url, encoding: .utf8)) ?? "missing fixture \(name)"
            return Answer(status: status, headers: headers, body: text)
        }

        static func json(_ body: String, status: Int = 200, headers: [String: String] = [:]) -> Answer {
            Answer(status: status, headers: headers, body: body)
        }
    }

    struct Request: Sendable {
        /// The request target with percent-escapes decoded, e.g. `/api/models?filter=base_model:finetune:a/b&limit=1000`.
        var target: String
        var authorization: String?
    }

    let port: UInt16
    var endpoint: String { "http://127.0.0.1:\(port)" }
    private let listener: Int32
    private let state: Mutex<(routes: [String: [Answer]], requests: [Request])>

    /// - Parameter routes: decoded request target → answers, e.g. `"/api/models/a/b?expand[]=downloads&..."`.
    init(_ routes: [String: [Answer]]) throws {
        let descriptor = socket(AF_INET, Self.streamType, 0)
        guard descriptor >= 0 else { throw StubError("socket() failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = in_addr_t(0x7F00_0001).bigEndian
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(descriptor, 64) == 0 else {
            close(descriptor)
            throw StubError("bind/listen on 127.0.0.1 failed")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        listener = descriptor
        port = UInt16(bigEndian: address.sin_port)
        state = Mutex((routes, []))
        signal(SIGPIPE, SIG_IGN)
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    /// Stops accepting; `shutdown` wakes the thread blocked in `accept`.
    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    var requests: [Request] { state.withLock { $0.requests } }

    /// A port nothing listens on, for a Hub that cannot be reached.
    static func closedPort() throws -> UInt16 {
        let stub = try HubStub([:])
        stub.stop()
        return stub.port
    }

    private func acceptLoop() {
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                if errno == EINTR { continue }
                return
            }
            Thread.detachNewThread { [self] in serve(connection) }
        }
    }

    private func serve(_ connection: Int32) {
        defer { close(connection) }
        guard let head = readHead(connection) else { return }
        let lines = head.components(separatedBy: "\r\n")
        let parts = lines.first?.split(separator: " ") ?? []
        guard parts.count == 3 else { return }
        let target = String(parts[1]).removingPercentEncoding ?? String(parts[1])
        let authorization = lines.dropFirst().first { $0.lowercased().hasPrefix("authorization:") }
            .map { String($0.dropFirst("authorization:".count)).trimmingCharacters(in: .whitespaces) }
        let answer: Answer = state.withLock { state in
            state.requests.append(Request(target: target, authorization: authorization))
            guard var queue = state.routes[target], let first = queue.first else {
                return .json(#"{"error":"Repository not found"}"#, status: 404)
            }
            if queue.count > 1 { queue.removeFirst() }
            state.routes[target] = queue
            return first
        }
        respond(connection, answer)
    }

    private func respond(_ connection: Int32, _ answer: Answer) {
        let body = Data(answer.body.replacingOccurrences(of: "{endpoint}", with: endpoint).utf8)
        var head = "HTTP/1.1 \(answer.status) \(Self.reason(answer.status))\r\nContent-Type: application/json; charset=utf-8\r\n"
        for (name, value) in answer.headers.sorted(by: { $0.key < $1.key }) {
            head += "\(name): \(value.replacingOccurrences(of: "{endpoint}", with: endpoint))\r\n"
        }
        head += "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        let bytes = Data(head.utf8) + body
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let sent = send(connection, base + offset, buffer.count - offset, 0)
                guard sent > 0 else { return }
                offset += sent
            }
        }
    }

    private func readHead(_ connection: Int32) -> String? {
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while received.count < 65_536 {
            let count = chunk.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return nil }
            received += chunk[0..<count]
            if let end = received.firstRange(of: Array("\r\n\r\n".utf8)) {
                return String(decoding: received[..<end.lowerBound], as: UTF8.self)
            }
        }
        return nil
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 429: "Too Many Requests"
        default: "Status"
        }
    }

    private static var streamType: Int32 {
        #if canImport(Glibc)
        Int32(SOCK_STREAM.rawValue)
        #else
        SOCK_STREAM
        #endif
    }
}

struct StubError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
