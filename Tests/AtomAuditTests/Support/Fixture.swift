import Foundation
@testable import AtomAudit
import AtomIO

/// Builds content snapshots for tests: the fixture folder's rubric, licenses and site,
/// plus whatever files a test adds or replaces.
enum Fixture {
    /// The project's own Content/ folder.
    static var repositoryContent: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Content").path
    }

    static var contentURL: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures/content")
    }

    /// The fixture content folder, read through the real reader.
    static func snapshot(replacing files: [String: String] = [:], removing removed: [String] = []) throws -> ContentSnapshot {
        var snapshot = try ContentReader().read(directory: contentURL.path)
        snapshot.root = "Content"
        for path in removed { snapshot.files[path] = nil }
        for (path, text) in files { snapshot.files[path] = Data(text.utf8) }
        return snapshot
    }

    static func audit(replacing files: [String: String] = [:], removing removed: [String] = [], today: CalendarDate? = nil) throws -> AuditReport {
        ContentAuditor(today: today).audit(try snapshot(replacing: files, removing: removed))
    }

    /// Audits one manifest (written with markers) next to the fixture rubric and catalog.
    static func auditManifest(_ marked: MarkedText, id: String = "subject") throws -> AuditReport {
        try audit(replacing: ["models/\(id).yaml": marked.text])
    }

    static let validManifest = """
        name: Subject Model
        developer: Example Lab
        origin: US
        weights:
          access: open
          license: Apache-2.0
          evidence: [https://huggingface.co/example/subject]
        data:
          access: described
          evidence: [https://arxiv.org/abs/2501.00001]
        code:
          access: inference
          evidence: [https://github.com/example/subject]
        assessed: 2025-08-10
        """
}
