import AtomAudit
import Foundation
import Mustache
import Testing
import TestSupport
@testable import AtomSite

/// The template engine against swift-mustache, the library the templates were written for:
/// every page of the fixture sites, a corpus of whitespace and inheritance cases, and
/// generated templates must render to the same bytes with both.
@Suite struct TemplateEngineTests {
    // MARK: The reference

    struct MarkdownReference: MustacheContentType {
        func escapeText(_ text: String) -> String { MarkdownEscaper.escape(text) }
    }

    struct LookupReference: MustacheParent {
        let lookup: any TemplateLookup
        func child(named name: String) -> Any? { lookup.value(named: name).map(TemplateEngineTests.reference) }
    }

    /// A context as swift-mustache reads it.
    static func reference(_ value: TemplateValue) -> Any {
        switch value {
        case .text(let text): text
        case .number(let number): number
        case .flag(let flag): flag
        case .list(let items): items.map(reference)
        case .object(let object): object.mapValues(reference)
        case .lookup(let lookup): LookupReference(lookup: lookup)
        }
    }

    static func renderWithReference(_ sources: [String: String], _ name: String, _ context: TemplateValue) throws -> String {
        MustacheContentTypes.register(MarkdownReference(), named: "MARKDOWN")
        var library = MustacheLibrary()
        for (templateName, text) in sources { library.register(try MustacheTemplate(string: text), named: templateName) }
        return try #require(library.render(reference(context), withTemplate: name))
    }

    static func render(_ sources: [String: String], _ name: String, _ context: TemplateValue) throws -> String {
        var templates: [String: Template] = [:]
        for (templateName, text) in sources { templates[templateName] = try TemplateParser.parse(text, name: templateName) }
        return String(decoding: try #require(try TemplateRenderer(templates: templates).render(name, context: context)), as: UTF8.self)
    }

    static func projectTemplates() throws -> [String: String] {
        let root = URL(fileURLWithPath: SiteFixture.templatesPath)
        var sources: [String: String] = [:]
        for relative in try #require(FileManager.default.subpathsOfDirectory(atPath: root.path) as [String]?) where relative.hasSuffix(".mustache") {
            sources[String(relative.dropLast(".mustache".count))] = try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
        }
        return sources
    }

    // MARK: The project's templates

    static let fixtureContents = ["Fixtures/content", "Fixtures/hostile-content"]

    /// Every page, in both editions, with the contexts the build gives them: the real
    /// content and the hostile one (injection payloads in every field) alike.
    @Test(arguments: fixtureContents)
    func everyPageRendersAsSwiftMustacheRendersIt(_ fixture: String) throws {
        let sources = try Self.projectTemplates()
        let report = try SiteFixture.report(contentPath: Bundle.module.resourceURL!.appendingPathComponent(fixture).path)
        let siteData = try #require(SiteDataBuilder().build(report))
        let renderer = PageRenderer(siteData: siteData, templates: try SiteFixture.templates())
        var compared = 0
        func compare(_ template: String, _ context: TemplateObject) throws {
            let ours = try Self.render(sources, template, .object(context))
            let theirs = try Self.renderWithReference(sources, template, .object(context))
            #expect(ours == theirs, "\(template) differs from swift-mustache's rendering")
            #expect(!ours.isEmpty)
            compared += 1
        }
        for view in renderer.views() {
            try compare(view.htmlTemplate, view.context(renderer.shared, file: view.htmlPath))
            if let markdown = view.markdownTemplate { try compare(markdown, view.context(renderer.shared, file: view.markdownPath)) }
        }
        let scorecards = ScorecardView(renderer.shared)
        for (offset, card) in siteData.cards.enumerated() {
            let context = scorecards.context(card, position: offset + 1)
            try compare("pages/model", context)
            try compare("markdown/model", context)
        }
        try compare("pages/404", NotFoundView().context(renderer.shared))
        try compare("markdown/brief", BriefView.pastedContext(renderer.shared))
        #expect(compared >= 2 * siteData.cards.count + 10)
    }

