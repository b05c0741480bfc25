import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The few POSIX calls the content reader and the site writer need, wrapped so errors carry the system's words.
///
/// Plain open/read/write/close, lstat and readdir: Foundation's Data.write, file
/// attributes and URL-based enumeration cost six to ten times more per file, which
/// dominated reading 10,000 manifests and writing a 40,000-file site.
package enum FileSystemCalls {
    package struct Failure: Error {
        package var path: String
        package var reason: String
    }

    package static func lastError(_ path: String) -> Failure {
        Failure(path: path, reason: String(cString: strerror(errno)))
    }

    package static func makeDirectory(_ path: String) throws(Failure) {
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw lastError(path) }
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
        try writeFile(path, data, flags: O_TRUNC)
    }

    /// Adds the bytes to the end of the file (creating it when it is absent) and returns
    /// its size and modification time afterwards.
    @discardableResult
    package static func appendToFile(_ path: String, _ data: Data) throws(Failure) -> Times {
        try writeFile(path, data, flags: O_APPEND)
    }

    private static func writeFile(_ path: String, _ data: Data, flags: Int32) throws(Failure) -> Times {
        let descriptor = open(path, O_WRONLY | O_CREAT | flags | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw lastError(path) }
        defer { close(descriptor) }
        var failure: Failure?
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress?.advanced(by: offset), buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = lastError(path)
                    return
                }
                offset += written
            }
        }
        if let failure { throw failure }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw lastError(path) }
        return Times(info)
    }

    /// Size and modification time of what is at `path` (a link is not followed).
    package static func times(_ path: String) -> Times? {
        var info = stat()
        return lstat(path, &info) == 0 ? Times(info) : nil
    }

    /// `count` bytes of the file from `offset`, or nil when it cannot be read or ends sooner.
    package static func readFile(_ path: String, offset: Int, count: Int) -> Data? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var data = Data(count: count)
        let complete = data.withUnsafeMutableBytes { buffer -> Bool in
            var done = 0
            while done < buffer.count {
                let read = pread(descriptor, buffer.baseAddress?.advanced(by: done), buffer.count - done, off_t(offset + done))
                if read < 0, errno == EINTR { continue }
                guard read > 0 else { return false }
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

    package static func hardLink(_ existing: String, _ new: String) -> Bool {
        link(existing, new) == 0
    }

    /// Calls `visit` with the relative path and `lstat` of every entry below `root` that
    /// is not a folder (symbolic links are reported, never followed).
    package static func walk(under root: String, _ visit: (String, stat) -> Void) {
        func walk(_ directory: String, _ prefix: String) {
            guard let handle = opendir(directory) else { return }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = withUnsafePointer(to: entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                }
                if name == "." || name == ".." { continue }
                let path = directory + "/" + name, relative = prefix + name
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
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

    /// Removes a folder tree, without following symbolic links.
    package static func removeTree(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if info.st_mode & S_IFMT == S_IFDIR {
            if let handle = opendir(path) {
                var names: [String] = []
                while let entry = readdir(handle) {
                    let name = withUnsafePointer(to: entry.pointee.d_name) {
                        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                    }
                    if name != "." && name != ".." { names.append(name) }
                }
                closedir(handle)
                for name in names { removeTree(path + "/" + name) }
            }
            rmdir(path)
        } else {
            unlink(path)
        }
    }

    package enum Kind: Sendable { case missing, file, directory, symbolicLink, other }

    /// What is at `path`, without following a symbolic link.
    package static func kind(_ path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        return kind(of: info)
    }

    /// What is at `path` (a link is not followed) and, for a regular file, its bytes (nil
    /// when they cannot be read): one `lstat` serves both.
    package static func kindAndContents(_ path: String) -> (kind: Kind, contents: Data?) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return (.missing, nil) }
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

    /// A whole file whose size is not known in advance.
    package static func readFile(_ path: String) -> Data? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return readFile(path, expectedSize: Int(info.st_size))
    }

    package static func exists(_ path: String) -> (exists: Bool, isDirectory: Bool) {
        var info = stat()
        guard stat(path, &info) == 0 else { return (false, false) }
        return (true, info.st_mode & S_IFMT == S_IFDIR)
    }
}
