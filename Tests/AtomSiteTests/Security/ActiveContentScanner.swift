import AtomSite
import CCmark
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One thing in a generated file that could run script, load another document or
/// leave the site's link schemes.
struct Finding: CustomStringConvertible, Equatable {
    let file: String
    let what: String
    var description: String { "\(file): \(what)" }
}

/// Scans generated files for active content, each with a real tokenizer for its
/// format: the tests' HTML parser, Foundation's XMLParser for SVG and XML, and cmark
/// (the renderer the site itself uses) for Markdown.
struct ActiveContentScanner {
    /// Elements that run script, embed another document or change how every link resolves.
    static let forbiddenElements: Set<String> = [
        "script", "iframe", "frame", "frameset", "object", "embed", "applet", "foreignobject", "base",
        "portal", "style",
    ]
    /// Attributes whose value a browser follows or loads.
    static let urlAttributes: Set<String> = [
        "href", "src", "xlink:href", "action", "formaction", "poster", "data", "background", "cite", "srcset", "ping",
    ]

    /// URL attribute values written literally in the templates (such as the inline
    /// favicon's `data:` URL): they come from the project, not from content.
    let templateURLs: Set<String>

    init(templatesPath: String) {
        var urls: Set<String> = []
        let pattern = /(?:href|src)="([^"{]*)"/
        if let enumerator = FileManager.default.enumerator(atPath: templatesPath) {
            for case let relative as String in enumerator where relative.hasSuffix(".mustache") {
                let path = (templatesPath as NSString).appendingPathComponent(relative)
                guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
                for match in text.matches(of: pattern) { urls.insert(String(match.1)) }
            }
        }
        templateURLs = urls
    }

    func scan(_ file: OutputFile) -> [Finding] {
        let text = String(decoding: file.contents, as: UTF8.self)
        switch (file.path as NSString).pathExtension {
        case "html": return scanHTML(text, file: file.path)
        case "svg", "xml": return scanXML(text, file: file.path)
        case "md": return scanMarkdown(text, file: file.path)
        default: return []
        }
    }

    // MARK: HTML

    /// The only scripts a page may hold: the templates' own (the leaderboard's and the
    /// compare page's), by `src`, with no body.
    static func isTemplateScript(_ element: HTMLElement) -> Bool {
        guard element.name == "script", let source = element["src"], element.text.isEmpty else { return false }
        return (source.hasSuffix("assets/leaderboard.js") || source.hasSuffix("assets/compare.js")) && BrowserURL.isAllowed(source)
    }

    func scanHTML(_ html: String, file: String) -> [Finding] {
        var findings: [Finding] = []
        let document = HTMLDocument.parse(html)
        var templateScripts = 0
        for element in document.descendants {
            if Self.isTemplateScript(element) {
                templateScripts += 1
            } else if Self.forbiddenElements.contains(element.name) {
                findings.append(Finding(file: file, what: "<\(element.name)> element"))
            }
            if element.name == "meta", element["http-equiv"]?.lowercased() == "refresh" {
                findings.append(Finding(file: file, what: "<meta http-equiv=refresh>"))
            }
            findings += attributeFindings(element.attributes, element: element.name, file: file)
        }
        // The parser above is tolerant; a raw count guards against markup it read
        // differently from a browser. Escaped text ("&lt;script") cannot match.
        let lowered = html.lowercased()
        let rawScripts = lowered.components(separatedBy: "<script").count - 1
        if rawScripts != templateScripts {
            findings.append(Finding(file: file, what: "\(rawScripts) '<script' in the text but \(templateScripts) template script(s)"))
        }
        for tag in Self.forbiddenElements.subtracting(["script"]) where lowered.contains("<\(tag)") {
            findings.append(Finding(file: file, what: "'<\(tag)' in the text"))
        }
        return findings
    }

    private func attributeFindings(_ attributes: [String: String], element: String, file: String) -> [Finding] {
        var findings: [Finding] = []
        for (name, value) in attributes.sorted(by: { $0.key < $1.key }) {
            let lowered = name.lowercased()
            if lowered.hasPrefix("on") {
                findings.append(Finding(file: file, what: "event handler \(name)=\"\(value)\" on <\(element)>"))
            }
            if lowered == "style", value.lowercased().contains("javascript:") || value.lowercased().contains("expression(") || value.lowercased().contains("url(") {
                findings.append(Finding(file: file, what: "style=\"\(value)\" on <\(element)>"))
            }
            let local = lowered.split(separator: ":").last.map(String.init) ?? lowered
            guard Self.urlAttributes.contains(lowered) || local == "href" else { continue }
            let values = lowered == "srcset" ? value.split(separator: ",").map { String($0.split(separator: " ").first ?? "") } : [value]
            for url in values where !BrowserURL.isAllowed(url) && !templateURLs.contains(url) {
                findings.append(Finding(file: file, what: "\(name)=\"\(url)\" on <\(element)> (scheme \(BrowserURL.scheme(of: url) ?? "?"))"))
            }
        }
        return findings
    }

    // MARK: SVG and XML

    func scanXML(_ xml: String, file: String) -> [Finding] {
        let collector = XMLElementCollector()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = collector
        guard parser.parse() else {
            return [Finding(file: file, what: "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "unknown error")")]
        }
        var findings: [Finding] = []
        for (name, attributes) in collector.elements {
            let local = (name.split(separator: ":").last.map(String.init) ?? name).lowercased()
            if Self.forbiddenElements.contains(local) {
                findings.append(Finding(file: file, what: "<\(name)> element"))
            }
            findings += attributeFindings(attributes, element: name, file: file)
        }
        return findings
    }

    private final class XMLElementCollector: NSObject, XMLParserDelegate {
        var elements: [(name: String, attributes: [String: String])] = []
        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String]) {
            elements.append((elementName, attributes))
        }
    }

    // MARK: Markdown

    /// Raw HTML and links as cmark tokenizes them: what GitHub or an editor would render.
    func scanMarkdown(_ markdown: String, file: String) -> [Finding] {
        guard let document = cmark_parse_document(markdown, markdown.utf8.count, CMARK_OPT_DEFAULT) else {
            return [Finding(file: file, what: "cmark could not parse the file")]
        }
        defer { cmark_node_free(document) }
        guard let iterator = cmark_iter_new(document) else { return [] }
        defer { cmark_iter_free(iterator) }
        var findings: [Finding] = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                findings.append(Finding(file: file, what: "raw HTML \(literal.debugDescription)"))
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                if !BrowserURL.isAllowed(url) {
                    findings.append(Finding(file: file, what: "link to \(url.debugDescription)"))
                }
            default:
                break
            }
        }
        return findings
    }
}
