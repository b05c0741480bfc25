/// A prose page from `Content/pages/<id>.md`.
///
/// Some ids have a role beyond their own page: `introduction` and `recommendations`
/// feed the brief, `methodology` opens the methodology page, `adoption` sets the adoption
/// page's figures in context, `about` is the about page.
public struct Page: Sendable, Hashable {
    public var id: String
    public var path: String
    public var title: String
    public var summary: String?
    /// Markdown.
    public var body: String

    public init(id: String, path: String, title: String, summary: String? = nil, body: String) {
        self.id = id
        self.path = path
        self.title = title
        self.summary = summary
        self.body = body
    }

    /// Page ids that are composed into other pages rather than published at `/<id>/`.
    public static let sectionIDs: Set<String> = ["introduction", "recommendations", "methodology", "adoption"]
}
