import AtomAudit
import Foundation

extension SiteWriter {
    /// One site being written: `add` batches of files, then `commit` (or `discard`).
    /// Used from one thread; each batch is compared and written on all cores.
    public final class Session {
        let output: String
        let parent: String
        let staging: String
        let outputExists: Bool
        /// The current output's files and their sizes.
        let existing: [String: Int]
        private var staged = false
        /// Unchanged files seen before anything changed: linked when staging starts.
        private var pendingUnchanged: [String] = []
        private var seen: Set<String> = []
        private var createdDirectories: Set<String> = [""]
        private var written = 0
        private var unchanged = 0
        /// Size and modification time of every staged file, as the build stamp needs them.
        private var stagedTimes: [String: FileSystemCalls.Times] = [:]
        /// The first staged path of each small file's bytes (see `twinLimit`).
        private var firstCopies: [Data: String] = [:]
        /// Files that come in parts (`OutputFile.Part`) and are not complete yet.
        private var streams: [String: Stream] = [:]

        /// A file arriving in parts. Each part is compared with the current copy at its
        /// offset and appended to the staged file, so the whole is never in memory; while
        /// nothing has differed yet and staging has not started, parts wait in `held`.
        private struct Stream {
            var size = 0
            /// Every part so far matched the current copy.
            var same: Bool
            var held: [Data] = []
        }

        /// Small files whose bytes equal a file staged before are hard-linked to it, not
        /// written again: 10,000 badges come in a few hundred forms (tier and points), and
        /// a link costs the kernel no new inode and no data. Larger files are not hashed.
        static let twinLimit = 2048

        /// Trees larger than this are removed by a background `rm` after the swap:
        /// unlinking tens of thousands of files takes seconds and nobody waits for it.
        static let backgroundRemovalThreshold = 5_000

        init(output: String) throws(Failure) {
            self.output = output
            parent = (output as NSString).deletingLastPathComponent
            let name = (output as NSString).lastPathComponent
            staging = parent + "/." + name + ".staging-" + UUID().uuidString
            guard FileSystemCalls.exists(parent).isDirectory else { throw .missingParent(parent) }
            let status = FileSystemCalls.exists(output)
            if status.exists, !status.isDirectory { throw .notADirectory(output) }
            outputExists = status.exists
            Self.removeLeftovers(beside: output)
            existing = outputExists ? FileSystemCalls.regularFiles(under: output) : [:]
        }

        public func add(_ files: [OutputFile]) throws(Failure) {
            for file in files {
                guard SiteWriter.isSafe(file.path) else { throw .unsafePath(file.path) }
                if file.startsAFile {
                    guard seen.insert(file.path).inserted else { throw .io(output, underlying: "'\(file.path)' is produced twice") }
                }
            }
            try addWholeFiles(files.filter { $0.part == .whole })
            for file in files where file.part != .whole { try addPart(file) }
        }

        private func addWholeFiles(_ files: [OutputFile]) throws(Failure) {
            let output = self.output, existing = self.existing
            let same = files.parallelMap { file -> Bool in
                guard existing[file.path] == file.contents.count else { return false }
                return FileSystemCalls.readFile(output + "/" + file.path, expectedSize: file.contents.count) == file.contents
            }
            let unchangedPaths = zip(files, same).filter(\.1).map(\.0.path)
            unchanged += unchangedPaths.count
            written += files.count - unchangedPaths.count
            if !staged, unchangedPaths.count == files.count {
                pendingUnchanged += unchangedPaths
                return
            }
            if !staged { try startStaging() }
            try stage(zip(files, same).map { file, isSame in
                StagedItem(path: file.path, contents: isSame ? nil : file.contents)
            })
        }

        public func commit() throws(Failure) -> Summary {
            if let unfinished = streams.keys.sorted().first {
                discard()
                throw .io(output, underlying: "'\(unfinished)' was begun but its last part never came")
            }
            let removed = existing.keys.filter { !seen.contains($0) }.count
            let summary = Summary(written: written, unchanged: unchanged, removed: removed)
            if outputExists, !staged, removed == 0 { return summary }
            if !staged { try startStaging() }
            do {
                try swap()
            } catch {
                discard()
                throw error
            }
            // After the swap the staging path holds the previous site.
            if outputExists { Self.remove(staging, large: existing.count > Self.backgroundRemovalThreshold) }
            return summary
        }

        /// Size and modification time of every file of the committed site, when this session
        /// wrote or linked them all (nil when it left the output as it was).
        var committedTimes: [String: FileSystemCalls.Times]? {
            staged && stagedTimes.count == seen.count ? stagedTimes : nil
        }

        /// Abandons the new site; the output stays as it was.
        public func discard() {
            if staged { FileSystemCalls.removeTree(staging) }
            staged = false
        }

        // MARK: Staging

