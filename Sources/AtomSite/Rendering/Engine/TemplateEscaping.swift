/// How `{{value}}` is escaped: chosen per template with `{{% CONTENT_TYPE: NAME}}`;
/// HTML unless a template says otherwise.
public enum TemplateEscaping: String, Sendable, CaseIterable {
    /// `< > & " '` become entities, so text cannot open a tag or leave an attribute.
    case html = "HTML"
    /// Markdown's inline specials get a backslash (see `MarkdownEscaper`), so a value
    /// cannot break a table row or inject a link.
    case markdown = "MARKDOWN"
    /// Nothing is escaped (for plain-text outputs).
    case text = "TEXT"

    @inline(__always)
    func append(_ text: String, to out: inout [UInt8]) {
        switch self {
        case .html: Self.appendHTML(text, to: &out)
        case .markdown: MarkdownEscaper.append(text, to: &out)
        case .text: out.append(contentsOf: text.utf8)
        }
    }

    /// Escapes into the output directly: most values have nothing to escape, and
    /// building a new string for each would double the copying.
    static func appendHTML(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for index in 0..<bytes.count {
                let entity: StaticString
                switch bytes[index] {
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "\""): entity = "&quot;"
                case UInt8(ascii: "'"): entity = "&#39;"
                default: continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                out.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                start = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
    }

    /// HTML escaping as a string, for code that builds markup outside templates.
    static func escapeHTML(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        appendHTML(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
