import AtomAudit
import AtomIO
import Foundation

/// Writes the site so that a reader of the output folder only ever sees the old site
/// or the new one, never a half-written mix, and so that an unchanged site costs no writes.
///
/// Files arrive in batches (so a 10,000-model site never sits in memory whole). Each
/// is compared with what the output already holds. Nothing is written until the first
/// difference; from then on the new site is assembled in a hidden staging folder beside
/// the output — unchanged files hard-linked from the current site, changed ones written —
/// and at the end swapped in with one atomic rename. A failure or a kill before the swap
/// leaves the output untouched; leftover staging folders are removed by the next build.
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
        /// Another build holds the output's lock.
        case busy(String, pid: Int32?)

        public var description: String {
            switch self {
            case .missingParent(let path): "the folder that should hold the output, '\(path)', does not exist; create it or choose another --output"
            case .notADirectory(let path): "'\(path)' exists and is not a folder; expected --output to name a folder"
            case .unsafePath(let path): "refusing to write '\(path)': output paths must stay inside the output folder"
            case .io(let path, let underlying): "could not write '\(path)': \(underlying)"
            case .busy(let path, let pid): "another build is writing '\(path)'\(pid.map { " (pid \($0))" } ?? ""); wait for it to finish, or choose another --output"
            }
        }
    }

    /// How replaced sites and dead builds' leftovers are deleted.
    public var removal: OldSiteRemoval

    public init(removal: OldSiteRemoval = .standard) {
        self.removal = removal
    }

    /// Writes a whole site in one call.
    public func write(_ files: [OutputFile], to output: URL) throws(Failure) -> Summary {
        let session = try begin(output)
        do {
            try session.add(files)
        } catch {
            session.discard()
            throw error
        }
        return try session.commit()
    }

    /// Starts writing a site whose files will arrive in batches.
    /// - Parameter lock: the output's lock when the caller took it already (a build takes
    ///   it before reading its stamp); else the session takes it.
    public func begin(_ output: URL, lock: OutputLock? = nil) throws(Failure) -> Session {
        try Session(output: output.standardizedFileURL.path, lock: lock, removeOldSites: removal)
    }

    static func isSafe(_ path: String) -> Bool {
        // Over the bytes: String.contains(String) goes through Foundation's search, and
        // every one of 40,000 paths is checked.
        var segmentLength = 0, dots = 0
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "\\"), 0:
                return false
            case UInt8(ascii: "/"):
                // Empty (also a leading '/'), "." and ".." segments are refused.
                if segmentLength == 0 || dots == segmentLength && dots <= 2 { return false }
                segmentLength = 0
                dots = 0
            default:
                segmentLength += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return !(segmentLength == 0 || dots == segmentLength && dots <= 2)
    }
}
