import Foundation
import TestSupport

/// A writable copy of a fixture content folder, for tests that edit content.
struct TemporaryContent {
    let root: URL

    init(copying fixture: String = "valid") throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("content-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: CLI.fixture(fixture), to: root)
    }

    var path: String { root.path }

    func write(_ relative: String, _ text: String) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
    }

    func remove(_ relative: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(relative))
    }

    /// A scenario whose one signpost is met exactly while China has no open-weights model:
    /// the one the history tests commit.
    static let scenario = HistoryFixture.scenario

    static func manifest(name: String, origin: String, weights: String = "open", license: String = "Apache-2.0", data: String = "undisclosed") -> String {
        """
        name: \(name)
        developer: Example Lab
        origin: \(origin)
        weights:
          access: \(weights)
        \(weights == "hosted" ? "" : "  license: \(license)\n  evidence: [https://huggingface.co/example/\(name.lowercased().replacingOccurrences(of: " ", with: "-"))]")
        data:
          access: \(data)
        \(data == "undisclosed" ? "" : "  evidence: [https://huggingface.co/datasets/example/data]")
        code:
          access: none
        assessed: 2025-08-10
        """
    }
}
