import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small HTTP/1.1 server on BSD sockets for the local preview: it listens on
/// 127.0.0.1 only (never on the network), answers every connection from one event-loop
/// thread (`ConnectionLoop`) within `PreviewLimits`, and closes each connection after one
/// response. That is all a browser on the same machine needs, and it keeps the command
/// free of a server framework.
final class PreviewServer: Sendable {
    /// The port actually bound; differs from the one asked for when that was 0.
    let port: UInt16
    private let listener: Int32
    private let handler: SiteRequestHandler
    let limits: PreviewLimits

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

    init(port requested: UInt16, handler: SiteRequestHandler, limits: PreviewLimits = PreviewLimits()) throws(StartFailure) {
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
        // A deep queue: a burst of connections waits in the kernel (costing no descriptor)
        // until the loop accepts it, instead of being refused.
        guard bound == 0, listen(descriptor, Self.backlog) == 0, Self.makeNonBlocking(descriptor) else {
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
        self.limits = limits
    }

    deinit { close(listener) }

    /// Starts the connection loop on a thread of its own and returns at once.
    func start() {
        // A browser that hangs up mid-response must not kill the preview: without this,
        // writing to its closed socket raises SIGPIPE, whose default action is to exit.
        signal(SIGPIPE, SIG_IGN)
        let listener = listener, handler = handler, limits = limits
        Thread.detachNewThread { ConnectionLoop(listener: listener, handler: handler, limits: limits).run() }
    }

    // MARK: Platform details

    private static let backlog: Int32 = 1024

    private static var streamType: Int32 {
        #if canImport(Glibc)
        Int32(SOCK_STREAM.rawValue)
        #else
        SOCK_STREAM
        #endif
    }

    private static let loopback = in_addr_t(0x7F00_0001).bigEndian  // 127.0.0.1

    private static var lastError: String { String(cString: strerror(errno)) }

    /// Non-blocking (the loop never waits on one socket) and closed in any child process.
    static func makeNonBlocking(_ descriptor: Int32) -> Bool {
        let flags = fcntl(descriptor, F_GETFL)
        return flags >= 0 && fcntl(descriptor, F_SETFL, flags | O_NONBLOCK) == 0 && fcntl(descriptor, F_SETFD, FD_CLOEXEC) == 0
    }

    private static func boundPort(of descriptor: Int32) -> UInt16? {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let status = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return status == 0 ? UInt16(bigEndian: address.sin_port) : nil
    }
}
