import Foundation

/// A small, tolerant HTML parser for tests: enough to find elements, attributes and
/// the text a reader sees in the pages this project generates (void elements,
/// boolean attributes, inline SVG, entities, comments and raw-text script/style).
final class HTMLElement {
    let name: String
    let attributes: [String: String]
    var children: [HTMLNode] = []
    weak var parent: HTMLElement?

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    subscript(attribute: String) -> String? { attributes[attribute] }

    /// Every descendant element, in document order.
    var descendants: [HTMLElement] {
        var result: [HTMLElement] = []
        for case .element(let child) in children {
            result.append(child)
            result += child.descendants
        }
        return result
    }

    func all(_ name: String) -> [HTMLElement] { descendants.filter { $0.name == name } }

    func first(_ name: String) -> HTMLElement? { descendants.first { $0.name == name } }

    func element(id: String) -> HTMLElement? { descendants.first { $0["id"] == id } }

    func all(class className: String) -> [HTMLElement] {
        descendants.filter { ($0["class"] ?? "").split(separator: " ").contains(Substring(className)) }
    }

    /// The text content with runs of white space collapsed, as a reader sees it.
    var text: String {
        var raw = ""
        collectText(into: &raw)
        return raw.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    private func collectText(into raw: inout String) {
        for child in children {
            switch child {
            case .text(let text): raw += text
            case .element(let element) where element.name != "script" && element.name != "style":
                raw += " "
                element.collectText(into: &raw)
                raw += " "
            default: break
            }
        }
    }
}

enum HTMLNode {
    case element(HTMLElement)
    case text(String)
}

enum HTMLDocument {
    static let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]
    static let rawTextElements: Set<String> = ["script", "style"]

    /// Parses `html` into a root element named `#document`.
    static func parse(_ html: String) -> HTMLElement {
        let root = HTMLElement(name: "#document", attributes: [:])
        var current = root
        let scalars = Array(html.unicodeScalars)
        var index = 0
        var text = ""

        func flushText() {
            if !text.isEmpty { current.children.append(.text(decodeEntities(text))); text = "" }
        }
        func starts(with prefix: String, at position: Int) -> Bool {
            let p = Array(prefix.unicodeScalars)
            guard position + p.count <= scalars.count else { return false }
            return (0..<p.count).allSatisfy { String(scalars[position + $0]).lowercased() == String(p[$0]).lowercased() }
        }
        func skip(past terminator: String) {
            while index < scalars.count, !starts(with: terminator, at: index) { index += 1 }
            index = min(scalars.count, index + terminator.unicodeScalars.count)
        }

        while index < scalars.count {
            let scalar = scalars[index]
            guard scalar == "<" else { text.unicodeScalars.append(scalar); index += 1; continue }
            if starts(with: "<!--", at: index) { flushText(); skip(past: "-->"); continue }
            if starts(with: "<!", at: index) || starts(with: "<?", at: index) { flushText(); skip(past: ">"); continue }
            if starts(with: "</", at: index) {
                flushText()
                index += 2
                var name = ""
                while index < scalars.count, scalars[index] != ">" { name.unicodeScalars.append(scalars[index]); index += 1 }
                index += 1
                let closing = name.trimmingCharacters(in: .whitespaces).lowercased()
                // Close up to the matching open element; ignore stray closers.
                var cursor: HTMLElement? = current
                while let candidate = cursor, candidate.name != closing { cursor = candidate.parent }
                if let matched = cursor, let parent = matched.parent { current = parent }
                continue
            }
            // A start tag.
            guard index + 1 < scalars.count, scalars[index + 1].properties.isAlphabetic else {
                text.unicodeScalars.append(scalar); index += 1; continue
            }
            flushText()
            index += 1
            var name = ""
            while index < scalars.count, !" \t\n\r/>".unicodeScalars.contains(scalars[index]) { name.unicodeScalars.append(scalars[index]); index += 1 }
            var attributes: [String: String] = [:]
            var selfClosing = false
            while index < scalars.count, scalars[index] != ">" {
                let c = scalars[index]
                if c == "/" { selfClosing = true; index += 1; continue }
                if " \t\n\r".unicodeScalars.contains(c) { index += 1; continue }
                selfClosing = false
                var attribute = ""
                while index < scalars.count, !" \t\n\r=/>".unicodeScalars.contains(scalars[index]) { attribute.unicodeScalars.append(scalars[index]); index += 1 }
                var value = ""
                if index < scalars.count, scalars[index] == "=" {
                    index += 1
                    if index < scalars.count, scalars[index] == "\"" || scalars[index] == "'" {
                        let quote = scalars[index]
                        index += 1
                        while index < scalars.count, scalars[index] != quote { value.unicodeScalars.append(scalars[index]); index += 1 }
                        index += 1
                    } else {
                        while index < scalars.count, !" \t\n\r>".unicodeScalars.contains(scalars[index]) { value.unicodeScalars.append(scalars[index]); index += 1 }
                    }
                }
                attributes[attribute.lowercased()] = decodeEntities(value)
            }
            index += 1
            let lowered = name.lowercased()
            let element = HTMLElement(name: lowered, attributes: attributes)
            element.parent = current
            current.children.append(.element(element))
            if rawTextElements.contains(lowered), !selfClosing {
                var body = ""
                while index < scalars.count, !starts(with: "</\(lowered)", at: index) { body.unicodeScalars.append(scalars[index]); index += 1 }
                element.children.append(.text(body))
                skip(past: ">")
                continue
            }
            if !selfClosing, !voidElements.contains(lowered) { current = element }
        }
        flushText()
        return root
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            rest = rest[amp...]
            guard let semicolon = rest.firstIndex(of: ";"), rest.distance(from: rest.startIndex, to: semicolon) <= 10 else {
                result += "&"; rest = rest.dropFirst(); continue
            }
            let entity = String(rest[rest.index(after: rest.startIndex)..<semicolon])
            let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}"]
            if let value = named[entity] {
                result += value
            } else if entity.hasPrefix("#x") || entity.hasPrefix("#X"), let code = UInt32(entity.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(code) {
                result.unicodeScalars.append(scalar)
            } else if entity.hasPrefix("#"), let code = UInt32(entity.dropFirst()), let scalar = Unicode.Scalar(code) {
                result.unicodeScalars.append(scalar)
            } else {
                result += "&" + entity + ";"
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }
}
