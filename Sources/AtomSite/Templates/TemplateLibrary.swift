import AtomAudit
import Foundation
import Mustache

/// The Mustache templates and static assets of `Templates/`, loaded and checked once.
///
/// Template names are paths under `Templates/` without `.mustache`, e.g. `pages/model`.
public struct TemplateLibrary: Sendable {
    public let directory: String
    let library: MustacheLibrary
    /// Files under `Templates/assets/`, copied to `assets/` in the site.
    public let assets: [OutputFile]

    /// Templates the site cannot be built without.
    public static let required = [
        "layout", "pages/index", "pages/model", "pages/methodology", "pages/charts", "pages/scenarios",
        "pages/scenario", "pages/page", "pages/brief", "pages/404", "markdown/brief",
    ]

    /// Reads and parses every template; a syntax error or a missing required template
    /// is a diagnostic with its file and position, not a crash.
    public static func load(from directory: String) -> (library: TemplateLibrary?, diagnostics: [Diagnostic]) {
        load(from: directory, sources: sourceFiles(in: directory))
    }

    /// Every file of a template folder (templates and assets) by relative path; read once
    /// for both the build stamp and loading. Empty when the folder does not exist.
    public static func sourceFiles(in directory: String) -> [String: Data] {
        var sources: [String: Data] = [:]
        for relative in files(under: directory) {
            sources[relative] = FileManager.default.contents(atPath: (directory as NSString).appendingPathComponent(relative))
        }
        return sources
    }

    /// Loads templates from files read already.
    public static func load(from directory: String, sources: [String: Data]) -> (library: TemplateLibrary?, diagnostics: [Diagnostic]) {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
        MustacheContentTypes.register(FastHTMLContentType(), named: FastHTMLContentType.name)
        var diagnostics: [Diagnostic] = []
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            return (nil, [.error("missing-templates", "template folder '\(directory)' does not exist; expected a folder with layout.mustache, pages/ and assets/ (pass --templates DIR)", at: nil)])
        }
        var library = MustacheLibrary()
        var names: Set<String> = []
        var assets: [OutputFile] = []
        for (relative, data) in sources.sorted(by: { $0.key < $1.key }) {
            let display = directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
            if relative.hasPrefix("assets/") {
                assets.append(OutputFile(path: relative, contents: data))
                continue
            }
            guard relative.hasSuffix(".mustache") else { continue }
            guard let text = String(data: data, encoding: .utf8) else {
                diagnostics.append(.error("invalid-utf8", "the template is not valid UTF-8; save it as UTF-8 text", at: .start(of: display)))
                continue
            }
            let name = String(relative.dropLast(".mustache".count))
            do {
                library.register(try MustacheTemplate(string: Self.withHTMLEscaping(text)), named: name)
                names.insert(name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error(
                    "template-syntax", "Mustache syntax error: \(describe(error.error)); expected balanced {{#section}}...{{/section}} tags and closed '}}'",
                    at: SourceLocation(file: display, line: error.context.lineNumber,
                                       column: error.context.lineNumber == 1 && !text.hasPrefix("{{%")
                                           ? max(1, error.context.columnNumber - htmlPragma.count) : error.context.columnNumber)))
            } catch {
                diagnostics.append(.error("template-syntax", "Mustache syntax error: \(error)", at: .start(of: display)))
            }
        }
        for name in required where !names.contains(name) && !diagnostics.contains(where: { $0.location?.file.hasSuffix(name + ".mustache") ?? false }) {
            diagnostics.append(.error("missing-template", "the template '\(name).mustache' is missing from '\(directory)'; every page type needs its template", at: nil))
        }
        guard !diagnostics.containsErrors else { return (nil, diagnostics) }
        return (TemplateLibrary(directory: directory, library: library, assets: assets.sorted { $0.path < $1.path }), diagnostics)
    }

    /// Renders a registered template. Required templates are checked at load time, so
    /// nil only comes back for a name the code did not declare as required.
    func render(_ context: [String: Any], with name: String) -> String? {
        library.render(context, withTemplate: name)
    }

    public func has(_ name: String) -> Bool { library.getTemplate(named: name) != nil }

    /// Templates without a content-type pragma are HTML: give them the fast HTML escaper.
    /// The pragma goes on line 1 without a newline, so error positions only shift on line 1
    /// (`columnCorrection` undoes that).
    static func withHTMLEscaping(_ text: String) -> String {
        text.hasPrefix("{{%") ? text : htmlPragma + text
    }

    static let htmlPragma = "{{% CONTENT_TYPE: \(FastHTMLContentType.name)}}"

    private static func files(under directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var files: [String] = []
        for case let relative as String in enumerator {
            var isDirectory: ObjCBool = false
            let path = (directory as NSString).appendingPathComponent(relative)
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
               !(relative as NSString).lastPathComponent.hasPrefix(".") {
                files.append(relative)
            }
        }
        return files.sorted()
    }

    private static func describe(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect: "a closing tag does not match the section it closes"
        case .unfinishedName: "a tag is not closed with '}}'"
        case .expectedSectionEnd: "a section is never closed"
        case .invalidSetDelimiter: "a set-delimiter tag is malformed"
        case .transformAppliedToInheritanceSection: "a transform is applied to an inheritance section"
        case .illegalTokenInsideInheritSection, .textInsideInheritSection: "a parent template's body holds something other than block overrides"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: "a pragma ({{% ...}}) is malformed or unknown"
        case nil: "\(error)"
        }
    }
}