        private func startStaging() throws(Failure) {
            do {
                try FileSystemCalls.makeDirectory(staging)
            } catch {
                throw .io(output, underlying: "'\(error.path)': \(error.reason)")
            }
            staged = true
            let pending = pendingUnchanged.map { StagedItem(path: $0, contents: nil) }
            pendingUnchanged = []
            try stage(pending)
            for path in streams.keys.sorted() {
                guard let held = streams[path]?.held, !held.isEmpty else { continue }
                streams[path]?.held = []
                for part in held { try append(part, to: path) }
            }
        }

        // MARK: Files in parts

        private func addPart(_ file: OutputFile) throws(Failure) {
            var stream: Stream
            if file.part == .first {
                stream = Stream(same: existing[file.path] != nil)
            } else {
                guard let begun = streams[file.path] else {
                    throw .io(output, underlying: "'\(file.path)' continues a file that was not begun")
                }
                stream = begun
            }
            if stream.same {
                stream.same = FileSystemCalls.readFile(output + "/" + file.path, offset: stream.size, count: file.contents.count) == file.contents
            }
            stream.size += file.contents.count
            streams[file.path] = stream
            // Once a part differs the file will be written: stage now, so parts stop waiting in memory.
            if !staged, !stream.same { try startStaging() }
            if staged {
                try append(file.contents, to: file.path)
            } else {
                streams[file.path]?.held.append(file.contents)
            }
            if file.part == .last { try complete(file.path) }
        }

        /// Counts a file whose last part came; an unchanged one becomes a link to the current copy.
        private func complete(_ path: String) throws(Failure) {
            guard let stream = streams[path] else { return }
            if stream.same, stream.size == existing[path] {
                streams[path] = nil
                unchanged += 1
                guard staged else {
                    pendingUnchanged.append(path)
                    return
                }
                unlink(staging + "/" + path)
                try stage([StagedItem(path: path, contents: nil)])
                return
            }
            written += 1
            // Staging writes out the parts still held, this file's among them.
            if !staged { try startStaging() }
            streams[path] = nil
            guard let times = FileSystemCalls.times(staging + "/" + path) else {
                discard()
                throw .io(output, underlying: "'\(path)': the staged copy cannot be examined")
            }
            stagedTimes[path] = times
        }

        /// Adds bytes to the staged copy of a file in parts, making its folders first.
        private func append(_ contents: Data, to path: String) throws(Failure) {
            var folders: [String] = []
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                if createdDirectories.contains(String(folder)) { break }
                folders.append(String(folder))
            }
            do throws(FileSystemCalls.Failure) {
                for folder in folders.reversed() {
                    try FileSystemCalls.makeDirectory(staging + "/" + folder)
                    createdDirectories.insert(folder)
                }
                try FileSystemCalls.appendToFile(staging + "/" + path, contents)
            } catch {
                discard()
                throw .io(output, underlying: "'\(error.path)': \(error.reason)")
            }
        }

        /// A file of the new site: bytes to write, or nil to link the current output's copy.
        struct StagedItem: Sendable {
            var path: String
            var contents: Data?
        }

        /// Links unchanged files from the current output and writes the others.
        private func stage(_ files: [StagedItem]) throws(Failure) {
            // Small files whose bytes were staged already become links (see `twinLimit`):
            // to a file of an earlier batch right away, to one of this batch afterwards.
            var items: [(path: String, action: StageAction)] = []
            var lateTwins: [(path: String, original: String, contents: Data)] = []
            items.reserveCapacity(files.count)
            for file in files {
                guard let contents = file.contents else {
                    items.append((file.path, .linkCurrent))
                    continue
                }
                if contents.count <= Self.twinLimit {
                    if let original = firstCopies[contents] {
                        if stagedTimes[original] != nil {
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

            // Folders to make. One worker per folder at a time (creating files in one
            // folder from two threads makes them queue on the folder's lock in the kernel),
            // and a folder that holds no other new folder is made by the worker that fills
            // it, so the mkdirs of 256 scorecard folders run alongside other writing.
            func folder(of path: String) -> String { path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "" }
            var missing: Set<String> = []
            for file in files {
                var path = Substring(file.path)
                while let slash = path.lastIndex(of: "/") {
                    path = path[..<slash]
                    if createdDirectories.contains(String(path)) { break }
                    missing.insert(String(path))
                }
            }
            // A path that is a file and a folder at once fails the same way whichever
            // worker gets there first: say so before writing anything.
            for file in files where missing.contains(file.path) || createdDirectories.contains(file.path) {
                discard()
                throw .io(output, underlying: "'\(file.path)' is both a file and a folder; expected each path to be one or the other")
            }
            let holdersOfNew = Set(missing.map(folder(of:)))
            let madeByWorkers = missing.subtracting(holdersOfNew)
            // Parents sort before their children, so each mkdir finds its parent made.
            for path in missing.subtracting(madeByWorkers).sorted() {
                do {
                    try FileSystemCalls.makeDirectory(staging + "/" + path)
                } catch {
                    discard()
                    throw .io(output, underlying: "'\(path)': \(error.reason)")
                }
                createdDirectories.insert(path)
            }

            let output = self.output, staging = self.staging, existing = self.existing
            let byFolder = Dictionary(grouping: items) { folder(of: $0.path) }
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
                            let current = output + "/" + item.path
                            if FileSystemCalls.hardLink(current, target) {
                                guard let linked = FileSystemCalls.times(target) else {
                                    return (times, "'\(item.path)': the linked copy cannot be examined")
                                }
                                times.append((item.path, linked))
                            } else {
                                // No hard links here (another file system): copy the unchanged bytes.
                                guard let contents = FileSystemCalls.readFile(current, expectedSize: existing[item.path] ?? 0) else {
                                    return (times, "'\(item.path)': the current copy could not be read")
                                }
                                times.append((item.path, try FileSystemCalls.writeFile(target, contents)))
                            }
                        }
                    } catch {
                        return (times, "'\(item.path)': \(error.reason)")
                    }
                }
                return (times, nil)
            }
            createdDirectories.formUnion(madeByWorkers)
            if let failure = outcomes.compactMap(\.failure).first {
                discard()
                throw .io(output, underlying: failure)
            }
            for outcome in outcomes {
                for (path, times) in outcome.times { stagedTimes[path] = times }
            }
            // Twins of files written just above.
            for twin in lateTwins {
                do throws(FileSystemCalls.Failure) {
                    stagedTimes[twin.path] = try Self.link(staging + "/" + twin.original, to: staging + "/" + twin.path, orWrite: twin.contents)
                } catch {
                    discard()
                    throw .io(output, underlying: "'\(twin.path)': \(error.reason)")
                }
            }
        }

