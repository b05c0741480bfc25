import AtomIO
import Foundation

/// The hidden folder beside the output where the new site is assembled: unchanged files
/// hard-linked from the current site, changed ones written, on all cores.
final class StagingArea {
    let path: String
    let output: String
    /// The current output's file sizes, for copying where hard links are refused.
    private let existing: [String: Int]
    private var createdDirectories: Set<String> = [""]
    /// Size and modification time of every staged file, as the build stamp needs them.
    private(set) var times: [String: FileSystemCalls.Times] = [:]
    /// The first staged path of each small file's bytes (see `twinLimit`).
    private var firstCopies: [Data: String] = [:]

    /// Small files whose bytes equal a file staged before are hard-linked to it, not
    /// written again: 10,000 badges come in a few hundred forms (tier and points), and
    /// a link costs the kernel no new inode and no data. Larger files are not hashed.
    static let twinLimit = 2048

    /// Makes the staging folder.
    init(path: String, output: String, existing: [String: Int]) throws(SiteWriter.Failure) {
        self.path = path
        self.output = output
        self.existing = existing
        do {
            try FileSystemCalls.makeDirectory(path)
        } catch {
            throw .io(output, underlying: "'\(error.path)': \(error.reason)")
        }
    }

    /// A file of the new site: bytes to write, or nil to link the current output's copy.
    struct Item: Sendable {
        var path: String
        var contents: Data?
    }

    /// How a file of the new site gets into the staging folder.
    private enum Action: Sendable {
        case write(Data)
        /// Unchanged: a hard link to the current output's copy.
        case linkCurrent
        /// The same bytes as a small file staged in an earlier batch: a hard link to it.
        case linkStaged(original: String, contents: Data)
    }

    /// Links unchanged files from the current output and writes the others.
    func stage(_ files: [Item]) throws(SiteWriter.Failure) {
        // Small files whose bytes were staged already become links (see `twinLimit`):
        // to a file of an earlier batch right away, to one of this batch afterwards.
        var items: [(path: String, action: Action)] = []
        var lateTwins: [(path: String, original: String, contents: Data)] = []
        items.reserveCapacity(files.count)
        for file in files {
            guard let contents = file.contents else {
                items.append((file.path, .linkCurrent))
                continue
            }
            if contents.count <= Self.twinLimit {
                if let original = firstCopies[contents] {
                    if times[original] != nil {
                        items.append((file.path, .linkStaged(original: original, contents: contents)))
                    } else {
                        lateTwins.append((file.path, original, contents))
                    }
                    continue
                }
                firstCopies[contents] = file.path
            }
            items.append((file.path, .write(contents)))
        }
        let madeByWorkers = try makeFolders(for: files.map(\.path))
        try write(items, makingFolders: madeByWorkers)
        // Twins of files written just above.
        for twin in lateTwins {
            do throws(FileSystemCalls.Failure) {
                times[twin.path] = try Self.link(path + "/" + twin.original, to: path + "/" + twin.path, orWrite: twin.contents)
            } catch {
                throw .io(output, underlying: "'\(twin.path)': \(error.reason)")
            }
        }
    }

