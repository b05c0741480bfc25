import AtomAudit
import AtomIO
import Foundation
import Testing
@testable import AtomSite

@Suite struct SiteWriterTests {
    let parent: URL
    var output: URL { parent.appendingPathComponent("Site") }

    init() throws {
        parent = FileManager.default.temporaryDirectory.appendingPathComponent("site-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
    }

    func files(_ pairs: [String: String]) -> [OutputFile] {
        pairs.map { OutputFile(path: $0.key, text: $0.value) }
    }

    func read(_ path: String) -> String? {
        try? String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    func inode(_ path: String) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent(path).path)[.systemFileNumber] as? Int
    }

    @Test func writesANewSite() throws {
        let summary = try SiteWriter().write(files(["index.html": "home", "models/a/index.html": "a"]), to: output)
        #expect(summary == .init(written: 2, unchanged: 0, removed: 0))
        #expect(read("index.html") == "home")
        #expect(read("models/a/index.html") == "a")
    }

    /// The build stamp takes sizes and times from the session instead of walking the
    /// output again: they must be what a walk finds, for written and linked files alike.
    @Test func theSessionKnowsTheTimesAWalkWouldFind() throws {
        let first = try SiteWriter().begin(output)
        try first.add(files(["index.html": "home", "models/a/index.html": "a", "models/b/index.html": "b"]))
        _ = try first.commit()
        #expect(first.committedTimes == FileSystemCalls.regularFilesWithTimes(under: output.path))

        let second = try SiteWriter().begin(output)
        try second.add(files(["index.html": "home", "models/a/index.html": "changed", "models/c/index.html": "c"]))
        _ = try second.commit()
        let times = try #require(second.committedTimes)
        #expect(times.keys.sorted() == ["index.html", "models/a/index.html", "models/c/index.html"])
        #expect(times == FileSystemCalls.regularFilesWithTimes(under: output.path))

        // Nothing changed: the session leaves the output alone and knows no times.
        let third = try SiteWriter().begin(output)
        try third.add(files(["index.html": "home", "models/a/index.html": "changed", "models/c/index.html": "c"]))
        _ = try third.commit()
        #expect(third.committedTimes == nil)
    }

