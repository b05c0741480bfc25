import AtomAudit
import AtomIO
import Foundation
import TestSupport
@testable import AtomSite

/// A site built by the pipeline, as `build` builds it, from a git repository holding the
/// history story (`HistoryFixture.story`), a GitHub repository named in site.yaml, and
/// edition tags: `edition-2025-01` (light, on "Rubric 1.1"), `edition-first` (annotated,
/// dated 2025-02-01, on "Add Acme 7B"), `edition-broken` (on the commit with an error) and
/// `v1` (not an edition).
final class HistorySite {
    let repository: TestRepository
    /// The story's commits, oldest first, then the commit that names the repository.
    let ids: [String]
    let work: URL
    var output: URL { work.appendingPathComponent("Site") }
    var cache: URL { work.appendingPathComponent("cache") }
    var content: String { repository.root.appendingPathComponent("Content").path }

    init() throws {
        repository = try TestRepository()
        var ids = try HistoryFixture.story(in: repository)
        try repository.write("Content/site.yaml", try repository.read("Content/site.yaml") + "repository: https://github.com/example/audit\n")
        ids.append(try repository.commit("Name the repository", date: "2025-01-09"))
        try repository.git("tag", "edition-2025-01", ids[6])
        try repository.git("tag", "-a", "edition-first", "-m", "The first edition", ids[1], environment: ["GIT_COMMITTER_DATE": "2025-02-01T12:00:00Z"])
        try repository.git("tag", "edition-broken", ids[4])
        try repository.git("tag", "v1", ids[7])
        self.ids = ids
        work = FileManager.default.temporaryDirectory.appendingPathComponent("history-site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    }

    deinit {
        repository.delete()
        try? FileManager.default.removeItem(at: work)
    }

    /// The pipeline `build` runs, reading history with this site's own cache.
    func pipeline(output: URL? = nil) -> SitePipeline {
        var pipeline = SitePipeline(content: content, templates: SiteFixture.templatesPath, output: (output ?? self.output).path)
        pipeline.history = SitePipeline.HistorySettings(tool: "history-site-test", cacheFolder: cache.path)
        return pipeline
    }

    /// Builds the site; the progress lines it printed come back with the result.
    @discardableResult
    func build(output: URL? = nil) throws -> (result: SitePipeline.Result, progress: [String]) {
        let lines = Lines()
        var pipeline = pipeline(output: output)
        pipeline.progress = { lines.append($0) }
        let result = try pipeline.run()
        return (result, lines.all)
    }

    func text(_ path: String, in output: URL? = nil) throws -> String {
        try String(contentsOf: (output ?? self.output).appendingPathComponent(path), encoding: .utf8)
    }

    func html(_ path: String) throws -> HTMLElement { HTMLDocument.parse(try text(path)) }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path) }

    func commitURL(_ index: Int) -> String { "https://github.com/example/audit/commit/\(ids[index])" }

    /// Progress lines collected from the pipeline's callback.
    final class Lines: @unchecked Sendable {
        // @unchecked: every access holds `lock`.
        private var lines: [String] = []
        private let lock = NSLock()
        func append(_ line: String) { lock.withLock { lines.append(line) } }
        var all: [String] { lock.withLock { lines } }
    }
}
