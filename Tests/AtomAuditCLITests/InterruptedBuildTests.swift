import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A build killed at any moment (SIGKILL: no cleanup code runs) leaves the previous
/// site byte for byte as it was, and the next build succeeds and clears what the killed
/// one left behind. The writer stages the new site beside the output and swaps it in
/// with one rename (see `SiteWriter`); this test holds it to that.
@Suite(.serialized) struct InterruptedBuildTests {
    /// Enough models that a build takes seconds, so every kill lands mid-build.
    static let modelCount = 1_000

    /// When a build is killed.
    enum Moment: CustomStringConvertible {
        case after(milliseconds: Int)
        /// Once the staging folder beside the output exists: the writing phase.
        case whileWriting

        var description: String {
            switch self {
            case .after(let milliseconds): "after \(milliseconds) ms"
            case .whileWriting: "while writing"
            }
        }
    }

    let work: URL
    var site: URL { work.appendingPathComponent("Site") }
    var templates: String { CLI.repositoryRoot.appendingPathComponent("Templates").path }

    init() throws {
        work = FileManager.default.temporaryDirectory.appendingPathComponent("interrupted-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    }

    @Test func killedBuildsLeaveThePreviousSiteIntactAndTheNextBuildCleansUp() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        let original = try makeContent(named: "original", title: "Fixture audit")
        let changed = try makeContent(named: "changed", title: "Fixture audit, changed")

        let first = try CLI.run(build(original))
        try #require(first.status == 0, "\(first.stderr)")
        let before = try Self.files(under: site)
        try #require(before.count > Self.modelCount * 3, "every model has a page, a Markdown page and a badge")

        for moment in [Moment.after(milliseconds: 5), .after(milliseconds: 50), .after(milliseconds: 200),
                       .after(milliseconds: 500), .whileWriting] {
            let killed = try runAndKill(build(changed), at: moment)
            #expect(killed, "the build was meant to be killed \(moment), but it had already finished")
            #expect(try Self.files(under: site) == before, "the site changed when a build was killed \(moment)")
        }
        #expect(!leftovers().isEmpty, "the kill while writing leaves its staging folder for the next build to clear")

        let next = try CLI.run(build(changed))
        #expect(next.status == 0, "\(next.stderr)")
        #expect(leftovers().isEmpty, "the next build removes staging folders that killed builds left")
        let after = try Self.files(under: site)
        #expect(Set(after.keys) == Set(before.keys))
        let index = String(decoding: after["index.html"] ?? Data(), as: UTF8.self)
        #expect(index.contains("<title>Fixture audit, changed</title>"))
    }

    // MARK: Running and killing

    func build(_ content: URL) -> [String] {
        ["build", "--content", content.path, "--templates", templates, "--output", site.path]
    }

    /// Starts a build, kills it at `moment`, and says whether it was still running then.
    func runAndKill(_ arguments: [String], at moment: Moment) throws -> Bool {
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(["ATOM_AUDIT_TODAY": "2025-09-01"]) { $1 }
        // Output is not read: a full pipe must not be what stops the build.
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        switch moment {
        case .after(let milliseconds):
            Thread.sleep(forTimeInterval: Double(milliseconds) / 1000)
        case .whileWriting:
            let earlier = Set(leftovers())
            let deadline = Date().addingTimeInterval(120)
            while process.isRunning, Set(leftovers()).subtracting(earlier).isEmpty, Date() < deadline {
                Thread.sleep(forTimeInterval: 0.002)
            }
            // Let it write for a moment, so the staging folder is partly filled.
            Thread.sleep(forTimeInterval: 0.05)
        }
        let wasRunning = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return wasRunning && process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
    }

    /// Staging or swap folders beside the output (`.Site.staging-…`, `.Site.old-…`).
    func leftovers() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: work.path)) ?? []
        // The build stamp beside the output is a cache, not a leftover.
        return names.filter { $0.hasPrefix(".Site.") && !$0.hasSuffix(".atom-audit-stamp") }
    }

    // MARK: Content and output

    /// The CLI's valid fixture plus `modelCount` copies of its open model, each with its own id and name.
    func makeContent(named name: String, title: String) throws -> URL {
        let fileManager = FileManager.default
        let content = work.appendingPathComponent(name)
        try fileManager.copyItem(at: CLI.fixture("valid"), to: content)
        let siteYAML = content.appendingPathComponent("site.yaml")
        let settings = try String(contentsOf: siteYAML, encoding: .utf8)
        try settings.replacingOccurrences(of: "title: Fixture audit\n", with: "title: \(title)\n")
            .write(to: siteYAML, atomically: true, encoding: .utf8)
        let models = content.appendingPathComponent("models")
        let template = try String(contentsOf: models.appendingPathComponent("open-fixture.yaml"), encoding: .utf8)
        for number in 1...Self.modelCount {
            let manifest = template.replacingOccurrences(of: "name: Open Fixture 7B", with: "name: Generated Model \(number)")
                .replacingOccurrences(of: "example/open-fixture", with: "example/generated-\(number)")
            try Data(manifest.utf8).write(to: models.appendingPathComponent("generated-\(number).yaml"))
        }
        return content
    }

    /// Every file below `root` and its bytes.
    static func files(under root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            files[String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))] = try Data(contentsOf: url)
        }
        return files
    }
}
