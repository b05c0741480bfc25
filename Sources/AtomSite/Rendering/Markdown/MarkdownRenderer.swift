import CCmark
import Foundation

/// Markdown → HTML through libcmark. The only file that imports CCmark.
///
/// cmark's safe default drops raw HTML and `javascript:`-style links; this renderer
/// also drops every link or image whose scheme is not http(s) or mailto (cmark keeps
/// some `data:` images), and can fit headings into the outline of the page around them.
public struct MarkdownRenderer: Sendable {
    /// The level the fragment's first heading gets (3 for text under a page's `h2`), or
    /// nil to keep headings as written. See `outlineLevels(_:top:)`.
    public var topHeadingLevel: Int?

    public init(topHeadingLevel: Int? = nil) {
        self.topHeadingLevel = topHeadingLevel.map { min(6, max(1, $0)) }
    }

    public func html(from markdown: String) -> String {
        let options = CMARK_OPT_DEFAULT
        let length = markdown.utf8.count
        guard let document = cmark_parse_document(markdown, length, options) else { return "" }
        defer { cmark_node_free(document) }
        sanitize(document)
        guard let buffer = cmark_render_html(document, options) else { return "" }
        defer { free(buffer) }  // cmark.h: the caller frees the result
        return String(cString: buffer)
    }

    /// The same Markdown, re-written by cmark after sanitizing: raw HTML removed, unsafe
    /// links emptied, headings demoted. For the Markdown edition, where the text is
    /// rendered again by whoever reads it (GitHub, an editor), so it must be safe as Markdown.
    public func safeMarkdown(from markdown: String) -> String {
        let options = CMARK_OPT_DEFAULT
        guard let document = cmark_parse_document(markdown, markdown.utf8.count, options) else { return "" }
        defer { cmark_node_free(document) }
        sanitize(document)
        removeRawHTML(from: document)
        guard let buffer = cmark_render_commonmark(document, options, 0) else { return "" }
        defer { free(buffer) }
        var text = String(cString: buffer)
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// Both editions of one text from one parse: `html(from:)` and `safeMarkdown(from:)`
    /// give the same results, but each parses and sanitizes the text again (a scorecard's
    /// notes, 10,000 times).
    public func render(_ markdown: String) -> (html: String, markdown: String) {
        let options = CMARK_OPT_DEFAULT
        guard let document = cmark_parse_document(markdown, markdown.utf8.count, options) else { return ("", "") }
        defer { cmark_node_free(document) }
        sanitize(document)
        var html = ""
        if let buffer = cmark_render_html(document, options) {
            html = String(cString: buffer)
            free(buffer)
        }
        // The HTML renderer already leaves raw HTML out (cmark's safe default); the
        // CommonMark one would write it back.
        removeRawHTML(from: document)
        var text = ""
        if let buffer = cmark_render_commonmark(document, options, 0) {
            text = String(cString: buffer)
            free(buffer)
        }
        while text.hasSuffix("\n") { text.removeLast() }
        return (html, text)
    }

    /// Whether a link target is one the site allows: http(s), mailto, or relative.
    public static func isAllowedLink(_ url: String) -> Bool {
        let trimmed = url.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let colon = trimmed.firstIndex(of: ":") else { return true }
        let scheme = trimmed[..<colon]
        // A colon after a slash, '?' or '#' is part of a relative path, not a scheme.
        if scheme.contains(where: { "/?#".contains($0) }) { return true }
        return ["http", "https", "mailto"].contains(scheme.lowercased())
    }

    /// Unlinks every raw HTML node (for the Markdown edition, where nothing renders it safely).
    private func removeRawHTML(from document: OpaquePointer) {
        for node in nodes(in: document, where: { $0 == CMARK_NODE_HTML_BLOCK || $0 == CMARK_NODE_HTML_INLINE }) {
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }

    /// Unwraps links and images whose scheme is not allowed (their text stays, the
    /// target goes) and fits headings into the page's outline.
    private func sanitize(_ document: OpaquePointer) {
        for node in nodes(in: document, where: { $0 == CMARK_NODE_LINK || $0 == CMARK_NODE_IMAGE }) {
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            guard !Self.isAllowedLink(url) else { continue }
            while let child = cmark_node_first_child(node) {
                cmark_node_insert_before(node, child)
            }
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
        guard let topHeadingLevel else { return }
        let headings = nodes(in: document, where: { $0 == CMARK_NODE_HEADING })
        let levels = Self.outlineLevels(headings.map { Int(cmark_node_get_heading_level($0)) }, top: topHeadingLevel)
        for (node, level) in zip(headings, levels) {
            cmark_node_set_heading_level(node, Int32(level))
        }
    }

    /// New levels for headings written at `levels`, in document order, so that a fragment
    /// placed under a heading of level `top - 1` never skips a level and never rises above
    /// `top`: authors write `##` for a section of a page whose `h1` the template provides,
    /// and `#` or `###` in a scorecard's notes, and screen-reader users navigate by levels.
    /// A heading at or above every open one gets `top`; a deeper one, one below the nearest
    /// shallower heading before it. Levels stop at 6.
    static func outlineLevels(_ levels: [Int], top: Int) -> [Int] {
        var open: [(written: Int, level: Int)] = []
        return levels.map { written in
            while let last = open.last, last.written >= written { open.removeLast() }
            let level = min(6, open.last.map { $0.level + 1 } ?? top)
            open.append((written, level))
            return level
        }
    }

    /// Nodes of the given types, collected before any is changed: cmark's iterator must
    /// not see the tree change under it.
    private func nodes(in document: OpaquePointer, where matches: (cmark_node_type) -> Bool) -> [OpaquePointer] {
        guard let iterator = cmark_iter_new(document) else { return [] }
        defer { cmark_iter_free(iterator) }
        var found: [OpaquePointer] = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            if matches(cmark_node_get_type(node)) { found.append(node) }
        }
        return found
    }
}
