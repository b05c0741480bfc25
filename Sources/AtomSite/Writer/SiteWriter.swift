import AtomAudit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes the site so that a reader of the output folder only ever sees the old site
/// or the new one, never a half-written mix, and so that an unchanged site costs no writes.
///
/// The new site is assembled in a hidden staging folder beside the output (unchanged
/// files are hard-linked from the current site, not rewritten) and then swapped in
/// with one rename. A failure or a kill before the swap leaves the output untouched;
/// leftover staging folders are removed by the next build.
public struct SiteWriter: Sendable {
    public struct Summary: Sendable, Equatable {
        /// Files whose bytes were written (new or changed).
        public var written: Int
        /// Files already identical in the output.
        public var unchanged: Int
        /// Files in the old output that the new site no longer has.
        public var removed: Int
    }

    public enum Failure: Error, CustomStringConvertible {
        case missingParent(String)
        case notADirectory(String)
        case unsafePath(String)
        case io(String, underlying: String)

        public var description: String {
            switch self {
            case .missingParent(let path): "the folder that should hold the output, '\(path)', does not exist; create it or choose another --output"
            case .notADirectory(let path): "'\(path)' exists and is not a folder; expected --output to name a folder"
            case .unsafePath(let path): "refusing to write '\(path)': output paths must stay inside the output folder"
            case .io(let path, let underlying): "could not write '\(path)': \(underlying)"
            }
        }
    }

    public init() {}

    public func write(_ files: [OutputFile], to output: URL) throws(Failure) -> Summary {
        let fileManager = FileManager.default
        let output = output.standardizedFileURL
        let parent = output.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: parent.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .missingParent(parent.path)
        }
        for file in files where !Self.isSafe(file.path) { throw .unsafePath(file.path) }
        removeLeftoverStaging(beside: output)

        let outputExists = fileManager.fileExists(atPath: output.path, isDirectory: &isDirectory)
        if outputExists, !isDirectory.boolValue { throw .notADirectory(output.path) }
        let existing = outputExists ? Self.listFiles(in: output) : []
        let plan = Plan(files: files, existing: existing, output: output)
        if outputExists, plan.changed.isEmpty, plan.removed == 0 {
            return Summary(written: 0, unchanged: plan.unchangedCount, removed: 0)
        }

        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).staging-\(UUID().uuidString)")
        do {
            try stage(files, plan: plan, into: staging, from: output)
            try swap(staging, into: output, outputExists: outputExists)
        } catch let failure as Failure {
            try? fileManager.removeItem(at: staging)
            throw failure
        } catch {
            try? fileManager.removeItem(at: staging)
            throw .io(output.path, underlying: Self.describe(error))
        }
        // After the swap the staging folder holds the previous site.
        try? fileManager.removeItem(at: staging)
        return Summary(written: plan.changed.count, unchanged: plan.unchangedCount, removed: plan.removed)
    }

    // MARK: Planning

    /// Which files differ from what the output already holds.
    struct Plan {
        var changed: Set<String> = []
        var unchangedCount = 0
        var removed = 0

        init(files: [OutputFile], existing: [String], output: URL) {
            let existingSet = Set(existing)
            let newPaths = Set(files.map(\.path))
            removed = existingSet.subtracting(newPaths).count
            let verdicts = files.parallelMap { file -> Bool in
                guard existingSet.contains(file.path) else { return false }
                let url = output.appendingPathComponent(file.path)
                return (try? Data(contentsOf: url)) == file.contents
            }
            for (file, same) in zip(files, verdicts) {
                if same { unchangedCount += 1 } else { changed.insert(file.path) }
            }
        }
    }

    static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }

    static func listFiles(in root: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        let prefix = root.standardizedFileURL.path + "/"
        var paths: [String] = []
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = url.standardizedFileURL.path
            if path.hasPrefix(prefix) { paths.append(String(path.dropFirst(prefix.count))) }
        }
        return paths
    }

    // MARK: Staging and swapping

    private func stage(_ files: [OutputFile], plan: Plan, into staging: URL, from output: URL) throws {
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
        let folders = Set(files.compactMap { file -> String? in
            file.path.lastIndex(of: "/").map { String(file.path[..<$0]) }
        })
        for folder in folders.sorted() {
            try fileManager.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let failures = files.parallelMap { file -> String? in
            let target = staging.appendingPathComponent(file.path)
            do {
                if !plan.changed.contains(file.path),
                   (try? FileManager.default.linkItem(at: output.appendingPathComponent(file.path), to: target)) != nil {
                    return nil
                }
                try file.contents.write(to: target)
                return nil
            } catch {
                return "'\(file.path)': \(Self.reason(error))"
            }
        }
        if let failure = failures.compactMap({ $0 }).first {
            throw Failure.io(output.path, underlying: failure)
        }
    }

    private func swap(_ staging: URL, into output: URL, outputExists: Bool) throws {
        guard outputExists else {
            try FileManager.default.moveItem(at: staging, to: output)
            return
        }
        if AtomicExchange.exchange(staging.path, output.path) { return }
        // No atomic exchange on this system: two renames, with a window of a few
        // microseconds in which the output folder is absent (never half-written).
        let old = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).old-\(UUID().uuidString)")
        try FileManager.default.moveItem(at: output, to: old)
        do {
            try FileManager.default.moveItem(at: staging, to: output)
        } catch {
            try? FileManager.default.moveItem(at: old, to: output)
            throw error
        }
        try? FileManager.default.moveItem(at: old, to: staging)
    }

    // MARK: Messages

    /// "'path': reason" for Foundation's file errors, whose own description is a
    /// dump of their user-info dictionary.
    static func describe(_ error: Error) -> String {
        let info = (error as NSError).userInfo
        let path = (info[NSFilePathErrorKey] as? String) ?? (info[NSURLErrorKey] as? URL)?.path
        return path.map { "'\($0)': \(reason(error))" } ?? reason(error)
    }

    /// The operating system's words for the failure ("Permission denied") where there are some.
    static func reason(_ error: Error) -> String {
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(error.code))) }
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? Error, (underlying as NSError).domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32((underlying as NSError).code)))
        }
        return error.localizedDescription
    }

    private func removeLeftoverStaging(beside output: URL) {
        let parent = output.deletingLastPathComponent()
        let prefixes = [".\(output.lastPathComponent).staging-", ".\(output.lastPathComponent).old-"]
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names where prefixes.contains(where: name.hasPrefix) {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
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
