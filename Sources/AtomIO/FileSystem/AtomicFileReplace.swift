import Foundation
import SystemPackage
#if canImport(Glibc)
import Glibc
#endif

/// Replaces one file in a single rename, so a reader (or a crash) sees the old bytes or the
/// new ones, never half of each: the new bytes go to a temporary file in the same folder
/// (a rename does not cross file systems), are flushed, and take the old file's name.
public enum AtomicFileReplace {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// The file no longer holds what was read: someone edited it meanwhile.
        case changed(String)
        case system(path: String, reason: String)

        public var description: String {
            switch self {
            case .changed(let path): "'\(path)' changed while the command ran; expected it as it was read (run the command again)"
            case .system(let path, let reason): "could not write '\(path)': \(reason)"
            }
        }
    }

    /// - Parameters:
    ///   - path: the file to replace (or create).
    ///   - data: its new bytes.
    ///   - expected: what the file held when it was read; nil when it did not exist.
    public static func replace(_ path: String, with data: Data, expecting expected: Data?) throws(Failure) {
        var info = stat()
        let exists = FileSystemCalls.retrying({ stat(path, &info) }) == 0
        guard (exists ? FileSystemCalls.readFile(path) : nil) == expected else { throw .changed(path) }
        let permissions = exists ? FilePermissions(rawValue: CModeT(info.st_mode & 0o7777)) : [.ownerReadWrite, .groupRead, .otherRead]
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary = (folder.isEmpty ? "" : folder + "/") + ".\(name).atom-audit-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        do {
            let descriptor = try FileDescriptor.open(FilePath(temporary), .writeOnly, options: [.create, .exclusiveCreate, .closeOnExec],
                                                     permissions: permissions)
            try descriptor.closeAfter {
                _ = try descriptor.writeAll(data)
                // Flushed before the rename, so a crash cannot leave the name on empty blocks.
                guard FileSystemCalls.retrying({ fsync(descriptor.rawValue) }) == 0 else { throw Errno(rawValue: errno) }
            }
            try FileSystemCalls.rename(temporary, path)
        } catch let error as FileSystemCalls.Failure {
            FileSystemCalls.removeFile(temporary)
            throw .system(path: path, reason: error.reason)
        } catch let error as Errno {
            FileSystemCalls.removeFile(temporary)
            throw .system(path: path, reason: String(cString: strerror(error.rawValue)))
        } catch {
            FileSystemCalls.removeFile(temporary)
            throw .system(path: path, reason: "\(error)")
        }
    }
}
