import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// End-to-end tests of `atom-audit serve`: the built executable runs on a free port
/// with its own copy of the fixture content and templates (so edits by the tests, or
/// by anyone working on Templates/, cannot reach another run), and is fetched over HTTP.
@Suite struct ServeCommandTests {
    @Test func servesPagesFilesAndTheirContentTypes() async throws {
        let preview = try await Preview.start()
        defer { preview.stop() }
        let expected: [(String, String)] = [
            ("/", "text/html; charset=utf-8"),
            ("/models/open-fixture/", "text/html; charset=utf-8"),
            ("/assets/style.css", "text/css; charset=utf-8"),
            ("/assets/leaderboard.js", "text/javascript; charset=utf-8"),
            ("/badges/open-fixture.svg", "image/svg+xml"),
            ("/data/models.json", "application/json"),
            ("/data/models.csv", "text/csv; charset=utf-8"),
            ("/feed.xml", "application/xml; charset=utf-8"),
            ("/brief.md", "text/markdown; charset=utf-8"),
            ("/robots.txt", "text/plain; charset=utf-8"),
        ]
        for (path, contentType) in expected {
            let response = try preview.fetch(path)
            #expect(response.status == 200, "\(path)")
            #expect(response.headers["content-type"] == contentType, "\(path)")
            #expect(response.headers["content-length"] == String(response.body.count), "\(path)")
            let onDisk = try Data(contentsOf: preview.output.appendingPathComponent(path.hasSuffix("/") ? path + "index.html" : path))
            #expect(response.body == onDisk, "\(path)")
        }
        // A query string does not change which file is served.
        #expect(try preview.fetch("/?origin=US").status == 200)
    }

    @Test func foldersRedirectToTheirSlashAndMissingPagesGet404Page() async throws {
        let preview = try await Preview.start()
        defer { preview.stop() }
        let folder = try preview.fetch("/models/open-fixture")
        #expect(folder.status == 301)
        #expect(folder.headers["location"] == "/models/open-fixture/")

        let missing = try preview.fetch("/models/no-such-model/")
        #expect(missing.status == 404)
        #expect(missing.headers["content-type"] == "text/html; charset=utf-8")
        #expect(missing.text.contains("Page not found"))
        #expect(try preview.fetch("/index.html/").status == 404)
        #expect(try preview.fetch("/.hidden").status == 404)
    }

    @Test func refusesPathsThatLeaveTheSite() async throws {
        let preview = try await Preview.start()
        defer { preview.stop() }
        // Sent byte for byte (a URL library would normalise these before sending them).
        for target in ["/../../../../etc/passwd", "/models/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
                       "/%2E%2E%2f%2E%2E%2fetc%2fpasswd", "/..%2f..%2fetc/passwd", "//etc/passwd", "/%2fetc/passwd",
                       "/models/./open-fixture/", "/%00", "/..\\..\\etc\\passwd", "http://127.0.0.1/etc/passwd", "etc/passwd"] {
            let response = try preview.fetch(target)
            #expect([400, 404].contains(response.status), "\(target) gave \(response.status)")
            #expect(!response.text.contains("root:"), "\(target)")
        }
        #expect(try preview.fetch("/%2e%2e/etc/passwd").status == 400)
        #expect(try preview.fetch("/bad%zzencoding").status == 400)
    }

    @Test func answersHeadAndRefusesOtherMethods() async throws {
        let preview = try await Preview.start()
        defer { preview.stop() }
        let get = try preview.fetch("/")
        let head = try preview.fetch("/", method: "HEAD")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(head.headers["content-length"] == String(get.body.count))
        #expect(head.headers["content-type"] == "text/html; charset=utf-8")

        let post = try preview.fetch("/", method: "POST")
        #expect(post.status == 405)
        #expect(post.headers["allow"] == "GET, HEAD")
        #expect(try preview.send(raw: "NONSENSE\r\n\r\n").status == 400)
    }

