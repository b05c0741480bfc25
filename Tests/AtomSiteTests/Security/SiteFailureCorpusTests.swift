import AtomAudit
import AtomIO
import Foundation
import Testing
@testable import AtomSite

/// Bad templates and unusable output folders: each is a clear, positioned error, never
/// a crash, and never a half-written or lost site.
@Suite struct SiteFailureCorpusTests {
    static let corpus = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/corpus-templates")

    let work: URL

    init() throws {
        work = FileManager.default.temporaryDirectory.appendingPathComponent("site-failures-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    }

    /// A copy of the real templates, with `pages/page.mustache` replaced by a corpus case.
    func templates(withPageTemplate caseFile: String?) throws -> URL {
        let copy = work.appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: SiteFixture.templatesPath), to: copy)
        if let caseFile {
            let page = copy.appendingPathComponent("pages/page.mustache")
            try FileManager.default.removeItem(at: page)
            try FileManager.default.copyItem(at: Self.corpus.appendingPathComponent(caseFile), to: page)
        }
        return copy
    }

    /// Diagnostics in the compiler's format, with the temporary template folder shown as `Templates`.
    static func lines(_ diagnostics: [Diagnostic], replacing root: String) -> [String] {
        diagnostics.map { diagnostic in
            let location = diagnostic.location.map { "\($0.file):\($0.line):\($0.column)" } ?? "-"
            return "\(location): \(diagnostic.severity.rawValue): [\(diagnostic.code)] \(diagnostic.message)"
                .replacingOccurrences(of: root, with: "Templates")
        }
    }

    /// A corpus template put in place of `pages/page.mustache`, and the diagnostics it must give.
    struct TemplateCase: Sendable, CustomTestStringConvertible {
        let file: String
        let diagnostics: [String]
        var testDescription: String { file }
    }

    @Test(arguments: [
        TemplateCase(file: "unclosed-tag.mustache", diagnostics: [
            "Templates/pages/page.mustache:3:17: error: [template-syntax] Mustache syntax error: a tag is not closed with '}}'; expected '}}' right after the name, which may hold only letters, digits and . - _ ? *",
        ]),
        TemplateCase(file: "mismatched-section.mustache", diagnostics: [
            "Templates/pages/page.mustache:4:31: error: [template-syntax] Mustache syntax error: '{{/item}}' does not close the section '{{#items}}' opened at line 4, column 1; expected '{{/items}}' first",
        ]),
        TemplateCase(file: "unclosed-section.mustache", diagnostics: [
            "Templates/pages/page.mustache:5:4: error: [template-syntax] Mustache syntax error: '{{/content}}' does not close the section '{{#page}}' opened at line 3, column 1; expected '{{/page}}' first",
        ]),
        TemplateCase(file: "bad-delimiters.mustache", diagnostics: [
            "Templates/pages/page.mustache:3:7: error: [template-syntax] Mustache syntax error: a set-delimiter tag is malformed; expected '{{=<start> <end>=}}', e.g. '{{=<% %>=}}'",
        ]),
        TemplateCase(file: "invalid-utf8.mustache", diagnostics: [
            "Templates/pages/page.mustache:1:1: error: [invalid-utf8] the template is not valid UTF-8; save it as UTF-8 text",
        ]),
    ])
    func aBrokenTemplateIsOnePositionedError(_ templateCase: TemplateCase) throws {
        let templates = try templates(withPageTemplate: templateCase.file)
        let (library, diagnostics) = TemplateLibrary.load(from: templates.path)
        #expect(library == nil)
        #expect(Self.lines(diagnostics, replacing: templates.path) == templateCase.diagnostics)
    }

