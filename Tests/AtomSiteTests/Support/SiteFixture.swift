import AtomAudit
import AtomIO
import Foundation
@testable import AtomSite

/// Builds the fixture content with the project's real templates, in memory.
enum SiteFixture {
    static var contentPath: String {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures/content").path
    }

    static var hostileContentPath: String {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures/hostile-content").path
    }

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    static var templatesPath: String { repositoryRoot.appendingPathComponent("Templates").path }

    static func report(contentPath: String = contentPath) throws -> AuditReport {
        var snapshot = try ContentReader().read(directory: contentPath)
        snapshot.root = "Content"
        return ContentAuditor().audit(snapshot)
    }

    /// The fixture content plus `count` small generated models, each with one downloads
    /// figure 100 days after release (model k: k × 1,000): enough models of one size class
    /// for relative adoption to be computed.
    static func reportWithAdoptionPeers(count: Int = 11) throws -> AuditReport {
        var snapshot = try ContentReader().read(directory: contentPath)
        snapshot.root = "Content"
        for index in 1...count {
            snapshot.files["models/peer-\(index).yaml"] = Data("""
                name: Peer \(index)
                developer: Peer Lab
                origin: \(index % 2 == 0 ? "CN" : "US")
                released: 2025-01-01
                parameters: 3B
                family: peer-\(index)
                weights:
                  access: open
                  license: Apache-2.0
                  evidence: [https://huggingface.co/peer/model-\(index)]
                data:
                  access: undisclosed
                code:
                  access: inference
                  evidence: [https://github.com/peer/model-\(index)]
                adoption:
                  repositories: [peer/model-\(index)]
                  snapshots:
                    - as-of: 2025-04-11
                      downloads: \(index * 1_000)
                      source: https://huggingface.co/api/models/peer/model-\(index)
                assessed: 2025-08-10
                """.utf8)
        }
        return ContentAuditor().audit(snapshot)
    }

    /// The fixture content with every adoption snapshot removed (repositories kept): the
    /// state of a catalogue before its first `adoption refresh`.
    static func reportWithoutFigures() throws -> AuditReport {
        var snapshot = try ContentReader().read(directory: contentPath)
        snapshot.root = "Content"
        for (path, data) in snapshot.files where path.hasPrefix("models/") {
            var kept: [Substring] = [], skipping = false
            for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("  snapshots:") { skipping = true } else if !line.hasPrefix(" ") { skipping = false }
                if !skipping { kept.append(line) }
            }
            snapshot.files[path] = Data(kept.joined(separator: "\n").utf8)
        }
        return ContentAuditor().audit(snapshot)
    }

    /// The project's templates; with a recorder, in strict mode.
    static func templates(recorder: TemplateNameRecorder? = nil) throws -> TemplateLibrary {
        let (library, diagnostics) = TemplateLibrary.load(from: templatesPath, sources: TemplateLibrary.sourceFiles(in: templatesPath), recorder: recorder)
        guard let library else { throw FixtureError.templates(diagnostics) }
        return library
    }

    /// Every output file of the fixture site, by path.
    static func build(_ report: AuditReport? = nil) throws -> [String: OutputFile] {
        let result = SiteBuilder(templates: try templates()).build(try report ?? Self.report())
        guard !result.diagnostics.containsErrors else { throw FixtureError.build(result.diagnostics) }
        return Dictionary(uniqueKeysWithValues: result.files.map { ($0.path, $0) })
    }

    static func text(_ path: String, in files: [String: OutputFile]) throws -> String {
        guard let file = files[path] else { throw FixtureError.missing(path) }
        return String(decoding: file.contents, as: UTF8.self)
    }

    static func html(_ path: String, in files: [String: OutputFile]) throws -> HTMLElement {
        HTMLDocument.parse(try text(path, in: files))
    }

    enum FixtureError: Error {
        case templates([Diagnostic])
        case build([Diagnostic])
        case missing(String)
    }
}
