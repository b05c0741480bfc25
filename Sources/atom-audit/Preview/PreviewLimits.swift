#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How much the preview server takes on, so that no client, however slow or numerous,
/// can stop it answering the others.
struct PreviewLimits: Sendable {
    /// Open connections at most; see `defaultMaxConnections`.
    var maxConnections: Int
    /// The whole request head must arrive within this time of the connection's acceptance.
    var headDeadline: Duration
    /// A client that takes no bytes of its response for this long is dropped (and after
    /// `headDeadline`, already, when its slot is wanted for a new connection).
    var stallTimeout: Duration

    /// How often the loop wakes without activity to check deadlines.
    var pollIntervalMilliseconds: Int32 { Int32(max(20, min(250, headDeadline.milliseconds / 4))) }
    /// Connections accepted per turn of the loop, so a flood of new ones cannot starve
    /// those already being answered.
    let acceptsPerTurn = 256

    static let standardHeadDeadline: Duration = .seconds(10)
    static let standardStallTimeout: Duration = .seconds(30)

    /// - Parameters:
    ///   - maxConnections: a cap asked for on the command line; kept within what the
    ///     descriptor limit allows.
    ///   - headDeadline: defaults to 10 seconds, plenty for a browser on this machine.
    init(maxConnections: Int? = nil, headDeadline: Duration? = nil) {
        let allowed = Self.defaultMaxConnections(descriptorLimit: Self.descriptorLimit())
        self.maxConnections = max(1, min(maxConnections ?? allowed, allowed))
        self.headDeadline = headDeadline ?? Self.standardHeadDeadline
        stallTimeout = max(Self.standardStallTimeout, self.headDeadline)
    }

    /// Each connection can hold two descriptors (its socket and the file it sends). A
    /// reserve stays free for the listener, the standard streams, the rebuild's files and
    /// the folder watcher. Under the common limit of 1,024 this allows 448 connections.
    static func defaultMaxConnections(descriptorLimit: Int) -> Int {
        let reserve = max(64, descriptorLimit / 8)
        return max(4, min(1024, (descriptorLimit - reserve) / 2))
    }

    /// The process's soft limit on open descriptors (`ulimit -n`).
    static func descriptorLimit() -> Int {
        var limit = rlimit()
        #if canImport(Glibc)
        let status = getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
        #else
        let status = getrlimit(RLIMIT_NOFILE, &limit)
        #endif
        guard status == 0 else { return 1024 }
        return Int(clamping: limit.rlim_cur)  // unlimited (all bits set) clamps to Int.max
    }
}

extension Duration {
    var milliseconds: Int {
        Int(components.seconds) * 1000 + Int(components.attoseconds / 1_000_000_000_000_000)
    }
}
