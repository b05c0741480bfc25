import Foundation
import Testing
@testable import AtomIO

/// One build per output: the second is refused at once with the holder's pid, the lock
/// file goes when the holder lets go, and leftovers are found by their names.
@Suite struct OutputLockTests {
    let parent: URL
    var output: String { parent.appendingPathComponent("Site").path }

    init() throws {
        parent = FileManager.default.temporaryDirectory.appendingPathComponent("lock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
    }

    @Test func aSecondHolderIsRefusedWithTheFirstHoldersPid() throws {
        let first = try OutputLock.acquire(for: output)
        #expect(FileManager.default.fileExists(atPath: first.path))
        #expect(first.path == parent.appendingPathComponent(".Site.atom-audit-lock").path)
        do {
            _ = try OutputLock.acquire(for: output)
            Issue.record("a second lock on the same output was granted")
        } catch {
            #expect(error.pid == getpid())
            #expect(error.output == output)
        }
        first.release()
        #expect(!FileManager.default.fileExists(atPath: first.path), "the lock file is removed as the holder lets go")
        let again = try OutputLock.acquire(for: output)
        again.release()
    }

    @Test func releasingTwiceIsHarmless() throws {
        let lock = try OutputLock.acquire(for: output)
        lock.release()
        lock.release()
        #expect(try OutputLock.acquire(for: output).path == lock.path)
    }

    @Test func leftoversOfEveryKindAreFoundAndNothingElse() throws {
        for name in [".Site.staging-a", ".Site.old-b", ".Site.trash-c", ".Other.staging-d", "Site", ".Site.atom-audit-stamp"] {
            try FileManager.default.createDirectory(at: parent.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        #expect(Leftovers.find(beside: output).map { ($0 as NSString).lastPathComponent } == [".Site.old-b", ".Site.staging-a", ".Site.trash-c"])
    }

    /// Where the kernel has no atomic exchange, two renames do the swap.
    @Test func theTwoRenameFallbackSwapsTheFolders() throws {
        let staging = parent.appendingPathComponent(".Site.staging-x")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        try Data("new".utf8).write(to: staging.appendingPathComponent("index.html"))
        try Data("old".utf8).write(to: URL(fileURLWithPath: output).appendingPathComponent("index.html"))
        try FolderSwap.swap(staging.path, into: output, exchange: { _, _ in false })
        #expect(try String(contentsOfFile: output + "/index.html", encoding: .utf8) == "new")
        #expect(try String(contentsOf: staging.appendingPathComponent("index.html"), encoding: .utf8) == "old")
        #expect(Leftovers.find(beside: output).map { ($0 as NSString).lastPathComponent } == [".Site.staging-x"], "no .old folder stays")
    }

    @Test func theTreeRemoverRemovesEverythingButFollowsNoLink() throws {
        let tree = parent.appendingPathComponent("tree/a/b")
        try FileManager.default.createDirectory(at: tree, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: tree.appendingPathComponent("f"))
        let outside = parent.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: outside.appendingPathComponent("keep"))
        try FileManager.default.createSymbolicLink(at: tree.appendingPathComponent("link"), withDestinationURL: outside)
        TreeRemover.remove(parent.appendingPathComponent("tree").path)
        #expect(!FileManager.default.fileExists(atPath: parent.appendingPathComponent("tree").path))
        #expect(FileManager.default.fileExists(atPath: outside.appendingPathComponent("keep").path))
    }
}