    @Test func theBackgroundWriterWritesEveryBatchAndReportsAFailure() throws {
        let session = try SiteWriter().begin(output)
        let writer = Self.queue(session)
        for index in 0..<20 { try writer.add(files(["models/m\(index)/index.html": "page \(index)"]), bytes: 6) }
        try writer.finish()
        _ = try session.commit()
        #expect(read("models/m0/index.html") == "page 0")
        #expect(read("models/m19/index.html") == "page 19")

        let failing = try SiteWriter().begin(output)
        let broken = Self.queue(failing)
        try broken.add(files(["../escape.html": "x"]), bytes: 1)
        // The failure reaches the caller at the latest when it finishes, and the output is untouched.
        #expect(throws: SiteWriter.Failure.self) {
            for _ in 0..<5 { try broken.add(files(["more.html": "y"]), bytes: 1) }
            try broken.finish()
        }
        failing.discard()
        #expect(read("models/m0/index.html") == "page 0")
        #expect(!FileManager.default.fileExists(atPath: parent.appendingPathComponent("escape.html").path))
    }

    static func queue(_ session: SiteWriter.Session) -> BackgroundQueue<[OutputFile], SiteWriter.Failure> {
        BackgroundQueue { (batch: [OutputFile]) throws(SiteWriter.Failure) in try session.add(batch) }
    }

    /// Identical small files (badges of the same tier and points) share one inode.
    @Test func identicalSmallFilesAreWrittenOnceAndLinked() throws {
        let session = try SiteWriter().begin(output)
        try session.add(files(["badges/a.svg": "<svg>62</svg>", "badges/b.svg": "<svg>62</svg>", "badges/c.svg": "<svg>70</svg>"]))
        try session.add(files(["badges/d.svg": "<svg>62</svg>", "big/a.txt": String(repeating: "x", count: 4096)]))
        try session.add(files(["big/b.txt": String(repeating: "x", count: 4096)]))
        let summary = try session.commit()
        #expect(summary == .init(written: 6, unchanged: 0, removed: 0))
        #expect(read("badges/d.svg") == "<svg>62</svg>")
        #expect(read("badges/c.svg") == "<svg>70</svg>")
        let shared = try inode("badges/a.svg")
        #expect(try inode("badges/b.svg") == shared)
        #expect(try inode("badges/d.svg") == shared)
        #expect(try inode("badges/c.svg") != shared)
        // Larger files are never compared, so never linked.
        #expect(try inode("big/a.txt") != (try inode("big/b.txt")))
        #expect(session.committedTimes == FileSystemCalls.regularFilesWithTimes(under: output.path))
    }

    // MARK: Files in parts

    /// Writes one site whose `data/all.json` comes in parts across batches, beside `page`.
    func writeInParts(_ parts: [String], page: String) throws -> (summary: SiteWriter.Summary, session: SiteWriter.Session) {
        let session = try SiteWriter().begin(output)
        for (index, part) in parts.enumerated() {
            let kind: OutputFile.Part = index == 0 ? .first : index == parts.count - 1 ? .last : .middle
            var batch = [OutputFile(path: "data/all.json", contents: Data(part.utf8), part: kind)]
            if index == 0 { batch.append(OutputFile(path: "index.html", text: page)) }
            try session.add(batch)
        }
        return (try session.commit(), session)
    }

    @Test func aFileInPartsIsWrittenWholeAndCountedOnce() throws {
        let (summary, session) = try writeInParts(["[1,", "2,", "3]"], page: "home")
        #expect(summary == .init(written: 2, unchanged: 0, removed: 0))
        #expect(read("data/all.json") == "[1,2,3]")
        #expect(session.committedTimes == FileSystemCalls.regularFilesWithTimes(under: output.path))
    }

    /// Compared part by part with the current copy: unchanged, it is not rewritten, even
    /// when other files change; changed anywhere, or shorter, it is.
    @Test func aFileInPartsIsRewrittenOnlyWhenItsBytesChange() throws {
        _ = try writeInParts(["[1,", "2,", "3]"], page: "home")
        let original = try inode("data/all.json")

        let (same, sameSession) = try writeInParts(["[1,", "2,", "3]"], page: "new home")
        #expect(same == .init(written: 1, unchanged: 1, removed: 0))
        #expect(try inode("data/all.json") == original)
        #expect(sameSession.committedTimes == FileSystemCalls.regularFilesWithTimes(under: output.path))

        // Nothing at all changed: the output is left as it was.
        let (untouched, _) = try writeInParts(["[1,", "2,", "3]"], page: "new home")
        #expect(untouched == .init(written: 0, unchanged: 2, removed: 0))
        #expect(try inode("data/all.json") == original)

        // Only the file in parts changed, in its last part; then it gets shorter.
        let (changed, _) = try writeInParts(["[1,", "2,", "4]"], page: "new home")
        #expect(changed == .init(written: 1, unchanged: 1, removed: 0))
        #expect(read("data/all.json") == "[1,2,4]")
        #expect(try inode("data/all.json") != original)
        let (shorter, _) = try writeInParts(["[1,", "2,", "4"], page: "new home")
        #expect(shorter == .init(written: 1, unchanged: 1, removed: 0))
        #expect(read("data/all.json") == "[1,2,4")
    }

    @Test func aFileInPartsThatIsNeverFinishedFailsTheBuild() throws {
        _ = try SiteWriter().write(files(["index.html": "v1"]), to: output)
        let session = try SiteWriter().begin(output)
        try session.add([OutputFile(path: "index.html", text: "v2"), OutputFile(path: "data/all.json", contents: Data("[1".utf8), part: .first)])
        #expect(throws: SiteWriter.Failure.self) { _ = try session.commit() }
        #expect(read("index.html") == "v1")
        #expect(throws: SiteWriter.Failure.self) {
            try SiteWriter().begin(output).add([OutputFile(path: "data/all.json", contents: Data("2]".utf8), part: .last)])
        }
    }

    @Test func onlyRelativePathsInsideTheOutputAreSafe() {
        for path in ["index.html", "models/a/index.html", "a/.well-known/x", "...", "a/.../b", "é/ü.html", ".nojekyll"] {
            #expect(SiteWriter.isSafe(path), "\(path)")
        }
        for path in ["", "/etc/passwd", "../x", "a/../b", "a/..", ".", "./a", "a/./b", "a//b", "a/", "a\\b", "a\u{0}b"] {
            #expect(!SiteWriter.isSafe(path), "\(path.debugDescription)")
        }
    }

    @Test func rewritingTheSameSiteTouchesNothing() throws {
        let site = files(["index.html": "home", "models/a/index.html": "a"])
        _ = try SiteWriter().write(site, to: output)
        let before = try inode("index.html")
        let modified = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent("index.html").path)[.modificationDate] as? Date
        let summary = try SiteWriter().write(site, to: output)
        #expect(summary == .init(written: 0, unchanged: 2, removed: 0))
        #expect(try inode("index.html") == before)
        #expect(try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent("index.html").path)[.modificationDate] as? Date == modified)
    }

    @Test func oneChangedFileIsTheOnlyOneWrittenAndStaleFilesGo() throws {
        _ = try SiteWriter().write(files(["index.html": "home", "a.html": "a", "old.html": "old"]), to: output)
        let unchangedInode = try inode("a.html")
        let summary = try SiteWriter().write(files(["index.html": "new home", "a.html": "a"]), to: output)
        #expect(summary == .init(written: 1, unchanged: 1, removed: 1))
        #expect(read("index.html") == "new home")
        #expect(read("old.html") == nil)
        // The unchanged file is the same inode, hard-linked into the new site, not rewritten.
        #expect(try inode("a.html") == unchangedInode)
    }

    @Test func aFailedWriteLeavesThePreviousSiteAndNoStagingBehind() throws {
        _ = try SiteWriter().write(files(["index.html": "v1"]), to: output)
        // "a" as a file and "a/b" below it cannot both exist: staging fails midway.
        #expect(throws: SiteWriter.Failure.self) {
            try SiteWriter().write(files(["index.html": "v2", "a": "x", "a/b": "y"]), to: output)
        }
        #expect(read("index.html") == "v1")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: parent.path).filter { $0 != "Site" }
        #expect(leftovers.isEmpty)
    }

    @Test(arguments: ["../escape.html", "/etc/passwd", "a/../../b", "a//b", "./a"])
    func pathsThatLeaveTheOutputAreRefused(_ path: String) throws {
        #expect(throws: SiteWriter.Failure.self) { try SiteWriter().write([OutputFile(path: path, text: "x")], to: output) }
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func missingParentFolderIsAClearError() {
        let nowhere = parent.appendingPathComponent("missing/Site")
        #expect {
            try SiteWriter().write(files(["index.html": "x"]), to: nowhere)
        } throws: { error in
            (error as? SiteWriter.Failure)?.description == "the folder that should hold the output, '\(parent.appendingPathComponent("missing").path)', does not exist; create it or choose another --output"
        }
    }

    @Test func leftoverStagingFromAKilledBuildIsCleanedUp() throws {
        let leftover = parent.appendingPathComponent(".Site.staging-dead")
        try FileManager.default.createDirectory(at: leftover, withIntermediateDirectories: true)
        _ = try SiteWriter().write(files(["index.html": "x"]), to: output)
        #expect(!FileManager.default.fileExists(atPath: leftover.path))
    }
}

