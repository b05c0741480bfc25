import AtomAudit
import AtomIO
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Remembers, beside the output folder, what the last successful build was made from
/// and what it left there, so a build with nothing changed stops after reading its
/// inputs: no audit, no rendering, no comparing 40,000 files.
///
/// The stamp is a cache, not part of the site: it lives next to the output
/// (`.Site.atom-audit-stamp`), and any doubt — other inputs, another binary, a file
/// in the output touched since — means a full build.
struct BuildStamp: Equatable {
    /// Fingerprint of the content, the templates, the options and the executable.
    var inputs: String
    /// Fingerprint of every output file's path, size and modification time.
    var outputs: String
    var files: Int
    /// The summary line's middle part, e.g. "47 models (1 truly open, ...)".
    var summary: String

    static let header = "atom-audit build stamp 3"

    static func location(of output: String) -> String {
        let url = URL(fileURLWithPath: output).standardizedFileURL
        return url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".atom-audit-stamp"
    }

    static func read(for output: String) -> BuildStamp? {
        guard let data = FileSystemCalls.readFile(location(of: output)) else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 5, lines[0] == header else { return nil }
        func value(_ line: String, _ key: String) -> String? {
            line.hasPrefix(key + " ") ? String(line.dropFirst(key.count + 1)) : nil
        }
        guard let inputs = value(lines[1], "inputs"), let outputs = value(lines[2], "outputs"),
              let files = value(lines[3], "files").flatMap({ Int($0) }), let summary = value(lines[4], "summary")
        else { return nil }
        return BuildStamp(inputs: inputs, outputs: outputs, files: files, summary: summary)
    }

    func write(for output: String) {
        let text = "\(Self.header)\ninputs \(inputs)\noutputs \(outputs)\nfiles \(files)\nsummary \(summary)\n"
        // Best effort: without a stamp, the next build compares every file instead of skipping.
        _ = try? FileSystemCalls.writeFile(Self.location(of: output), Data(text.utf8))
    }

    static func remove(for output: String) {
        unlink(location(of: output))
    }

    // MARK: Fingerprints

    /// - Parameter history: what the content's history and editions depend on (its last
    ///   commit and the tags, `ContentRepository.identity`), so a new commit or tag rebuilds.
    static func inputs(snapshot: ContentSnapshot, templates: [String: Data], baseURL: String?, asOf: CalendarDate?,
                       history: String = "") -> String {
        var hash = Fingerprint()
        hash.add(header)
        hash.add(history)
        hash.add(executableIdentity)
        hash.add(baseURL ?? "-")
        hash.add(asOf?.description ?? "-")
        hash.add(Fingerprint.digest(of: snapshot.files))
        hash.add("templates")
        hash.add(Fingerprint.digest(of: templates))
        return hash.hex
    }

    /// Paths, sizes and modification times of the output's files; nil when it has none.
    static func outputs(of output: String) -> (fingerprint: String, files: Int)? {
        outputs(FileSystemCalls.regularFilesWithTimes(under: output))
    }

    /// The same fingerprint from times already known (the writer records them as it writes).
    static func outputs(_ files: [String: FileSystemCalls.Times]) -> (fingerprint: String, files: Int)? {
        guard !files.isEmpty else { return nil }
        // Each file's own fingerprint, summed: the same for any order, so 40,000 paths
        // need no sorting at the end of every build.
        var total: UInt64 = 0
        for (path, info) in files {
            var entry = Fingerprint()
            entry.add(path)
            entry.add(UInt64(truncatingIfNeeded: info.size))
            entry.add(UInt64(truncatingIfNeeded: info.modified))
            total &+= entry.state
        }
        var hash = Fingerprint()
        hash.add(total)
        hash.add(UInt64(files.count))
        return (hash.hex, files.count)
    }

    /// The running executable's size and modification time: a rebuilt tool renders anew.
    static var executableIdentity: String {
        var info = stat()
        let path = FileManager.default.fileExists(atPath: "/proc/self/exe") ? "/proc/self/exe" : CommandLine.arguments[0]
        guard stat(path, &info) == 0 else { return "unknown" }
        return "\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }
}

/// FNV-1a over 64-bit words: a cache key, not a defence against anyone crafting
/// collisions (the inputs are the repository's own files).
struct Fingerprint {
    private(set) var state: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01b3

    mutating func add(_ data: Data) {
        data.withUnsafeBytes { add(bytes: $0) }
    }

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// The length, then eight bytes at a time, then the rest one by one.
    private mutating func add(bytes: UnsafeRawBufferPointer) {
        add(UInt64(bytes.count))
        var state = self.state
        var offset = 0
        while offset + 8 <= bytes.count {
            state = (state ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* Self.prime
            offset += 8
        }
        while offset < bytes.count {
            state = (state ^ UInt64(bytes[offset])) &* Self.prime
            offset += 1
        }
        self.state = state
    }

    mutating func add(_ value: UInt64) {
        state = (state ^ value) &* Self.prime
    }

    /// Files by path, in any order: each file's fingerprint, summed.
    static func digest(of files: [String: Data]) -> UInt64 {
        var total: UInt64 = 0
        for (path, data) in files {
            var entry = Fingerprint()
            entry.add(path)
            entry.add(data)
            total &+= entry.state
        }
        return total &+ UInt64(files.count)
    }

    var hex: String {
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
