import AtomIO
import Foundation

extension SiteWriter {
    /// One site being written: `add` batches of files, then `commit` (or `discard`).
    ///
    /// Nothing is written until the first file differs from the current output
    /// (`OutputComparer`); from then on the new site is assembled in a `StagingArea` and at
    /// the end swapped in (`FolderSwap`). The session holds the output's `OutputLock` from
    /// start to end, so it is the only build writing beside the output.
    // Unchecked: a session is used by one thread at a time (the build hands batches to the
    // writer thread and waits for it before committing).
    public final class Session: @unchecked Sendable {
        let output: String
        let outputExists: Bool
        private let comparer: OutputComparer
        private let lock: OutputLock
        private let stagingPath: String
        private var staging: StagingArea?
        /// Unchanged files seen before anything changed: linked when staging starts.
        private var pendingUnchanged: [String] = []
        private var seen: Set<String> = []
        private var written = 0
        private var unchanged = 0
        /// Files that come in parts (`OutputFile.Part`) and are not complete yet.
        private var streams: [String: StreamedFile] = [:]

        /// Old sites with more files than this are deleted on a thread of their own after the
        /// swap: unlinking tens of thousands of files takes seconds and nobody waits for it.
        static let backgroundRemovalThreshold = 5_000

        init(output: String, lock: OutputLock?, removeOldSites: OldSiteRemoval) throws(Failure) {
            self.output = output
            let parent = (output as NSString).deletingLastPathComponent
            guard FileSystemCalls.exists(parent).isDirectory else { throw .missingParent(parent) }
            let status = FileSystemCalls.exists(output)
            if status.exists, !status.isDirectory { throw .notADirectory(output) }
            if let lock {
                self.lock = lock
            } else {
                do {
                    self.lock = try OutputLock.acquire(for: output)
                } catch {
                    throw .busy(output, pid: error.pid)
                }
            }
            outputExists = status.exists
            // Holding the lock, every leftover beside the output is a dead build's.
            for leftover in Leftovers.find(beside: output) { removeOldSites.remove(leftover, large: true) }
            stagingPath = Leftovers.path("staging", beside: output)
            comparer = OutputComparer(output: output, exists: outputExists)
            self.removeOldSites = removeOldSites
        }

        private let removeOldSites: OldSiteRemoval

        public func add(_ files: [OutputFile]) throws(Failure) {
            for file in files {
                guard SiteWriter.isSafe(file.path) else { throw .unsafePath(file.path) }
                if file.startsAFile {
                    guard seen.insert(file.path).inserted else { throw .io(output, underlying: "'\(file.path)' is produced twice") }
                }
            }
            try failing { () throws(Failure) in
                try addWholeFiles(files.filter { $0.part == .whole })
                for file in files where file.part != .whole { try addPart(file) }
            }
        }

        private func addWholeFiles(_ files: [OutputFile]) throws(Failure) {
            let same = comparer.unchanged(files)
            let unchangedPaths = zip(files, same).filter(\.1).map(\.0.path)
            unchanged += unchangedPaths.count
            written += files.count - unchangedPaths.count
            if staging == nil, unchangedPaths.count == files.count {
                pendingUnchanged += unchangedPaths
                return
            }
            try startStaging().stage(zip(files, same).map { file, isSame in
                StagingArea.Item(path: file.path, contents: isSame ? nil : file.contents)
            })
        }

        public func commit() throws(Failure) -> Summary {
            defer { lock.release() }
            if let unfinished = streams.keys.sorted().first {
                discard()
                throw .io(output, underlying: "'\(unfinished)' was begun but its last part never came")
            }
            let removed = comparer.removed(keeping: seen)
            let summary = Summary(written: written, unchanged: unchanged, removed: removed)
            if outputExists, staging == nil, removed == 0 { return summary }
            let staged = try failing { () throws(Failure) in try startStaging() }
            do {
                if outputExists { try FolderSwap.swap(staged.path, into: output) } else { try FileSystemCalls.rename(staged.path, output) }
            } catch {
                discard()
                throw .io(output, underlying: "'\(error.path)': \(error.reason)")
            }
            staging = nil
            // After the swap the staging path holds the previous site.
            if outputExists { removeOldSites.remove(staged.path, large: comparer.existing.count > Self.backgroundRemovalThreshold) }
            committedTimes = staged.times.count == seen.count ? staged.times : nil
            return summary
        }

        /// Size and modification time of every file of the committed site, when this session
        /// wrote or linked them all (nil when it left the output as it was).
        private(set) var committedTimes: [String: FileSystemCalls.Times]?

        /// Abandons the new site; the output stays as it was.
        public func discard() {
            staging?.remove()
            staging = nil
            lock.release()
        }

        /// Runs a step; a failure discards the staged site before it propagates.
        private func failing<T>(_ step: () throws(Failure) -> T) throws(Failure) -> T {
            do {
                return try step()
            } catch {
                discard()
                throw error
            }
        }

        // MARK: Staging

        @discardableResult
        private func startStaging() throws(Failure) -> StagingArea {
            if let staging { return staging }
            let area = try StagingArea(path: stagingPath, output: output, existing: comparer.existing)
            staging = area
            let pending = pendingUnchanged.map { StagingArea.Item(path: $0, contents: nil) }
            pendingUnchanged = []
            try area.stage(pending)
            for path in streams.keys.sorted() {
                guard let held = streams[path]?.held, !held.isEmpty else { continue }
                streams[path]?.held = []
                for part in held { try area.append(part, to: path) }
            }
            return area
        }

        // MARK: Files in parts

        private func addPart(_ file: OutputFile) throws(Failure) {
            var stream: StreamedFile
            if file.part == .first {
                stream = StreamedFile(same: comparer.existing[file.path] != nil)
            } else {
                guard let begun = streams[file.path] else {
                    throw .io(output, underlying: "'\(file.path)' continues a file that was not begun")
                }
                stream = begun
            }
            if stream.same { stream.same = comparer.matches(file.path, at: stream.size, file.contents) }
            stream.size += file.contents.count
            streams[file.path] = stream
            // Once a part differs the file will be written: stage now, so parts stop waiting in memory.
            if staging == nil, !stream.same { try startStaging() }
            if let staging {
                try staging.append(file.contents, to: file.path)
            } else {
                streams[file.path]?.held.append(file.contents)
            }
            if file.part == .last { try complete(file.path) }
        }

        /// Counts a file whose last part came; an unchanged one becomes a link to the current copy.
        private func complete(_ path: String) throws(Failure) {
            guard let stream = streams[path] else { return }
            if stream.same, stream.size == comparer.existing[path] {
                streams[path] = nil
                unchanged += 1
                guard let staging else {
                    pendingUnchanged.append(path)
                    return
                }
                try staging.relink(path)
                return
            }
            written += 1
            // Staging writes out the parts still held, this file's among them.
            let area = try startStaging()
            streams[path] = nil
            try area.completeStream(path)
        }
    }

    /// A file arriving in parts. Each part is compared with the current copy at its offset
    /// and appended to the staged file, so the whole is never in memory; while nothing has
    /// differed yet and staging has not started, parts wait in `held`.
    struct StreamedFile {
        var size = 0
        /// Every part so far matched the current copy.
        var same: Bool
        var held: [Data] = []
    }
}