/// The writer's parts and their fallbacks: the lock, the clean-up of dead builds' leftovers,
/// deleting an old site in the background, and copying where hard links fail.
@Suite struct SiteWriterPartsTests {
    let parent: URL
    var output: URL { parent.appendingPathComponent("Site") }

    init() throws {
        parent = FileManager.default.temporaryDirectory.appendingPathComponent("writer-parts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
    }

    func files(_ contents: [String: String]) -> [OutputFile] {
        contents.map { OutputFile(path: $0.key, text: $0.value) }
    }

    /// Deletions run inline, and every deleted path is recorded.
    final class Deleted: @unchecked Sendable {
        // Unchecked: only the test's own thread touches it (removal runs inline).
        var paths: [String] = []
    }

    func inlineRemoval(_ deleted: Deleted) -> OldSiteRemoval {
        OldSiteRemoval(delete: { path in deleted.paths.append((path as NSString).lastPathComponent); TreeRemover.remove(path) },
                       inBackground: { $0() })
    }

    @Test func aSecondBuildIntoTheSameOutputIsRefused() throws {
        let first = try SiteWriter().begin(output)
        #expect(throws: SiteWriter.Failure.self) { _ = try SiteWriter().begin(output) }
        do {
            _ = try SiteWriter().begin(output)
        } catch {
            #expect(error.description.hasPrefix("another build is writing '\(output.path)' (pid \(getpid()))"))
        }
        first.discard()
        let second = try SiteWriter().begin(output)
        try second.add(files(["index.html": "ok"]))
        _ = try second.commit()
        #expect(Leftovers.find(beside: output.path).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: OutputLock.location(for: output.path)))
    }

    @Test func leftoversOfDeadBuildsAreRemovedByTheNextBuild() throws {
        for name in [".Site.staging-dead", ".Site.old-dead", ".Site.trash-dead"] {
            let folder = parent.appendingPathComponent(name + "/models/x")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("stale".utf8).write(to: folder.appendingPathComponent("index.html"))
        }
        let deleted = Deleted()
        let session = try SiteWriter(removal: inlineRemoval(deleted)).begin(output)
        // Holding the lock, the new build knows they are garbage: each is moved to the trash
        // (a trash folder keeps its name) and deleted before anything is staged.
        #expect(Leftovers.find(beside: output.path).isEmpty)
        #expect(deleted.paths.count == 3 && deleted.paths.allSatisfy { $0.hasPrefix(".Site.trash-") })
        #expect(deleted.paths.contains(".Site.trash-dead"))
        try session.add(files(["index.html": "new"]))
        _ = try session.commit()
        #expect(Leftovers.find(beside: output.path).isEmpty)
    }

    /// A large old site is renamed to a trash folder and deleted off the build's path.
    @Test func aLargeOldSiteGoesToTheTrashAndIsDeleted() throws {
        let deleted = Deleted()
        let writer = SiteWriter(removal: inlineRemoval(deleted))
        var many: [String: String] = [:]
        for index in 0...SiteWriter.Session.backgroundRemovalThreshold { many["models/m\(index)/index.html"] = "page \(index)" }
        _ = try writer.write(files(many), to: output)
        _ = try writer.write(files(["index.html": "replaced"]), to: output)
        #expect(deleted.paths.count == 1 && deleted.paths[0].hasPrefix(".Site.trash-"))
        #expect(Leftovers.find(beside: output.path).isEmpty)
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "replaced")
    }

    /// Where the current site cannot be hard-linked (another file system), unchanged files are copied.
    @Test func unchangedFilesAreCopiedWhereHardLinksFail() throws {
        let shm = URL(fileURLWithPath: "/dev/shm/atom-audit-\(UUID().uuidString)")
        guard (try? FileManager.default.createDirectory(at: shm, withIntermediateDirectories: true)) != nil else { return }
        defer { try? FileManager.default.removeItem(at: shm) }
        let current = shm.appendingPathComponent("page.html")
        try Data("unchanged".utf8).write(to: current)
        let target = parent.appendingPathComponent("copy.html")
        let times = try StagingArea.linkOrCopy(current.path, to: target.path, size: 9)
        #expect(times.size == 9)
        #expect(try String(contentsOf: target, encoding: .utf8) == "unchanged")
        let inode = { (url: URL) in try FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? UInt64 }
        #expect(try inode(target) != inode(current))
    }
}
