import AtomAudit
import Foundation
import Testing
@testable import AtomSite

@Suite struct TemplateLibraryTests {
    /// A copy of the real templates in a temporary folder, to break on purpose.
    func copyOfTemplates() throws -> URL {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: SiteFixture.templatesPath), to: copy)
        return copy
    }

    @Test func realTemplatesLoadWithAssets() throws {
        let library = try SiteFixture.templates()
        #expect(TemplateLibrary.required.allSatisfy(library.has))
        #expect(library.assets.map(\.path) == ["assets/compare.js", "assets/leaderboard.js", "assets/style.css"])
    }

    @Test func missingFolderIsADiagnostic() {
        let (library, diagnostics) = TemplateLibrary.load(from: "/nonexistent/Templates")
        #expect(library == nil)
        #expect(diagnostics.map(\.code) == ["missing-templates"])
    }

    @Test func syntaxErrorIsReportedWithItsPosition() throws {
        let copy = try copyOfTemplates()
        try "<h1>{{title}}</h1>\n<p>{{#items}}{{name}}{{/item}}</p>\n".write(to: copy.appendingPathComponent("pages/page.mustache"), atomically: true, encoding: .utf8)
        let (library, diagnostics) = TemplateLibrary.load(from: copy.path)
        #expect(library == nil)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.code == "template-syntax")
        #expect(diagnostic.location?.file == copy.path + "/pages/page.mustache")
        #expect(diagnostic.location?.line == 2)
        #expect(diagnostic.location?.column == 25)
        #expect(diagnostic.message == "Mustache syntax error: '{{/item}}' does not close the section '{{#items}}' opened at line 2, column 4; expected '{{/items}}' first")
    }

    @Test func missingRequiredTemplateIsNamed() throws {
        let copy = try copyOfTemplates()
        try FileManager.default.removeItem(at: copy.appendingPathComponent("pages/model.mustache"))
        let (library, diagnostics) = TemplateLibrary.load(from: copy.path)
        #expect(library == nil)
        #expect(diagnostics.map(\.message) == ["the template 'pages/model.mustache' is missing from '\(copy.path)'; every page type needs its template"])
    }
}
