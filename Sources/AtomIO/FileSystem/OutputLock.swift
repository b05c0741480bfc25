import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One build at a time per output folder: an exclusive `flock` on `.<name>.atom-audit-lock`
/// beside it, holding the owner's pid, removed when the build ends. The kernel drops the
/// lock when its process dies, so a killed build never blocks the next one (its file stays
/// until then), and whoever holds the lock knows that every staging, old or trash folder
/// beside the output belongs to a build that is gone.
// Unchecked: the descriptor is written once, in `release`, by the one thread that owns the build.
public final class OutputLock: @unchecked Sendable {
    public struct Busy: Error, Sendable {
        public var output: String
        public var pid: Int32?
    }

    package let path: String
    private var descriptor: Int32

    /// Takes the lock, or throws `Busy` at once (with the holder's pid when it can be read).
    public static func acquire(for output: String) throws(Busy) -> OutputLock {
        let path = location(for: output)
        while true {
            let descriptor = FileSystemCalls.retrying { open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644) }
            // A folder that cannot hold the lock file cannot hold the site either; the writer says why.
            guard descriptor >= 0 else { return OutputLock(path: path, descriptor: -1) }
            guard FileSystemCalls.retrying({ flock(descriptor, LOCK_EX | LOCK_NB) }) == 0 else {
                let holder = FileSystemCalls.readFile(path).flatMap { Int32(String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) }
                close(descriptor)
                throw Busy(output: output, pid: holder)
            }
            // The holder before us removes the file as it lets go: if it did so after we
            // opened it, our lock is on a file nobody else will ever open. Start again.
            var opened = stat(), current = stat()
            guard fstat(descriptor, &opened) == 0, stat(path, &current) == 0,
                  opened.st_ino == current.st_ino, opened.st_dev == current.st_dev else {
                close(descriptor)
                continue
            }
            let pid = Data("\(getpid())\n".utf8)
            _ = FileSystemCalls.retrying { ftruncate(descriptor, 0) }
            pid.withUnsafeBytes { bytes in _ = pwrite(descriptor, bytes.baseAddress, bytes.count, 0) }
            return OutputLock(path: path, descriptor: descriptor)
        }
    }

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    /// `.<name>.atom-audit-lock` in the folder that holds the output.
    package static func location(for output: String) -> String {
        let trimmed = output.hasSuffix("/") && output.count > 1 ? String(output.dropLast()) : output
        return (trimmed as NSString).deletingLastPathComponent + "/." + (trimmed as NSString).lastPathComponent + ".atom-audit-lock"
    }

    public func release() {
        guard descriptor >= 0 else { return }
        // Removed while still locked, so no leftover stays beside the output; a build that
        // opened it meanwhile notices (see `acquire`). Closing drops the lock.
        FileSystemCalls.removeFile(path)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