    /// Makes the folders these files need, but for those that hold no other new folder:
    /// those are returned, for the worker that fills each to make (so the mkdirs of 256
    /// scorecard folders run alongside other writing).
    private func makeFolders(for paths: [String]) throws(SiteWriter.Failure) -> Set<String> {
        var missing: Set<String> = []
        for file in paths {
            var folder = Substring(file)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                if createdDirectories.contains(String(folder)) { break }
                missing.insert(String(folder))
            }
        }
        // A path that is a file and a folder at once fails the same way whichever
        // worker gets there first: say so before writing anything.
        for file in paths where missing.contains(file) || createdDirectories.contains(file) {
            throw .io(output, underlying: "'\(file)' is both a file and a folder; expected each path to be one or the other")
        }
        let holdersOfNew = Set(missing.map(Self.folder(of:)))
        let madeByWorkers = missing.subtracting(holdersOfNew)
        // Parents sort before their children, so each mkdir finds its parent made.
        for folder in missing.subtracting(madeByWorkers).sorted() {
            do {
                try FileSystemCalls.makeDirectory(path + "/" + folder)
            } catch {
                throw .io(output, underlying: "'\(folder)': \(error.reason)")
            }
            createdDirectories.insert(folder)
        }
        return madeByWorkers
    }

    /// Writes and links, one worker per folder at a time: creating files in one folder
    /// from two threads makes them queue on the folder's lock in the kernel.
    private func write(_ items: [(path: String, action: Action)], makingFolders madeByWorkers: Set<String>) throws(SiteWriter.Failure) {
        let output = self.output, staging = self.path, existing = self.existing
        let byFolder = Dictionary(grouping: items) { Self.folder(of: $0.path) }
        let groups = byFolder.keys.sorted().compactMap { key in byFolder[key].map { (folder: key, items: $0) } }
        let outcomes = groups.parallelMap { group -> (times: [(String, FileSystemCalls.Times)], failure: String?) in
            var times: [(String, FileSystemCalls.Times)] = []
            times.reserveCapacity(group.items.count)
            if madeByWorkers.contains(group.folder) {
                do throws(FileSystemCalls.Failure) {
                    try FileSystemCalls.makeDirectory(staging + "/" + group.folder)
                } catch {
                    return (times, "'\(group.folder)': \(error.reason)")
                }
            }
            for item in group.items {
                let target = staging + "/" + item.path
                do throws(FileSystemCalls.Failure) {
                    switch item.action {
                    case .write(let contents):
                        times.append((item.path, try FileSystemCalls.writeFile(target, contents)))
                    case .linkStaged(let original, let contents):
                        times.append((item.path, try Self.link(staging + "/" + original, to: target, orWrite: contents)))
                    case .linkCurrent:
                        times.append((item.path, try Self.linkOrCopy(output + "/" + item.path, to: target, size: existing[item.path] ?? 0)))
                    }
                } catch {
                    return (times, "'\(item.path)': \(error.reason)")
                }
            }
            return (times, nil)
        }
        createdDirectories.formUnion(madeByWorkers)
        if let failure = outcomes.compactMap(\.failure).first { throw .io(output, underlying: failure) }
        for outcome in outcomes {
            for (path, times) in outcome.times { self.times[path] = times }
        }
    }

    /// Adds bytes to the staged copy of a file that arrives in parts, making its folders first.
    func append(_ contents: Data, to file: String) throws(SiteWriter.Failure) {
        var folders: [String] = []
        var folder = Substring(file)
        while let slash = folder.lastIndex(of: "/") {
            folder = folder[..<slash]
            if createdDirectories.contains(String(folder)) { break }
            folders.append(String(folder))
        }
        do throws(FileSystemCalls.Failure) {
            for folder in folders.reversed() {
                try FileSystemCalls.makeDirectory(path + "/" + folder)
                createdDirectories.insert(folder)
            }
            try FileSystemCalls.appendToFile(path + "/" + file, contents)
        } catch {
            throw .io(output, underlying: "'\(error.path)': \(error.reason)")
        }
    }

    /// Records the size and time of a file whose last part was appended.
    func completeStream(_ file: String) throws(SiteWriter.Failure) {
        guard let staged = FileSystemCalls.times(path + "/" + file) else {
            throw .io(output, underlying: "'\(file)': the staged copy cannot be examined")
        }
        times[file] = staged
    }

    /// Replaces a file appended in parts by a link to the current copy (it turned out the same).
    func relink(_ file: String) throws(SiteWriter.Failure) {
        FileSystemCalls.removeFile(path + "/" + file)
        try stage([Item(path: file, contents: nil)])
    }

    /// Removes the staging folder and everything in it.
    func remove() { TreeRemover.remove(path) }

    // MARK: Links

    private static func folder(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
    }

    /// A hard link to a staged file, or the bytes written out where there are no links.
    static func link(_ original: String, to target: String, orWrite contents: Data) throws(FileSystemCalls.Failure) -> FileSystemCalls.Times {
        guard FileSystemCalls.hardLink(original, target) else { return try FileSystemCalls.writeFile(target, contents) }
        guard let times = FileSystemCalls.times(target) else { throw FileSystemCalls.lastError(target) }
        return times
    }

    /// A hard link to the current output's copy or, on a file system without hard links,
    /// a copy of its bytes.
    static func linkOrCopy(_ current: String, to target: String, size: Int) throws(FileSystemCalls.Failure) -> FileSystemCalls.Times {
        if FileSystemCalls.hardLink(current, target) {
            guard let linked = FileSystemCalls.times(target) else { throw FileSystemCalls.lastError(target) }
            return linked
        }
        guard let contents = FileSystemCalls.readFile(current, expectedSize: size) else {
            throw FileSystemCalls.Failure(path: current, reason: "the current copy could not be read")
        }
        return try FileSystemCalls.writeFile(target, contents)
    }
}
