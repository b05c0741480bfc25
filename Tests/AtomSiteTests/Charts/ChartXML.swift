import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One parsed element of a rendered chart, so tests can count real elements and read real
/// text instead of matching substrings of the markup.
final class ChartXMLNode {
    let name: String
    let attributes: [String: String]
    fileprivate(set) var children: [ChartXMLNode] = []
    /// Text directly inside this element, not inside its children.
    fileprivate(set) var ownText = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// This element and everything below it, in document order.
    var allNodes: [ChartXMLNode] {
        [self] + children.flatMap(\.allNodes)
    }

    func all(_ name: String) -> [ChartXMLNode] {
        allNodes.filter { $0.name == name }
    }

    func all(class className: String) -> [ChartXMLNode] {
        allNodes.filter { ($0.attributes["class"] ?? "").split(separator: " ").contains(Substring(className)) }
    }

    func child(_ name: String) -> ChartXMLNode? {
        children.first { $0.name == name }
    }

    /// All text below this element, as a reader without styling would get it.
    var textContent: String {
        ownText + children.map(\.textContent).joined()
    }

    func number(_ attribute: String) -> Double? {
        attributes[attribute].flatMap(Double.init)
    }
}

struct ChartXMLError: Error, CustomStringConvertible {
    var description: String
}

/// Parses SVG output with Foundation's XMLParser; throws when it is not well-formed XML.
enum ChartXML {
    static func parse(_ svg: String) throws -> ChartXMLNode {
        let builder = Builder()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = builder
        let ok = parser.parse()
        if !ok || builder.failure != nil {
            throw ChartXMLError(description: "not well-formed: \(builder.failure ?? parser.parserError.map { "\($0)" } ?? "unknown error")")
        }
        guard let root = builder.root else { throw ChartXMLError(description: "no root element") }
        return root
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: ChartXMLNode?
        var stack: [ChartXMLNode] = []
        var failure: String?

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            let node = ChartXMLNode(name: elementName, attributes: attributeDict)
            if let parent = stack.last {
                parent.children.append(node)
            } else if root == nil {
                root = node
            } else {
                failure = "second root element \(elementName)"
            }
            stack.append(node)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?) {
            _ = stack.popLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.ownText += string
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            failure = "\(parseError)"
        }
    }
}

/// Checks every chart must pass, whatever it draws.
enum ChartChecks {
    static let hostile = "<script>alert(1)</script> & \"x\""

    /// The root, `<title>` and `<desc>` come first and are wired to `aria-labelledby`.
    static func accessibleRoot(_ root: ChartXMLNode, id: String, title: String, description: String) -> [String] {
        var problems: [String] = []
        if root.name != "svg" { problems.append("root is \(root.name)") }
        if root.attributes["xmlns"] != "http://www.w3.org/2000/svg" { problems.append("xmlns") }
        if root.attributes["role"] != "img" { problems.append("role") }
        if root.attributes["aria-labelledby"] != "\(id)-title \(id)-desc" { problems.append("aria-labelledby") }
        if root.children.count < 2 { return problems + ["too few children"] }
        let first = root.children[0], second = root.children[1]
        if first.name != "title" || first.attributes["id"] != "\(id)-title" || first.textContent != title {
            problems.append("title")
        }
        if second.name != "desc" || second.attributes["id"] != "\(id)-desc" || second.textContent != description {
            problems.append("desc")
        }
        return problems
    }

    /// Nothing that runs code or loads something from elsewhere.
    static func inert(_ root: ChartXMLNode, raw: String) -> [String] {
        var problems: [String] = []
        let forbidden: Set = ["script", "image", "foreignObject", "use", "a", "iframe", "style"]
        for node in root.allNodes {
            if forbidden.contains(node.name) { problems.append("element \(node.name)") }
            for (key, value) in node.attributes {
                if key.lowercased().hasPrefix("on") { problems.append("handler \(key)") }
                if key.lowercased().hasSuffix("href") { problems.append("href \(key)") }
                if value.lowercased().contains("url(") { problems.append("url() in \(key)") }
            }
        }
        if raw.contains("<script") { problems.append("raw <script") }
        return problems
    }
}
