import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The few POSIX calls the writer needs, wrapped so errors carry the system's words.
///
/// Plain open/write/close and readdir: Foundation's Data.write and URL-based
/// enumeration cost six to ten times more per file, which dominated writing a
/// 40,000-file site.
enum FileSystemCalls {
    struct Failure: Error {
        var path: String
        var reason: String
    }

    static func lastError(_ path: String) -> Failure {
        Failure(path: path, reason: String(cString: strerror(errno)))
    }

    static func makeDirectory(_ path: String) throws(Failure) {
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw lastError(path) }
    }

    static func writeFile(_ path: String, _ data: Data) throws(Failure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
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
    }

    /// The whole file, or nil when it cannot be read.
    static func readFile(_ path: String, expectedSize: Int) -> Data? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var data = Data(count: expectedSize)
        let complete = data.withUnsafeMutableBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let count = read(descriptor, buffer.baseAddress?.advanced(by: offset), buffer.count - offset)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return false }
                offset += count
            }
            return true
        }
        return complete ? data : nil
    }

    static func hardLink(_ existing: String, _ new: String) -> Bool {
        link(existing, new) == 0
    }

    /// Regular files below `root` (relative paths with `/`) and their sizes. Symbolic
    /// links are listed as files of unknown size, so they are never trusted as unchanged.
    static func regularFiles(under root: String) -> [String: Int] {
        var files: [String: Int] = [:]
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
                switch info.st_mode & S_IFMT {
                case S_IFDIR: walk(path, relative + "/")
                case S_IFREG: files[relative] = Int(info.st_size)
                default: files[relative] = -1
                }
            }
        }
        walk(root, "")
        return files
    }

    /// Removes a folder tree, without following symbolic links.
    static func removeTree(_ path: String) {
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

    static func exists(_ path: String) -> (exists: Bool, isDirectory: Bool) {
        var info = stat()
        guard stat(path, &info) == 0 else { return (false, false) }
        return (true, info.st_mode & S_IFMT == S_IFDIR)
    }
}
