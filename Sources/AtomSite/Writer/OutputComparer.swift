import AtomIO
import Foundation

/// Tells which new files are byte-for-byte what the current output already holds, so an
/// unchanged site costs no writes. Reads only files whose size matches.
struct OutputComparer: Sendable {
    let output: String
    /// The current output's files and their sizes (-1 for anything but a regular file).
    let existing: [String: Int]

    init(output: String, exists: Bool) {
        self.output = output
        existing = exists ? FileSystemCalls.regularFiles(under: output) : [:]
    }

    /// For each file, whether the output holds the same bytes at its path; on all cores.
    func unchanged(_ files: [OutputFile]) -> [Bool] {
        let output = self.output, existing = self.existing
        return files.parallelMap { file -> Bool in
            guard existing[file.path] == file.contents.count else { return false }
            return FileSystemCalls.readFile(output + "/" + file.path, expectedSize: file.contents.count) == file.contents
        }
    }

    /// Whether the current copy of `path` holds `contents` at `offset` (for files in parts).
    func matches(_ path: String, at offset: Int, _ contents: Data) -> Bool {
        FileSystemCalls.readFile(output + "/" + path, offset: offset, count: contents.count) == contents
    }

    /// Files of the current output that the new site does not have.
    func removed(keeping seen: Set<String>) -> Int {
        existing.keys.filter { !seen.contains($0) }.count
    }
}
