import Foundation
import Testing

@Suite struct BuildCommandTests {
    let work: URL

    init() throws {
        work = FileManager.default.temporaryDirectory.appendingPathComponent("build-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    }

    var templates: String { CLI.repositoryRoot.appendingPathComponent("Templates").path }

    func build(content: String, output: URL) throws -> CLI.Result {
        try CLI.run(["build", "--content", content, "--templates", templates, "--output", output.path])
    }

    /// Every file below `root` and its bytes.
    func snapshot(_ root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            files[String(url.path.dropFirst(root.path.count + 1))] = try Data(contentsOf: url)
        }
        return files
    }

    @Test func buildingTwiceGivesIdenticalBytes() throws {
        let first = work.appendingPathComponent("first"), second = work.appendingPathComponent("second")
        let result = try build(content: CLI.fixture("valid").path, output: first)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("built \(first.path): 2 models (1 truly open, 0 open source, 0 open weights, 0 restricted weights, 1 closed);"))
        _ = try build(content: CLI.fixture("valid").path, output: second)
        let a = try snapshot(first), b = try snapshot(second)
        #expect(a.keys.sorted() == b.keys.sorted())
        #expect(a == b)
        #expect(a["index.html"] != nil && a["models/open-fixture/index.html"] != nil && a["data/models.json"] != nil)
    }

    @Test func rebuildingWithNothingChangedWritesNothing() throws {
        let output = work.appendingPathComponent("Site")
        _ = try build(content: CLI.fixture("valid").path, output: output)
        let result = try build(content: CLI.fixture("valid").path, output: output)
        #expect(result.stdout.contains(": 0 written, 53 unchanged, 0 removed"))
    }

    @Test func aFailingBuildLeavesThePreviousOutputUnchanged() throws {
        let output = work.appendingPathComponent("Site")
        _ = try build(content: CLI.fixture("valid").path, output: output)
        let before = try snapshot(output)
        let result = try build(content: CLI.fixture("broken").path, output: output)
        #expect(result.status == 1)
        #expect(result.stdout.contains("error: [unknown-key]"))
        #expect(result.stderr.contains("error: the content has errors; nothing was written to '\(output.path)'"))
        #expect(try snapshot(output) == before)
    }

    @Test func brokenTemplatesLeaveThePreviousOutputUnchanged() throws {
        let output = work.appendingPathComponent("Site")
        _ = try build(content: CLI.fixture("valid").path, output: output)
        let before = try snapshot(output)
        let badTemplates = work.appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: templates), to: badTemplates)
        try "{{#open}}never closed".write(to: badTemplates.appendingPathComponent("pages/index.mustache"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["build", "--content", CLI.fixture("valid").path, "--templates", badTemplates.path, "--output", output.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("pages/index.mustache:1:"))
        #expect(try snapshot(output) == before)
    }

    @Test func missingOutputParentIsAClearError() throws {
        let output = work.appendingPathComponent("no/such/Site")
        let result = try build(content: CLI.fixture("valid").path, output: output)
        #expect(result.status == 1)
        #expect(result.stderr.contains("does not exist; create it or choose another --output; the previous site was left as it was"))
    }

    @Test func baseURLOverridesSiteYAML() throws {
        let output = work.appendingPathComponent("Site")
        let result = try CLI.run(["build", "--content", CLI.fixture("valid").path, "--templates", templates,
                                  "--output", output.path, "--base-url", "https://audit.example.net/site/"])
        #expect(result.status == 0)
        let sitemap = try String(contentsOf: output.appendingPathComponent("sitemap.xml"), encoding: .utf8)
        #expect(sitemap.contains("<loc>https://audit.example.net/site/models/open-fixture/</loc>"))
    }

    @Test func aPlaceholderBaseURLIsAWarningThatSaysWhatToSet() throws {
        let output = work.appendingPathComponent("Site")
        let placeholder = try build(content: CLI.fixture("valid").path, output: output)
        #expect(placeholder.status == 0, "a warning, not an error")
        #expect(placeholder.stderr.contains("warning: the site was built for https://example.org/audit/, a placeholder address; set base-url in \(CLI.fixture("valid").path)/site.yaml (or pass --base-url)"))
        // An up-to-date build says it again: nothing else would remind the publisher.
        #expect(try build(content: CLI.fixture("valid").path, output: output).stderr.contains("a placeholder address"))
        let real = try CLI.run(["build", "--content", CLI.fixture("valid").path, "--templates", templates,
                                "--output", output.path, "--base-url", "https://owner.github.io/audit/"])
        #expect(real.status == 0)
        #expect(!real.stderr.contains("warning"), "\(real.stderr)")
    }
}

@Suite struct BuildStampTests {
    let work: URL
    let templates = CLI.repositoryRoot.appendingPathComponent("Templates").path

    init() throws {
        work = FileManager.default.temporaryDirectory.appendingPathComponent("stamp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    }

    func build(_ content: String, _ output: URL) throws -> CLI.Result {
        try CLI.run(["build", "--content", content, "--templates", templates, "--output", output.path])
    }

    @Test func unchangedInputsSkipTheWholeBuild() throws {
        let output = work.appendingPathComponent("Site")
        _ = try build(CLI.fixture("valid").path, output)
        #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent(".Site.atom-audit-stamp").path))
        let again = try build(CLI.fixture("valid").path, output)
        #expect(again.status == 0)
        #expect(again.stdout.contains("(up to date: same inputs as the last build)"))
        #expect(again.stdout.contains("2 models (1 truly open, 0 open source, 0 open weights, 0 restricted weights, 1 closed)"))
    }

    @Test func aTouchedOutputFileIsRebuilt() throws {
        let output = work.appendingPathComponent("Site")
        _ = try build(CLI.fixture("valid").path, output)
        let index = output.appendingPathComponent("index.html")
        let original = try Data(contentsOf: index)
        try Data("edited by hand".utf8).write(to: index)
        let again = try build(CLI.fixture("valid").path, output)
        #expect(!again.stdout.contains("up to date"))
        #expect(again.stdout.contains(": 1 written,"))
        #expect(try Data(contentsOf: index) == original)
    }

    @Test func changedContentIsRebuilt() throws {
        let content = try TemporaryContent()
        let output = work.appendingPathComponent("Site")
        _ = try build(content.path, output)
        try content.write("models/extra.yaml", TemporaryContent.manifest(name: "Extra", origin: "DE"))
        let again = try build(content.path, output)
        #expect(again.stdout.contains("3 models"))
        #expect(!again.stdout.contains("up to date"))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("models/extra/index.html").path))
    }
}

/// Two builds into one output: the second stops at once and says who holds it.
@Suite struct ConcurrentBuildTests {
    @Test func aBuildWhileAnotherHoldsTheOutputStopsAtOnce() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("concurrent-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let lockFile = work.appendingPathComponent(".Site.atom-audit-lock")
        try Data("4242\n".utf8).write(to: lockFile)
        // Another process holds the lock (util-linux flock stands in for a running build).
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = ["--nonblock", lockFile.path, "sleep", "3"]
        try holder.run()
        defer { holder.terminate(); holder.waitUntilExit() }
        Thread.sleep(forTimeInterval: 0.3)
        let result = try CLI.run(["build", "--content", CLI.fixture("valid").path,
                                  "--templates", CLI.repositoryRoot.appendingPathComponent("Templates").path,
                                  "--output", work.appendingPathComponent("Site").path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("another build is writing '\(work.appendingPathComponent("Site").path)' (pid 4242)"))
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("Site").path), "nothing was written")
    }
}
