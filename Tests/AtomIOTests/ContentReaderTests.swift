import AtomAudit
@testable import AtomIO
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite struct ContentReaderTests {
    /// A content folder with `models/` holding one manifest named by raw bytes.
    func folder(withModelNamed name: [UInt8]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("reader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("models"), withIntermediateDirectories: true)
        try Data("name: x\n".utf8).write(to: root.appendingPathComponent("models/plain.yaml"))
        var path = (Array(root.appendingPathComponent("models").path.utf8) + [UInt8(ascii: "/")] + name + [0]).map { CChar(bitPattern: $0) }
        let descriptor = open(&path, O_CREAT | O_WRONLY, 0o644)
        try #require(descriptor >= 0, "the file system refused the name")
        close(descriptor)
        return root
    }

    @Test func aFileNameThatIsNotUTF8IsAnErrorNamingItsBytes() throws {
        let root = try folder(withModelNamed: Array("bad".utf8) + [0xFF, 0xFE] + Array(".yaml".utf8))
        defer { try? FileManager.default.removeItem(at: root) }
        let snapshot = try ContentReader().read(directory: root.path)
        #expect(snapshot.files.keys.sorted() == ["models/plain.yaml"])
        let problem = try #require(snapshot.readingDiagnostics.first)
        #expect(snapshot.readingDiagnostics.count == 1)
        #expect(problem.code == "file-name-not-utf8")
        #expect(problem.severity == .error)
        #expect(problem.location?.file == "\(root.path)/models/bad\\xFF\\xFE.yaml")
        #expect(problem.message.hasPrefix("the file name 'models/bad\\xFF\\xFE.yaml' is not valid UTF-8"))
    }

    @Test func namesAreListedAsTheirBytes() throws {
        let root = try folder(withModelNamed: [0x80])
        defer { try? FileManager.default.removeItem(at: root) }
        let names = try #require(FileSystemCalls.nameBytes(in: root.appendingPathComponent("models").path))
        #expect(names.sorted { $0.lexicographicallyPrecedes($1) } == [Array("plain.yaml".utf8), [0x80]])
    }
}