    @Test func aMissingTemplateIsNamed() throws {
        let templates = try templates(withPageTemplate: nil)
        try FileManager.default.removeItem(at: templates.appendingPathComponent("pages/scenario.mustache"))
        let (library, diagnostics) = TemplateLibrary.load(from: templates.path)
        #expect(library == nil)
        #expect(Self.lines(diagnostics, replacing: templates.path) == [
            "-: error: [missing-template] the template 'pages/scenario.mustache' is missing from 'Templates'; every page type needs its template",
        ])
    }

    @Test func aMissingTemplateFolderIsNamed() {
        let missing = work.appendingPathComponent("NoTemplates").path
        let (library, diagnostics) = TemplateLibrary.load(from: missing)
        #expect(library == nil)
        #expect(Self.lines(diagnostics, replacing: missing) == [
            "-: error: [missing-templates] template folder 'Templates' does not exist; expected a folder with layout.mustache, pages/ and assets/ (pass --templates DIR)",
        ])
    }

    /// The whole pipeline with a broken template: rejected at the templates stage, and
    /// the site written before is left exactly as it was.
    @Test func aBrokenTemplateLeavesThePreviousSiteAlone() throws {
        let output = work.appendingPathComponent("Site")
        let good = SitePipeline(content: SiteFixture.contentPath, templates: SiteFixture.templatesPath, output: output.path)
        guard case .built = try good.run().outcome else { Issue.record("the fixture site did not build"); return }
        let before = try Self.files(under: output)
        let broken = SitePipeline(content: SiteFixture.contentPath, templates: try templates(withPageTemplate: "unclosed-tag.mustache").path, output: output.path)
        let result = try broken.run()
        guard case .rejected(.templates) = result.outcome else { Issue.record("expected the templates to be rejected, got \(result.outcome)"); return }
        #expect(try Self.files(under: output) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path).sorted() == ["Site", "Templates"])
    }

    @Test func aMissingOutputParentIsAClearFailure() throws {
        let output = work.appendingPathComponent("missing/Site")
        let result = try SitePipeline(content: SiteFixture.contentPath, templates: SiteFixture.templatesPath, output: output.path).run()
        guard case .writeFailed(let failure) = result.outcome else { Issue.record("expected a write failure, got \(result.outcome)"); return }
        #expect(failure.description == "the folder that should hold the output, '\(work.appendingPathComponent("missing").path)', does not exist; create it or choose another --output")
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func anOutputThatIsAFileIsAClearFailureAndIsKept() throws {
        let output = work.appendingPathComponent("Site")
        try Data("not a folder".utf8).write(to: output)
        let result = try SitePipeline(content: SiteFixture.contentPath, templates: SiteFixture.templatesPath, output: output.path).run()
        guard case .writeFailed(let failure) = result.outcome else { Issue.record("expected a write failure, got \(result.outcome)"); return }
        #expect(failure.description == "'\(output.path)' exists and is not a folder; expected --output to name a folder")
        #expect(try Data(contentsOf: output) == Data("not a folder".utf8))
    }

    /// Linux's /proc refuses new folders even to root, which chmod cannot promise.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self")))
    func anUnwritableOutputFolderIsAClearFailure() throws {
        let output = URL(fileURLWithPath: "/proc/atom-audit-site")
        let result = try SitePipeline(content: SiteFixture.contentPath, templates: SiteFixture.templatesPath, output: output.path).run()
        guard case .writeFailed(let failure) = result.outcome else { Issue.record("expected a write failure, got \(result.outcome)"); return }
        #expect(failure.description.hasPrefix("could not write '/proc/atom-audit-site': '/proc/.atom-audit-site.staging-"), "\(failure.description)")
        #expect(failure.description.hasSuffix("': No such file or directory"), "\(failure.description)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    /// A file that cannot be staged is named by its path in the site, not by a dump of
    /// Foundation's error, and the staging folder goes.
    @Test func aFileThatCannotBeStagedIsNamed() throws {
        let output = work.appendingPathComponent("Site")
        _ = try SiteWriter().write([OutputFile(path: "index.html", text: "v1")], to: output)
        // "a" as a file and "a/b" below it cannot both exist.
        let files = [OutputFile(path: "a", text: "x"), OutputFile(path: "a/b", text: "y"), OutputFile(path: "index.html", text: "v2")]
        #expect {
            try SiteWriter().write(files, to: output)
        } throws: { error in
            (error as? SiteWriter.Failure)?.description == "could not write '\(output.path)': 'a' is both a file and a folder; expected each path to be one or the other"
        }
        #expect(try Self.files(under: output) == ["index.html": Data("v1".utf8)])
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path) == ["Site"])
    }

    static func files(under root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            files[String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))] = try Data(contentsOf: url)
        }
        return files
    }
}
