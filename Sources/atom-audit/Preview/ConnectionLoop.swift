#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The preview server's one thread: a `poll` loop over the listening socket and every
/// open connection, all non-blocking.
///
/// A thread per connection (what the preview had) let a thousand slow clients take a
/// thousand threads and, under the usual 1,024-descriptor limit, every descriptor, so
/// nobody else got an answer. Here a waiting client costs one descriptor and a few
/// bytes, and the number of connections is capped well below the descriptor limit:
/// - a request head must be complete within `limits.headDeadline` of the connection's
///   acceptance (not per read, so trickling a byte at a time does not keep it alive);
/// - a client that stops taking its response for `limits.stallTimeout` is dropped;
/// - at the cap, a new connection takes the place of the one that has waited longest
///   for its request head (an idle or slow client), or else of a response whose client
///   has read nothing for that deadline; when every connection is busy sending, the
///   newcomer gets a 503 and is closed. Accepting first keeps the kernel's queue short,
///   so a new request never waits behind the slow ones.
final class ConnectionLoop {
    private let listener: Int32
    private let handler: SiteRequestHandler
    private let limits: PreviewLimits
    private var connections: [Int32: PreviewConnection] = [:]
    /// After the process ran out of descriptors, accepting waits until then.
    private var acceptPausedUntil: ContinuousClock.Instant?

    init(listener: Int32, handler: SiteRequestHandler, limits: PreviewLimits) {
        self.listener = listener
        self.handler = handler
        self.limits = limits
    }

    func run() -> Never {
        while true { turn() }
    }

    /// One round: wait for activity (or the next deadline check), then serve it.
    private func turn() {
        let now = ContinuousClock.now
        let accepting = acceptPausedUntil.map { now >= $0 } ?? true
        var descriptors = [pollfd(fd: accepting ? listener : -1, events: Int16(POLLIN), revents: 0)]
        descriptors.reserveCapacity(connections.count + 1)
        for (socket, connection) in connections {
            descriptors.append(pollfd(fd: socket, events: Int16(connection.isReadingHead ? POLLIN : POLLOUT), revents: 0))
        }
        let ready = poll(&descriptors, nfds_t(descriptors.count), limits.pollIntervalMilliseconds)
        let after = ContinuousClock.now
        if ready > 0 {
            for entry in descriptors.dropFirst() where entry.revents != 0 {
                serve(entry.fd, events: entry.revents, now: after)
            }
            if descriptors[0].revents & Int16(POLLIN) != 0 { acceptWaiting(now: after) }
        }
        dropLateClients(now: after)
    }

    private func serve(_ socket: Int32, events: Int16, now: ContinuousClock.Instant) {
        guard let connection = connections[socket] else { return }
        let step: PreviewConnection.Step
        if events & Int16(POLLIN) != 0 || (connection.isReadingHead && events & Int16(POLLHUP | POLLERR) != 0) {
            // A hang-up while reading shows as a read of 0 bytes, which closes it.
            step = connection.readable(handler: handler, now: now)
        } else if events & Int16(POLLOUT) != 0 {
            step = connection.writable(now: now)
        } else {
            step = .close  // POLLERR, POLLHUP or POLLNVAL while writing: the client is gone
        }
        if step == .close { connections[socket] = nil }
    }

    /// Accepts every connection waiting in the kernel's queue (a bounded batch per turn).
    private func acceptWaiting(now: ContinuousClock.Instant) {
        for _ in 0..<limits.acceptsPerTurn {
            let socket = accept(listener, nil, nil)
            guard socket >= 0 else {
                switch errno {
                case EAGAIN, EWOULDBLOCK, EINTR, ECONNABORTED:
                    return
                case EMFILE, ENFILE:
                    // Out of descriptors despite the cap (the rebuild holds some): free the
                    // longest-waiting slot and let the queue wait a moment rather than spin.
                    evictLongestWaiting(now: now)
                    acceptPausedUntil = now + .milliseconds(50)
                    return
                default:
                    return
                }
            }
            acceptPausedUntil = nil
            guard PreviewServer.makeNonBlocking(socket) else {
                close(socket)
                continue
            }
            let connection = PreviewConnection(socket: socket, now: now)
            if connections.count >= limits.maxConnections, !evictLongestWaiting(now: now) {
                // Every slot is sending a response: say so at once, rather than leave the
                // client waiting for a slot that may not free up soon.
                connection.start(.text(.serviceUnavailable, "the preview is busy; try again in a moment", extraHeaders: [("Retry-After", "1")]),
                                 includeBody: true, now: now)
                _ = connection.writable(now: now)
                continue  // released here, which closes it
            }
            connections[socket] = connection
        }
    }

    /// Closes the connection that has waited longest for its request head or, when every
    /// connection is answering, the one whose client has not read for longest if that is
    /// as long as a request head may take (a client that stops reading must not keep a
    /// browser out for the whole stall timeout). False when all are making progress.
    @discardableResult
    private func evictLongestWaiting(now: ContinuousClock.Instant) -> Bool {
        let waiting = connections.values.filter(\.isReadingHead)
        if let oldest = waiting.min(by: { $0.accepted < $1.accepted }) {
            connections[oldest.socket] = nil
            return true
        }
        guard let stalled = connections.values.min(by: { $0.lastProgress < $1.lastProgress }),
              now - stalled.lastProgress >= limits.headDeadline else { return false }
        connections[stalled.socket] = nil
        return true
    }

    /// Drops clients past their deadline: a request head still incomplete, or a response
    /// the client has stopped reading.
    private func dropLateClients(now: ContinuousClock.Instant) {
        var late: [PreviewConnection] = []
        for connection in connections.values {
            if connection.isReadingHead {
                if now - connection.accepted > limits.headDeadline { late.append(connection) }
            } else if now - connection.lastProgress > limits.stallTimeout {
                connections[connection.socket] = nil
            }
        }
        for connection in late {
            // A best-effort word about why (one non-blocking send), then the slot is free.
            connection.start(.text(.requestTimeout, "the request head did not arrive in time"), includeBody: true, now: now)
            _ = connection.writable(now: now)
            connections[connection.socket] = nil
        }
    }
}
