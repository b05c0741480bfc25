import AtomIO
import Foundation
import Testing

/// A refreshed manifest is written whole or not at all, and never over someone's edit.
@Suite struct AtomicFileReplaceTests {
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func replacesTheFileAndKeepsItsPermissions() throws {
        let root = try folder()
        let file = root.appendingPathComponent("m.yaml").path
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: file))
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file)
        try AtomicFileReplace.replace(file, with: Data("new\n".utf8), expecting: Data("old\n".utf8))
        #expect(FileManager.default.contents(atPath: file) == Data("new\n".utf8))
        #expect((try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int) == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["m.yaml"], "no temporary file left")
    }

    @Test func createsAFileThatWasAbsent() throws {
        let file = try folder().appendingPathComponent("coverage.yaml").path
        try AtomicFileReplace.replace(file, with: Data("x: 1\n".utf8), expecting: nil)
        #expect(FileManager.default.contents(atPath: file) == Data("x: 1\n".utf8))
    }

    @Test func refusesAFileEditedMeanwhile() throws {
        let root = try folder()
        let file = root.appendingPathComponent("m.yaml").path
        try Data("edited by hand\n".utf8).write(to: URL(fileURLWithPath: file))
        #expect(throws: AtomicFileReplace.Failure.changed(file)) {
            try AtomicFileReplace.replace(file, with: Data("new\n".utf8), expecting: Data("old\n".utf8))
        }
        #expect(FileManager.default.contents(atPath: file) == Data("edited by hand\n".utf8))
        #expect(throws: AtomicFileReplace.Failure.changed(file)) {
            try AtomicFileReplace.replace(file, with: Data("new\n".utf8), expecting: nil)
        }
    }

    @Test func anUnwritableFolderIsAClearErrorAndLeavesNothing() throws {
        let root = try folder()
        let file = root.appendingPathComponent("m.yaml").path
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: file))
        try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: root.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: root.path) }
        // Root may write anywhere; the check only means something for other users.
        guard getuid() != 0 else { return }
        #expect(throws: AtomicFileReplace.Failure.system(path: file, reason: "Permission denied")) {
            try AtomicFileReplace.replace(file, with: Data("new\n".utf8), expecting: Data("old\n".utf8))
        }
        #expect(FileManager.default.contents(atPath: file) == Data("old\n".utf8))
    }
}