    @Test func rebuildsOnChangeAndKeepsTheLastGoodSiteOnErrors() async throws {
        let preview = try await Preview.start()
        defer { preview.stop() }
        let manifest = preview.content.appendingPathComponent("models/open-fixture.yaml")
        let original = try String(contentsOf: manifest, encoding: .utf8)
        #expect(try preview.fetch("/models/open-fixture/").text.contains("Open Fixture 7B"))

        try original.replacingOccurrences(of: "name: Open Fixture 7B", with: "name: Renamed Fixture 7B")
            .write(to: manifest, atomically: true, encoding: .utf8)
        let renamed = try await eventually { try preview.fetch("/models/open-fixture/").text.contains("Renamed Fixture 7B") }
        #expect(renamed, "the page was not rebuilt; output: \(preview.log)")
        #expect(preview.stdout.contains("changed: \(manifest.path); rebuilding"))

        let broken = original.replacingOccurrences(of: "name: Open Fixture 7B", with: "name: Broken Fixture 7B")
            .replacingOccurrences(of: "  checkpoints: true", with: "  checkpionts: true")
        try broken.write(to: manifest, atomically: true, encoding: .utf8)
        let reported = try await eventually { preview.stderr.contains("kept serving the last good site") }
        #expect(reported, "no message about the broken content; output: \(preview.log)")
        #expect(preview.stdout.contains("error: [unknown-key] unknown key 'checkpionts'"))
        let page = try preview.fetch("/models/open-fixture/")
        #expect(page.status == 200)
        #expect(page.text.contains("Renamed Fixture 7B"))
        #expect(!page.text.contains("Broken Fixture 7B"))

        // Fixing the file brings the preview back to life.
        try original.write(to: manifest, atomically: true, encoding: .utf8)
        let restored = try await eventually { try preview.fetch("/models/open-fixture/").text.contains("Open Fixture 7B") }
        #expect(restored, "output: \(preview.log)")
    }

    @Test func aChangedTemplateRebuildsTheSite() async throws {
        let preview = try await Preview.start()
        defer { preview.stop() }
        let template = preview.templates.appendingPathComponent("pages/404.mustache")
        let text = try String(contentsOf: template, encoding: .utf8)
        try text.replacingOccurrences(of: "Page not found", with: "Nothing here").write(to: template, atomically: true, encoding: .utf8)
        let rebuilt = try await eventually { try preview.fetch("/missing").text.contains("Nothing here") }
        #expect(rebuilt, "output: \(preview.log)")
    }

    @Test func aBusyPortIsAClearError() async throws {
        let preview = try await Preview.start()
        defer { preview.stop() }
        let result = try CLI.run(["serve", "--port", String(preview.port), "--content", preview.content.path,
                                  "--templates", preview.templates.path, "--output", preview.work.appendingPathComponent("other").path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: port \(preview.port) on 127.0.0.1 is already in use; choose another with --port"))
    }

    @Test func rejectsAnInvalidPort() throws {
        let result = try CLI.run(["serve", "--port", "70000"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("'--port' must be from 0 to 65535."))
    }
}

/// Polls `condition` until it holds or `timeout` passes. The preview checks for changes
/// twice a second, so a rebuild normally shows within a second.
func eventually(timeout: Duration = .seconds(20), _ condition: () throws -> Bool) async throws -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try condition() { return true }
        try await Task.sleep(for: .milliseconds(100))
    }
    return try condition()
}

/// A running `atom-audit serve` on a free port, over a private copy of the fixtures.
/// It is stopped by `stop()` and, should a test fail before reaching it, by `deinit`,
/// so no test leaves a server behind.
final class Preview {
    let work: URL
    let content: URL
    let templates: URL
    let output: URL
    let port: UInt16
    private let process: Process
    private let stdoutFile: URL
    private let stderrFile: URL

    struct StartFailure: Error, CustomStringConvertible {
        var description: String
    }

    private init(work: URL, process: Process, port: UInt16) {
        self.work = work
        self.process = process
        self.port = port
        content = work.appendingPathComponent("Content")
        templates = work.appendingPathComponent("Templates")
        output = work.appendingPathComponent("Site")
        stdoutFile = work.appendingPathComponent("stdout.log")
        stderrFile = work.appendingPathComponent("stderr.log")
    }

