/// Escaping for XML text and attribute values (feed, sitemap): the same rules as the
/// charts' SVG, which is XML too.
enum XMLText {
    static func escape(_ text: String) -> String { SVGText.escape(text) }
}
