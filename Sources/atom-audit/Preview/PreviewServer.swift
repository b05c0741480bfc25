import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small HTTP/1.1 server on BSD sockets for the local preview: it listens on
/// 127.0.0.1 only (never on the network), answers each connection on its own thread
/// and closes it after one response. That is all a browser on the same machine needs,
/// and it keeps the command free of a server framework.
final class PreviewServer: Sendable {
    /// The port actually bound; differs from the one asked for when that was 0.
    let port: UInt16
    private let listener: Int32
    private let handler: SiteRequestHandler

    enum StartFailure: Error, CustomStringConvertible {
        case portInUse(UInt16)
        case notPermitted(UInt16)
        case socket(String)

        var description: String {
            switch self {
            case .portInUse(let port): "port \(port) on 127.0.0.1 is already in use; choose another with --port (0 picks a free one)"
            case .notPermitted(let port): "not allowed to listen on port \(port); ports below 1024 need extra privileges, choose another with --port"
            case .socket(let what): "could not start the preview server: \(what)"
            }
        }
    }

    init(port requested: UInt16, handler: SiteRequestHandler) throws(StartFailure) {
        let descriptor = socket(AF_INET, Self.streamType, 0)
        guard descriptor >= 0 else { throw .socket("socket(): \(Self.lastError)") }
        // Lets the preview restart at once on the same port after Ctrl-C.
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))

        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = requested.bigEndian
        address.sin_addr.s_addr = Self.loopback
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(descriptor, 64) == 0 else {
            let code = errno, message = Self.lastError
            close(descriptor)
            switch code {
            case EADDRINUSE: throw .portInUse(requested)
            case EACCES: throw .notPermitted(requested)
            default: throw .socket("bind/listen on 127.0.0.1:\(requested): \(message)")
            }
        }
        listener = descriptor
        port = Self.boundPort(of: descriptor) ?? requested
        self.handler = handler
    }

    deinit { close(listener) }

    /// Starts accepting connections on a background thread and returns at once.
    func start() {
        // A browser that hangs up mid-response must not kill the preview: without this,
        // writing to its closed socket raises SIGPIPE, whose default action is to exit.
        signal(SIGPIPE, SIG_IGN)
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    private func acceptLoop() {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else {
                // Out of descriptors or interrupted: wait a moment rather than spin.
                if errno != EINTR { usleep(50_000) }
                continue
            }
            let handler = handler
            Thread.detachNewThread { PreviewConnection(descriptor: connection, handler: handler).serve() }
        }
    }

    // MARK: Platform details

    private static var streamType: Int32 {
        #if canImport(Glibc)
        Int32(SOCK_STREAM.rawValue)
        #else
        SOCK_STREAM
        #endif
    }

    private static let loopback = in_addr_t(0x7F00_0001).bigEndian  // 127.0.0.1

    private static var lastError: String { String(cString: strerror(errno)) }

    private static func boundPort(of descriptor: Int32) -> UInt16? {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let status = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return status == 0 ? UInt16(bigEndian: address.sin_port) : nil
    }
}

/// One accepted connection: read the request head, answer, close.
struct PreviewConnection {
    let descriptor: Int32
    let handler: SiteRequestHandler

    /// A client that connects and sends nothing (browsers pre-open sockets) frees
    /// its thread after this long.
    static let timeoutSeconds = 10

    func serve() {
        defer { close(descriptor) }
        setTimeouts()
        let response: HTTPResponse
        var includeBody = true
        switch readHead() {
        case .closed:
            return
        case .tooLarge:
            response = .text(.requestHeaderFieldsTooLarge, "the request head is too large")
        case .head(let bytes):
            do {
                let request = try HTTPRequest(head: bytes)
                includeBody = request.method != "HEAD"
                response = handler.respond(to: request)
            } catch {
                response = .text(.badRequest, "not an HTTP/1.x request")
            }
        }
        write(response.serialized(includeBody: includeBody))
    }

    private enum Head { case head([UInt8]), tooLarge, closed }

    private func readHead() -> Head {
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return .closed }
            received += chunk[0..<count]
            if let end = received.firstRange(of: HTTPRequest.headTerminator) { return .head(Array(received[..<end.lowerBound])) }
            if received.count > HTTPRequest.maximumHeadSize { return .tooLarge }
        }
    }

    private func write(_ data: Data) {
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let sent = send(descriptor, base + offset, buffer.count - offset, 0)
                guard sent > 0 else { return }
                offset += sent
            }
        }
    }

    private func setTimeouts() {
        var timeout = timeval(tv_sec: Self.timeoutSeconds, tv_usec: 0)
        let size = socklen_t(MemoryLayout<timeval>.size)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, size)
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, size)
    }
}
