import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A client connection for the preview's load tests, with control over what is sent
/// and when, and over how fast it reads.
final class TestSocket {
    let descriptor: Int32

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// - Parameters:
    ///   - receiveBuffer: a small buffer makes the server's sends stall once it is full,
    ///     so the connection stays busy until the test reads it.
    ///   - timeout: a safety net for a test that would otherwise wait forever, not a
    ///     measurement: every read gives up after it.
    init(port: UInt16, receiveBuffer: Int32? = nil, timeout: Int = 30) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "socket() failed") }
        if var size = receiveBuffer {
            setsockopt(descriptor, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        var wait = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = in_addr_t(0x7F00_0001).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(descriptor)
            throw Failure(description: "could not connect to port \(port)")
        }
    }

    deinit { close(descriptor) }

    /// Sends the text; false when the server has closed the connection.
    @discardableResult
    func send(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } == bytes.count
    }

    /// Up to `count` bytes, waiting for the first; empty when the server closed the connection.
    func receive(upTo count: Int) throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        let received = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        if received < 0 {
            if errno == ECONNRESET { return [] }
            throw Failure(description: "no answer from the server (\(String(cString: strerror(errno))))")
        }
        return Array(buffer[0..<received])
    }

    /// Everything until the server closes the connection.
    func receiveAll() throws -> [UInt8] {
        var all: [UInt8] = []
        while true {
            let chunk = try receive(upTo: 1 << 20)
            if chunk.isEmpty { return all }
            all += chunk
        }
    }

    /// Whether the server has closed the connection, without waiting: reads (and drops)
    /// whatever has arrived, and looks for the end of the stream or a reset after it.
    var isClosedByServer: Bool {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let received = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            if received > 0 { continue }
            if received == 0 { return true }
            return errno != EAGAIN && errno != EWOULDBLOCK
        }
    }
}
