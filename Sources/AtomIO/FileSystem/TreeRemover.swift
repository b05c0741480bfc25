#if canImport(Glibc)
import Glibc
#endif

/// Removes folder trees in this process: no `rm` to spawn, no child that outlives the build.
package enum TreeRemover {
    /// Removes `path` and everything below it, never following a symbolic link. What cannot
    /// be removed stays; the next build's clean-up tries again.
    package static func remove(_ path: String) {
        var info = stat()
        guard FileSystemCalls.retrying({ lstat(path, &info) }) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            FileSystemCalls.removeFile(path)
            return
        }
        for name in FileSystemCalls.names(in: path) ?? [] { remove(path + "/" + name) }
        FileSystemCalls.retrying { rmdir(path) }
    }
}
