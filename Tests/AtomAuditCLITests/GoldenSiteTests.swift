import Foundation
import Testing

/// Determinism across processes: Swift seeds its hashing per process, so a dictionary's
/// order that leaked into a page would differ from one run to the next. Two separate
/// builds of the fixture content must give the bytes recorded in the golden file.
///
/// After an intended change to templates or rendering, rewrite the golden file with
/// `ATOM_AUDIT_UPDATE_GOLDEN=1 swift test --filter GoldenSiteTests` and review its diff.
@Suite struct GoldenSiteTests {
    static var golden: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/golden/valid-site.txt")
    }

    /// "<size> <FNV-1a 64> <path>" per file, sorted by path.
    static func digest(of root: URL) throws -> String {
        var lines: [String] = []
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            let data = try Data(contentsOf: url)
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in data { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            let path = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            lines.append("\(data.count) \(String(hash, radix: 16)) \(path)")
        }
        return lines.sorted { $0.split(separator: " ")[2] < $1.split(separator: " ")[2] }.joined(separator: "\n") + "\n"
    }

    @Test func twoProcessesBuildTheGoldenBytes() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("golden-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let templates = CLI.repositoryRoot.appendingPathComponent("Templates").path
        var digests: [String] = []
        for name in ["first", "second"] {
            let output = work.appendingPathComponent(name)
            let result = try CLI.run(["build", "--content", CLI.fixture("valid").path, "--templates", templates,
                                      "--output", output.path, "--as-of", "2025-09-01", "--base-url", "https://audit.example.gov/"])
            #expect(result.status == 0, "\(result.stderr)")
            digests.append(try Self.digest(of: output))
        }
        #expect(digests[0] == digests[1], "two builds of the same content differ")
        if ProcessInfo.processInfo.environment["ATOM_AUDIT_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try digests[0].write(to: Self.golden, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: Self.golden, encoding: .utf8)
        let changed = Set(digests[0].split(separator: "\n")).symmetricDifference(expected.split(separator: "\n")).map { String($0.split(separator: " ").last ?? "") }
        #expect(digests[0] == expected, "files differ from the golden build: \(Set(changed).sorted()); if intended, run ATOM_AUDIT_UPDATE_GOLDEN=1 swift test --filter GoldenSiteTests")
    }
}