    // MARK: Whitespace, inheritance and lookup

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let templates: [String: String]
        var testDescription: String { name }
    }

    static let context: TemplateValue = [
        "yes": true, "no": false, "zero": 0, "empty": "", "none": [], "name": "Ada <&> \"'", "n": 42,
        "items": [["name": "one", "tags": ["a", "b"]], ["name": "two", "tags": []]],
        "o": ["a": ["b": "deep"], "c": "inner"], "c": "outer",
        "md": "| *x* [y](z) # 1. <b>",
    ]

    static let cases: [Case] = [
        Case(name: "standalone section lines vanish", templates: ["t": "a\n{{#yes}}\nb\n{{/yes}}\nc\n  {{^no}}  \n d\n  {{/no}}\ne"]),
        Case(name: "inline sections keep their spaces", templates: ["t": " {{#yes}} x {{/yes}} \n{{#no}}y{{/no}} | {{^no}}z{{/no}}\n"]),
        Case(name: "lists, empty lists, zero and empty text", templates: ["t": "{{#items}}<{{name}}:{{#tags}}{{.}},{{/tags}}{{^tags}}none{{/tags}}>{{/items}}\n{{#none}}x{{/none}}{{^none}}empty{{/none}}\n{{#zero}}[{{.}}]{{/zero}}{{#empty}}[{{.}}]{{/empty}}{{^empty}}!{{/empty}}\n"]),
        Case(name: "dotted, anchored and climbing names", templates: ["t": "{{#o}}{{a.b}} {{.c}} {{c}} {{.n}} {{n}}{{/o}} {{o.a.b}} {{o.x.b}} {{missing}}\n"]),
        Case(name: "escaping, triple and ampersand", templates: ["t": "{{name}} {{{name}}} {{& name}} {{ name }}\n"]),
        Case(name: "markdown pragma", templates: ["t": "{{% CONTENT_TYPE: MARKDOWN}}\n{{md}} {{{md}}} {{name}}\n"]),
        Case(name: "a partial starts from HTML escaping", templates: ["t": "{{% CONTENT_TYPE: MARKDOWN}}\n{{md}}\n{{>p}}\n", "p": "{{md}}\n"]),
        Case(name: "indented standalone partial", templates: ["t": "<ul>\n  {{>p}}\n</ul>\n  {{>p}} inline\n", "p": "<li>{{name}}</li>\n{{#items}}\n<li>{{name}}</li>\n{{/items}}\n"]),
        Case(name: "nested indentation", templates: ["t": "  {{>p}}\n", "p": "a\n  {{>q}}\nb\n", "q": "x\ny\n"]),
        Case(name: "parent with overrides", templates: [
            "layout": "<main>\n  {{$body}}default{{/body}}\n</main>\n{{$foot}}\nfoot\n{{/foot}}\n",
            "t": "{{<layout}}\nignored text\n{{$body}}\n  one {{name}}\n    two\n{{/body}}\n{{/layout}}\n",
        ]),
        Case(name: "the outermost override wins", templates: [
            "base": "[{{$x}}base{{/x}}|{{$y}}base{{/y}}]\n",
            "middle": "{{<base}}{{$x}}middle{{/x}}{{$y}}middle{{/y}}{{/base}}",
            "t": "{{<middle}}{{$x}}top{{/x}}{{/middle}}\n",
        ]),
        Case(name: "comments", templates: ["t": "a {{! inline }} b\n  {{! standalone }}\nc\n{{!\nmulti\nline\n}}\nd"]),
        Case(name: "set delimiters", templates: ["t": "{{=<% %>=}}\n<% name %> {{name}}\n<%={{ }}=%>\n{{name}}\n"]),
        Case(name: "CRLF line endings", templates: ["t": "a\r\n{{#yes}}\r\nb\r\n{{/yes}}\r\n  {{>p}}\r\n", "p": "x {{name}}\r\n"]),
        Case(name: "the end of the template", templates: ["t": "a\n{{#yes}}\nb\n{{/yes}}   "]),
        Case(name: "a tag that ends the template", templates: ["t": "a\n{{name}}"]),
    ]

    @Test(arguments: cases)
    func rendersAsSwiftMustacheDoes(_ testCase: Case) throws {
        let ours = try Self.render(testCase.templates, "t", Self.context)
        let theirs = try Self.renderWithReference(testCase.templates, "t", Self.context)
        #expect(ours == theirs, "\(String(reflecting: ours)) against \(String(reflecting: theirs))")
    }

    @Test func aParentAndItsOverridesRenderAsExpected() throws {
        let output = try Self.render(Self.cases[9].templates, "t", Self.context)
        // The override's last line break and the parent's both stay: the block tag is not alone on its line.
        #expect(output == "<main>\n  one Ada &lt;&amp;&gt; &quot;&#39;\n    two\n\n</main>\nfoot\n")
    }

    /// Where this engine and swift-mustache 2.1 part ways on purpose: swift-mustache sees
    /// "\r\n" as one Character that is not "\n", so an indented partial with Windows
    /// line endings loses its indentation after the first line.
    @Test func anIndentedPartialWithWindowsLineEndingsKeepsItsIndentation() throws {
        let output = try Self.render(["t": "<ul>\r\n  {{>p}}\r\n</ul>\r\n", "p": "<li>x</li>\r\n<li>y</li>\r\n"], "t", Self.context)
        #expect(output == "<ul>\r\n  <li>x</li>\r\n  <li>y</li>\r\n</ul>\r\n")
    }

    // MARK: Generated templates

    /// Random but well-formed templates built from the pieces whitespace rules care
    /// about: tags at line starts, after text, before line ends, nested three deep.
    @Test func generatedTemplatesRenderAsSwiftMustacheDoes() throws {
        var generator = SplitMix(seed: 0xA70A)
        var mismatches: [String] = []
        for _ in 0..<400 {
            let text = Self.generate(depth: 0, &generator)
            let templates = ["t": text, "p": "P{{name}}\n  {{#yes}}\n  q\n  {{/yes}}\n"]
            let ours = try Self.render(templates, "t", Self.context)
            let theirs = try Self.renderWithReference(templates, "t", Self.context)
            if ours != theirs { mismatches.append(text) }
        }
        #expect(mismatches.isEmpty, "first differing template: \(mismatches.first.map { String(reflecting: $0) } ?? "")")
    }

    static func generate(depth: Int, _ generator: inout SplitMix) -> String {
        let leaves = ["\n", "\n", "  ", "\t", "text", "{{name}}", "{{{md}}}", "{{! note }}", "{{>p}}", "{{o.a.b}}", "\r\n"]
        var text = ""
        for _ in 0..<Int(generator.next() % 8) {
            if depth < 3, generator.next() % 4 == 0 {
                let section = ["yes", "no", "items", "none", "o", "zero"][Int(generator.next() % 6)]
                let kind = generator.next() % 2 == 0 ? "#" : "^"
                text += "{{\(kind)\(section)}}" + generate(depth: depth + 1, &generator) + "{{/\(section)}}"
            } else {
                text += leaves[Int(generator.next() % UInt64(leaves.count))]
            }
        }
        return text
    }


    // MARK: Errors

    @Test func aTemplateThatIncludesItselfIsAnErrorNotACrash() throws {
        let templates = ["t": "x{{>t}}"].mapValues { try? TemplateParser.parse($0) }.compactMapValues { $0 }
        #expect(throws: TemplateRenderError.self) { try TemplateRenderer(templates: templates).render("t", context: [:]) }
    }

    @Test(arguments: [
        ("{{count(items)}}", 1, 8, "transforms such as 'name(value)' are not supported; compute the value in the context"),
        ("a\n{{>*dynamic}}", 2, 4, "dynamic partials ('*name') are not supported; name the partial"),
        ("a\n  {{#items}}\nb", 2, 3, "the section '{{#items}}' is never closed; expected '{{/items}}'"),
        ("{{/items}}", 1, 4, "'{{/items}}' closes a section, but no section is open; expected a matching '{{#items}}' before it"),
        ("{{% CONTENT_TYPE: LATEX}}", 1, 19, "unknown content type 'LATEX'; expected one of HTML, MARKDOWN, TEXT"),
        ("{{<layout}}{{name}}{{/layout}}", 1, 1, "'{{<layout}}' may hold only '{{$block}}' overrides and text"),
        ("é {{name", 1, 9, "a tag is not closed with '}}'; expected '}}' before the end of the template"),
    ])
    func syntaxErrorsArePositioned(_ text: String, _ line: Int, _ column: Int, _ message: String) {
        #expect(throws: TemplateSyntaxError(message: message, line: line, column: column)) { try TemplateParser.parse(text) }
    }

    @Test func htmlEscapingMatchesTheReferenceOnEveryShortString() {
        let alphabet: [Character] = ["<", ">", "&", "\"", "'", "a", "é", "\n"]
        var strings = [""]
        for _ in 0..<4 { strings = strings + strings.flatMap { prefix in alphabet.map { prefix + String($0) } } }
        for string in Set(strings) {
            let expected = string.map { ["<": "&lt;", ">": "&gt;", "&": "&amp;", "\"": "&quot;", "'": "&#39;"][$0] ?? String($0) }.joined()
            #expect(TemplateEscaping.escapeHTML(string) == expected)
        }
    }
}
