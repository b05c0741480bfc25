import Foundation
import SystemPackage
#if canImport(Glibc)
import Glibc
#endif

/// The few POSIX calls the content reader and the site writer need, wrapped so errors carry
/// the system's words and every call is retried when a signal interrupts it.
///
/// Plain open/read/write through swift-system's `FileDescriptor` (which retries on EINTR),
/// lstat, readdir, mkdir, link and rename: Foundation's Data.write, file attributes and
/// URL-based enumeration cost six to ten times more per file, which dominated reading
/// 10,000 manifests and writing a 40,000-file site.
package enum FileSystemCalls {
    package struct Failure: Error, Sendable {
        package var path: String
        package var reason: String

        package init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }

        init(_ path: String, _ errno: Errno) {
            self.path = path
            reason = String(cString: strerror(errno.rawValue))
        }
    }

    package static func lastError(_ path: String) -> Failure { Failure(path, Errno(rawValue: errno)) }

    /// Runs a call that returns -1 and sets errno on failure, again while a signal interrupts it.
    @discardableResult
    package static func retrying(_ call: () -> Int32) -> Int32 {
        while true {
            let result = call()
            if result == -1, errno == EINTR { continue }
            return result
        }
    }

    package static func makeDirectory(_ path: String) throws(Failure) {
        guard retrying({ mkdir(path, 0o755) }) == 0 || errno == EEXIST else { throw lastError(path) }
    }

    /// A file's size and modification time (nanoseconds): what a build stamp records.
    package struct Times: Sendable, Equatable {
        package var size: Int
        package var modified: Int

        init(_ info: stat) {
            size = Int(info.st_size)
            modified = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
        }
    }

    /// Writes the file and returns its size and modification time, taken from the open
    /// descriptor so a stamp need not walk the tree again afterwards.
    @discardableResult
    package static func writeFile(_ path: String, _ data: Data) throws(Failure) -> Times {
        try writeFile(path, data, options: [.create, .truncate, .closeOnExec])
    }

    /// Adds the bytes to the end of the file (creating it when it is absent) and returns
    /// its size and modification time afterwards.
    @discardableResult
    package static func appendToFile(_ path: String, _ data: Data) throws(Failure) -> Times {
        try writeFile(path, data, options: [.create, .append, .closeOnExec])
    }

    private static func writeFile(_ path: String, _ data: Data, options: FileDescriptor.OpenOptions) throws(Failure) -> Times {
        do {
            let descriptor = try FileDescriptor.open(FilePath(path), .writeOnly, options: options, permissions: [.ownerReadWrite, .groupRead, .otherRead])
            return try descriptor.closeAfter {
                _ = try descriptor.writeAll(data)
                var info = stat()
                guard retrying({ fstat(descriptor.rawValue, &info) }) == 0 else { throw Errno(rawValue: errno) }
                return Times(info)
            }
        } catch let error as Errno {
            throw Failure(path, error)
        } catch {
            throw Failure(path, .ioError)
        }
    }

    /// Size and modification time of what is at `path` (a link is not followed).
    package static func times(_ path: String) -> Times? {
        var info = stat()
        return retrying({ lstat(path, &info) }) == 0 ? Times(info) : nil
    }

    /// `count` bytes of the file from `offset`, or nil when it cannot be read or ends sooner.
    package static func readFile(_ path: String, offset: Int, count: Int) -> Data? {
        guard let descriptor = try? FileDescriptor.open(FilePath(path), .readOnly, options: [.closeOnExec]) else { return nil }
        defer { try? descriptor.close() }
        var data = Data(count: count)
        let complete = data.withUnsafeMutableBytes { buffer -> Bool in
            var done = 0
            while done < buffer.count {
                let slice = UnsafeMutableRawBufferPointer(rebasing: buffer[done...])
                guard let read = try? descriptor.read(fromAbsoluteOffset: Int64(offset + done), into: slice), read > 0 else { return false }
                done += read
            }
            return true
        }
        return complete ? data : nil
    }

    /// The whole file, or nil when it cannot be read.
    package static func readFile(_ path: String, expectedSize: Int) -> Data? {
        readFile(path, offset: 0, count: expectedSize)
    }

    /// A whole file whose size is not known in advance.
    package static func readFile(_ path: String) -> Data? {
        var info = stat()
        guard retrying({ stat(path, &info) }) == 0 else { return nil }
        return readFile(path, expectedSize: Int(info.st_size))
    }

    package static func hardLink(_ existing: String, _ new: String) -> Bool {
        retrying { link(existing, new) } == 0
    }

    package static func rename(_ old: String, _ new: String) throws(Failure) {
        guard retrying({ Glibc.rename(old, new) }) == 0 else { throw lastError(old) }
    }

    package static func removeFile(_ path: String) {
        retrying { unlink(path) }
    }

    /// The names in a folder (without `.` and `..`), or nil when it cannot be listed.
    package static func names(in directory: String) -> [String]? {
        guard let handle = opendir(directory) else { return nil }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// The names in a folder as the bytes the file system holds (without `.` and `..`),
    /// or nil when it cannot be listed. `names(in:)` and Foundation turn a name that is
    /// not UTF-8 into a string with U+FFFD (or drop it), and that file can then be neither
    /// opened nor reported: content reading must see those names to refuse them.
    package static func nameBytes(in directory: String) -> [[UInt8]]? {
        guard let handle = opendir(directory) else { return nil }
        defer { closedir(handle) }
        var names: [[UInt8]] = []
        while let entry = readdir(handle) {
            // d_name is a fixed array of bytes ending at the first NUL.
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if name != Array(".".utf8) && name != Array("..".utf8) { names.append(name) }
        }
        return names
    }

    /// Calls `visit` with the relative path and `lstat` of every entry below `root` that
    /// is not a folder (symbolic links are reported, never followed).
    package static func walk(under root: String, _ visit: (String, stat) -> Void) {
        func walk(_ directory: String, _ prefix: String) {
            for name in names(in: directory) ?? [] {
                let path = directory + "/" + name, relative = prefix + name
                var info = stat()
                guard retrying({ lstat(path, &info) }) == 0 else { continue }
                if info.st_mode & S_IFMT == S_IFDIR { walk(path, relative + "/") } else { visit(relative, info) }
            }
        }
        walk(root, "")
    }

    /// Regular files below `root` (relative paths with `/`) and their sizes. Symbolic
    /// links are listed with size -1, so they are never trusted as unchanged.
    package static func regularFiles(under root: String) -> [String: Int] {
        var files: [String: Int] = [:]
        walk(under: root) { relative, info in
            files[relative] = info.st_mode & S_IFMT == S_IFREG ? Int(info.st_size) : -1
        }
        return files
    }

    /// Files below `root` with their sizes and modification times (in nanoseconds), for
    /// noticing that an output file was touched.
    package static func regularFilesWithTimes(under root: String) -> [String: Times] {
        var files: [String: Times] = [:]
        walk(under: root) { relative, info in files[relative] = Times(info) }
        return files
    }

    package enum Kind: Sendable { case missing, file, directory, symbolicLink, other }

    /// What is at `path`, without following a symbolic link.
    package static func kind(_ path: String) -> Kind {
        var info = stat()
        guard retrying({ lstat(path, &info) }) == 0 else { return .missing }
        return kind(of: info)
    }

    /// What is at `path` (a link is not followed) and, for a regular file, its bytes (nil
    /// when they cannot be read): one `lstat` serves both.
    package static func kindAndContents(_ path: String) -> (kind: Kind, contents: Data?) {
        var info = stat()
        guard retrying({ lstat(path, &info) }) == 0 else { return (.missing, nil) }
        let kind = kind(of: info)
        return (kind, kind == .file ? readFile(path, expectedSize: Int(info.st_size)) : nil)
    }

    private static func kind(of info: stat) -> Kind {
        switch info.st_mode & S_IFMT {
        case S_IFREG: .file
        case S_IFDIR: .directory
        case S_IFLNK: .symbolicLink
        default: .other
        }
    }

    package static func exists(_ path: String) -> (exists: Bool, isDirectory: Bool) {
        var info = stat()
        guard retrying({ stat(path, &info) }) == 0 else { return (false, false) }
        return (true, info.st_mode & S_IFMT == S_IFDIR)
    }
}