        /// How a file of the new site gets into the staging folder.
        private enum StageAction: Sendable {
            case write(Data)
            /// Unchanged: a hard link to the current output's copy.
            case linkCurrent
            /// The same bytes as a small file staged in an earlier batch: a hard link to it.
            case linkStaged(original: String, contents: Data)
        }

        /// A hard link to a staged file, or the bytes written out where there are no links.
        private static func link(_ original: String, to target: String, orWrite contents: Data) throws(FileSystemCalls.Failure) -> FileSystemCalls.Times {
            guard FileSystemCalls.hardLink(original, target) else { return try FileSystemCalls.writeFile(target, contents) }
            guard let times = FileSystemCalls.times(target) else {
                throw FileSystemCalls.lastError(target)
            }
            return times
        }

        private func swap() throws(Failure) {
            guard outputExists else {
                guard rename(staging, output) == 0 else { throw .io(output, underlying: String(cString: strerror(errno))) }
                return
            }
            if AtomicExchange.exchange(staging, output) { return }
            // No atomic exchange on this system: two renames, with a window of a few
            // microseconds in which the output folder is absent (never half-written).
            let old = parent + "/." + (output as NSString).lastPathComponent + ".old-" + UUID().uuidString
            guard rename(output, old) == 0 else { throw .io(output, underlying: String(cString: strerror(errno))) }
            guard rename(staging, output) == 0 else {
                let reason = String(cString: strerror(errno))
                _ = rename(old, output)
                throw .io(output, underlying: reason)
            }
            _ = rename(old, staging)
        }

        // MARK: Cleaning up

        /// Removes an old site, in the background when it is large.
        static func remove(_ path: String, large: Bool) {
            guard large else {
                FileSystemCalls.removeTree(path)
                return
            }
            let trash = path.replacingOccurrences(of: ".staging-", with: ".trash-")
            let target = rename(path, trash) == 0 ? trash : path
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/rm")
            process.arguments = ["-rf", "--", target]
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            if (try? process.run()) == nil { FileSystemCalls.removeTree(target) }
        }

        /// Staging folders of builds that were killed. Trash folders are left to the
        /// `rm` that may still be removing them; a later build takes those it left.
        static func removeLeftovers(beside output: String) {
            let parent = (output as NSString).deletingLastPathComponent
            let name = (output as NSString).lastPathComponent
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
            for entry in names where entry.hasPrefix(".\(name).staging-") || entry.hasPrefix(".\(name).old-") {
                FileSystemCalls.removeTree(parent + "/" + entry)
            }
        }
    }
}

/// Linux's renameat2(RENAME_EXCHANGE) swaps two directories in one atomic step. Glibc
/// declares it only under _GNU_SOURCE, so it is looked up at run time.
enum AtomicExchange {
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let atCurrentDirectory: Int32 = -100  // AT_FDCWD
        let renameExchange: UInt32 = 1 << 1   // RENAME_EXCHANGE
        return renameat2(atCurrentDirectory, a, atCurrentDirectory, b, renameExchange) == 0
        #else
        return false
        #endif
    }
}
