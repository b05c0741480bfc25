#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A regular file opened for a response, closed when the last reference goes: whether
/// the response finishes, the client hangs up or the server drops it, the descriptor is
/// released with the connection and never leaks.
///
/// The file is sent from this descriptor in chunks, so a response costs the same memory
/// whatever the file's size; and a rebuild that swaps the site folder mid-download does
/// not cut it short (the open file stays readable).
final class OpenFile {
    let descriptor: Int32
    let size: Int

    /// Opens `path` if it is a regular file; nil otherwise (missing, a folder, unreadable).
    init?(path: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            return nil
        }
        self.descriptor = descriptor
        size = Int(info.st_size)
    }

    deinit { close(descriptor) }

    /// Sends up to `count` bytes from `offset` to a non-blocking socket. Returns the
    /// number sent, 0 when the socket cannot take more now, nil when the transfer failed
    /// (the client went away, or the file shrank under a rebuild).
    func send(to socket: Int32, from offset: Int, count: Int) -> Int? {
        #if os(Linux)
        // The kernel copies from the page cache to the socket: no buffer here at all.
        var position = off_t(offset)
        while true {
            let sent = sendfile(socket, descriptor, &position, count)
            if sent > 0 { return sent }
            if sent == 0 { return nil }  // the file ended before its recorded size
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return 0
            default: return nil
            }
        }
        #else
        var buffer = [UInt8](repeating: 0, count: min(count, Self.chunkSize))
        let read = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, off_t(offset)) }
        guard read > 0 else { return nil }
        let sent = buffer.withUnsafeBytes { Darwin.send(socket, $0.baseAddress, read, 0) }
        if sent >= 0 { return sent }
        return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? 0 : nil
        #endif
    }

    /// How much one send moves at most: enough to keep a fast client busy, small enough
    /// that many downloads take turns.
    static let chunkSize = 256 * 1024
}
