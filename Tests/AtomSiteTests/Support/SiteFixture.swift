import AtomAudit
import AtomIO
import Foundation
@testable import AtomSite

/// Builds the fixture content with the project's real templates, in memory.
enum SiteFixture {
    static var contentPath: String {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures/content").path
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

    /// The project's templates; with a recorder, in strict mode.
    static func templates(recorder: TemplateNameRecorder? = nil) throws -> TemplateLibrary {
        let (library, diagnostics) = TemplateLibrary.load(from: templatesPath, sources: TemplateLibrary.sourceFiles(in: templatesPath), recorder: recorder)
        guard let library else { throw FixtureError.templates(diagnostics) }
        return library
    }

    /// Every output file of the fixture site, by path.
    static func build() throws -> [String: OutputFile] {
        let result = SiteBuilder(templates: try templates()).build(try report())
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
