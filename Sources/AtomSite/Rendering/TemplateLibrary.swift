import AtomAudit
import Foundation

/// The Mustache templates and static assets of `Templates/`, loaded and checked once.
///
/// Template names are paths under `Templates/` without `.mustache`, e.g. `pages/model`.
public struct TemplateLibrary: Sendable {
    public let directory: String
    let renderer: TemplateRenderer
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
    /// - Parameter recorder: strict mode (tests): records every name the templates read.
    public static func load(from directory: String, sources: [String: Data], recorder: TemplateNameRecorder? = nil) -> (library: TemplateLibrary?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            return (nil, [.error("missing-templates", "template folder '\(directory)' does not exist; expected a folder with layout.mustache, pages/ and assets/ (pass --templates DIR)", at: nil)])
        }
        var templates: [String: Template] = [:]
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
                templates[name] = try TemplateParser.parse(text, name: name)
            } catch {
                diagnostics.append(.error("template-syntax", "Mustache syntax error: \(error.message)",
                                          at: SourceLocation(file: display, line: error.line, column: error.column)))
            }
        }
        for name in required where templates[name] == nil && !diagnostics.contains(where: { $0.location?.file.hasSuffix(name + ".mustache") ?? false }) {
            diagnostics.append(.error("missing-template", "the template '\(name).mustache' is missing from '\(directory)'; every page type needs its template", at: nil))
        }
        guard !diagnostics.containsErrors else { return (nil, diagnostics) }
        return (TemplateLibrary(directory: directory, renderer: TemplateRenderer(templates: templates, recorder: recorder),
                                assets: assets.sorted { $0.path < $1.path }), diagnostics)
    }

    /// Renders a registered template. Required templates are checked at load time, so
    /// nil only comes back for a name the code did not declare as required.
    func render(_ context: TemplateObject, with name: String, sizeHint: Int = 16_384) throws(TemplateRenderError) -> [UInt8]? {
        try renderer.render(name, context: .object(context), sizeHint: sizeHint)
    }

    public func has(_ name: String) -> Bool { renderer.templates[name] != nil }

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
}