    /// - Parameter arguments: more options for `serve`, such as its hidden limits.
    static func start(_ arguments: [String] = []) async throws -> Preview {
        let fileManager = FileManager.default
        let work = fileManager.temporaryDirectory.appendingPathComponent("serve-\(UUID().uuidString)")
        try fileManager.createDirectory(at: work, withIntermediateDirectories: true)
        try fileManager.copyItem(at: CLI.fixture("valid"), to: work.appendingPathComponent("Content"))
        try fileManager.copyItem(at: CLI.repositoryRoot.appendingPathComponent("Templates"), to: work.appendingPathComponent("Templates"))
        let stdoutFile = work.appendingPathComponent("stdout.log"), stderrFile = work.appendingPathComponent("stderr.log")
        _ = fileManager.createFile(atPath: stdoutFile.path, contents: nil)
        _ = fileManager.createFile(atPath: stderrFile.path, contents: nil)

        let process = Process()
        process.executableURL = CLI.executable
        // Port 0: the server picks a free port and prints it, so parallel tests never collide.
        process.arguments = ["serve", "--port", "0", "--content", work.appendingPathComponent("Content").path,
                             "--templates", work.appendingPathComponent("Templates").path,
                             "--output", work.appendingPathComponent("Site").path] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["ATOM_AUDIT_TODAY"] = "2025-09-01"
        process.environment = environment
        // Files, not pipes: nobody has to drain them while the server runs.
        process.standardOutput = try FileHandle(forWritingTo: stdoutFile)
        process.standardError = try FileHandle(forWritingTo: stderrFile)
        try process.run()

        let deadline = ContinuousClock.now + .seconds(30)
        // Looks once more after the deadline: on a busy machine this task may first run
        // again after it, when the server has long printed its port.
        var lastLook = false
        while !lastLook, process.isRunning {
            lastLook = ContinuousClock.now >= deadline
            let printed = (try? String(contentsOf: stdoutFile, encoding: .utf8)) ?? ""
            if let port = Self.port(in: printed) { return Preview(work: work, process: process, port: port) }
            try await Task.sleep(for: .milliseconds(50))
        }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        let printed = ((try? String(contentsOf: stdoutFile, encoding: .utf8)) ?? "") + ((try? String(contentsOf: stderrFile, encoding: .utf8)) ?? "")
        try? fileManager.removeItem(at: work)
        let ending = process.terminationReason == .uncaughtSignal ? "killed by signal \(process.terminationStatus)" : "exit status \(process.terminationStatus)"
        throw StartFailure(description: "the preview did not start (\(ending)): \(printed)")
    }

    /// The port from "serving '…' at http://127.0.0.1:<port>/".
    static func port(in output: String) -> UInt16? {
        guard let range = output.range(of: "at http://127.0.0.1:") else { return nil }
        let digits = output[range.upperBound...].prefix { $0.isNumber }
        return output[range.upperBound...].dropFirst(digits.count).hasPrefix("/") ? UInt16(digits) : nil
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: work)
    }

    deinit { stop() }

    var stdout: String { (try? String(contentsOf: stdoutFile, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? "" }
    var log: String { stdout + stderr }

    func fetch(_ target: String, method: String = "GET") throws -> RawHTTP.Response {
        try send(raw: "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n")
    }

    func send(raw request: String) throws -> RawHTTP.Response {
        try RawHTTP.exchange(request, port: port)
    }
}

/// A minimal HTTP client on sockets: it sends the request exactly as written, which a
/// URL library would not do for `..` or `%2e%2e`.
enum RawHTTP {
    struct Response {
        var status: Int
        /// Header names in lower case.
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func exchange(_ request: String, port: UInt16) throws -> Response {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw Failure(description: "socket() failed") }
        defer { close(descriptor) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = in_addr_t(0x7F00_0001).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(description: "could not connect to port \(port)") }
        let bytes = Array(request.utf8)
        guard bytes.withUnsafeBytes({ send(descriptor, $0.baseAddress, $0.count, 0) }) == bytes.count else {
            throw Failure(description: "could not send the request")
        }
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            received += chunk[0..<count]
        }
        return try parse(received)
    }

    static func parse(_ bytes: [UInt8]) throws -> Response {
        guard let end = bytes.firstRange(of: Array("\r\n\r\n".utf8)) else { throw Failure(description: "no complete response head") }
        let lines = String(decoding: bytes[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure(description: "bad status line: \(lines[0])") }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: Data(bytes[end.upperBound...]))
    }
}
