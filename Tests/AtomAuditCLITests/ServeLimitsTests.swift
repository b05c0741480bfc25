import Foundation
import Testing

/// The preview server under clients that misbehave: slow request heads, more
/// connections than it takes, large downloads. Times here are safety nets for a test
/// that would otherwise hang, never assertions; the quality bar's numbers (1,200 slow
/// clients, 20 downloads of 200 MB) are measured by Benchmarks/serve/.
///
/// One test at a time: each moves tens of megabytes, and the other suites' servers must
/// still start within their time on two cores.
@Suite(.serialized) struct ServeLimitsTests {
    /// A file larger than any socket buffer, so a client that does not read keeps its
    /// response unfinished. The bytes vary, and a block of a prime length repeats, so a
    /// chunk sent twice, dropped or out of order shows.
    static func largeFile(megabytes: Int) -> Data {
        var block = [UInt8](repeating: 0, count: 65_521)
        var state: UInt32 = 2_463_534_242
        for index in block.indices {
            state ^= state << 13; state ^= state >> 17; state ^= state << 5
            block[index] = UInt8(truncatingIfNeeded: state)
        }
        var file = Data(capacity: megabytes << 20)
        while file.count < megabytes << 20 { file.append(contentsOf: block.prefix((megabytes << 20) - file.count)) }
        return file
    }

    @Test func dropsAClientThatNeverFinishesItsRequestHeadWhileAnsweringOthers() async throws {
        let preview = try await Preview.start(["--request-timeout", "0.5"])
        defer { preview.stop() }
        let silent = try TestSocket(port: preview.port)
        // Trickling a byte at a time must not keep a connection alive: the deadline is
        // for the whole head, not for each read.
        let trickling = try TestSocket(port: preview.port)
        #expect(trickling.send("GET / HTTP/1.1\r\n"))
        for _ in 0..<300 where !trickling.isClosedByServer {
            #expect(try preview.fetch("/").status == 200)
            _ = trickling.send("X")
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(trickling.isClosedByServer, "a client sending a byte every 100 ms was never dropped")
        let answer = String(decoding: try silent.receiveAll(), as: UTF8.self)
        #expect(answer.hasPrefix("HTTP/1.1 408 Request Timeout\r\n"), "\(answer)")
        #expect(try preview.fetch("/").status == 200)
    }

    @Test func takesNoMoreConnectionsThanItsCapWithoutFailingOthers() async throws {
        let preview = try await Preview.start(["--max-connections", "3"])
        defer { preview.stop() }
        let file = Self.largeFile(megabytes: 24)
        try file.write(to: preview.output.appendingPathComponent("large.bin"))

        // Idle connections beyond the cap make way for new requests, oldest first.
        let idle = try (0..<8).map { _ in try TestSocket(port: preview.port) }
        #expect(try preview.fetch("/").status == 200)
        #expect(try preview.fetch("/brief.md").status == 200)

        // Three downloads that are not being read hold every slot, busy sending.
        let downloads = try (0..<3).map { _ in try TestSocket(port: preview.port, receiveBuffer: 4096) }
        for download in downloads {
            #expect(download.send("GET /large.bin HTTP/1.1\r\nHost: x\r\n\r\n"))
            // The head arrives first: from here on the server is sending this response.
            #expect(String(decoding: try download.receive(upTo: 12), as: UTF8.self) == "HTTP/1.1 200")
        }
        // A new connection is told at once that the server is busy, not left waiting.
        let refused = try preview.fetch("/")
        #expect(refused.status == 503)
        #expect(refused.headers["retry-after"] == "1")

        // The downloads it was busy with are not harmed: each arrives whole.
        for download in downloads {
            let rest = try download.receiveAll()
            let response = try RawHTTP.parse(Array("HTTP/1.1 200".utf8) + rest)
            #expect(response.headers["content-length"] == String(file.count))
            #expect(response.body == file)
        }
        #expect(try preview.fetch("/").status == 200)
        #expect(idle.allSatisfy { $0.isClosedByServer })
    }

    @Test func aClientThatStopsReadingGivesWayToANewRequest() async throws {
        let preview = try await Preview.start(["--max-connections", "1", "--request-timeout", "0.5"])
        defer { preview.stop() }
        let file = Self.largeFile(megabytes: 24)
        try file.write(to: preview.output.appendingPathComponent("large.bin"))
        let stalled = try TestSocket(port: preview.port, receiveBuffer: 4096)
        #expect(stalled.send("GET /large.bin HTTP/1.1\r\nHost: x\r\n\r\n"))
        #expect(String(decoding: try stalled.receive(upTo: 12), as: UTF8.self) == "HTTP/1.1 200")
        // Busy at first (503); once the download has not moved for the deadline, its
        // slot goes to the new request.
        var status = try preview.fetch("/").status
        for _ in 0..<300 where status != 200 {
            #expect(status == 503)
            try await Task.sleep(for: .milliseconds(100))
            status = try preview.fetch("/").status
        }
        #expect(status == 200)
        #expect(try stalled.receiveAll().count < file.count)
    }

    @Test func streamsALargeFileWholeAndInRanges() async throws {
        let preview = try await Preview.start()
        defer { preview.stop() }
        let file = Self.largeFile(megabytes: 48)
        try file.write(to: preview.output.appendingPathComponent("large.bin"))

        let whole = try preview.fetch("/large.bin")
        #expect(whole.status == 200)
        #expect(whole.headers["content-length"] == String(file.count))
        #expect(whole.headers["accept-ranges"] == "bytes")
        #expect(whole.body == file)

        let head = try preview.fetch("/large.bin", method: "HEAD")
        #expect(head.headers["content-length"] == String(file.count))
        #expect(head.body.isEmpty)

        let ranges: [(String, Range<Int>)] = [("bytes=1000-1999", 1000..<2000), ("bytes=\(file.count - 10)-", file.count - 10..<file.count),
                                              ("bytes=-5", file.count - 5..<file.count), ("bytes=0-99999999999", 0..<file.count)]
        for (header, expected) in ranges {
            let part = try preview.send(raw: "GET /large.bin HTTP/1.1\r\nHost: x\r\nRange: \(header)\r\n\r\n")
            #expect(part.status == 206, "\(header)")
            #expect(part.headers["content-range"] == "bytes \(expected.lowerBound)-\(expected.upperBound - 1)/\(file.count)", "\(header)")
            #expect(part.body == file[expected], "\(header)")
        }
        let outside = try preview.send(raw: "GET /large.bin HTTP/1.1\r\nHost: x\r\nRange: bytes=\(file.count)-\r\n\r\n")
        #expect(outside.status == 416)
        #expect(outside.headers["content-range"] == "bytes */\(file.count)")
    }
}
