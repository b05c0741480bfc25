import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Notices changes under some folders by comparing snapshots of every file's
/// modification time, size and inode. Polling is plain and portable, works on every
/// file system (including mounted and network ones where inotify is silent) and costs
/// one `lstat` per file: a few milliseconds for thousands of manifests.
struct FolderWatcher {
    let folders: [String]

    /// What identifies one version of a file. The inode changes when an editor saves
    /// by writing a new file and renaming it over the old one.
    struct Stamp: Equatable {
        var seconds: Int
        var nanoseconds: Int
        var size: Int64
        var inode: UInt64
    }

    /// Every file under the watched folders, by path.
    typealias Snapshot = [String: Stamp]

    func snapshot() -> Snapshot {
        var files: Snapshot = [:]
        for folder in folders {
            guard let enumerator = FileManager.default.enumerator(atPath: folder) else { continue }
            while let relative = enumerator.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                // Editors' swap and backup files (.x.swp, .#x) are not content.
                if name.hasPrefix(".") {
                    enumerator.skipDescendants()
                    continue
                }
                let path = (folder as NSString).appendingPathComponent(relative)
                if let stamp = Self.stamp(of: path) { files[path] = stamp }
            }
        }
        return files
    }

    /// The paths added, removed or modified between two snapshots, sorted.
    static func changes(from old: Snapshot, to new: Snapshot) -> [String] {
        Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }.sorted()
    }

    /// Regular files only: a folder's own time changes with its files, which are watched anyway.
    private static func stamp(of path: String) -> Stamp? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        return Stamp(seconds: Int(time.tv_sec), nanoseconds: Int(time.tv_nsec), size: Int64(info.st_size), inode: UInt64(info.st_ino))
    }
}
