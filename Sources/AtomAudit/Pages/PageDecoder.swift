/// Reads a Markdown page with `title` (and optional `summary`) front matter.
struct PageDecoder {
    var reader = YAMLReader()

    func decode(text: String, id: String, file: String) -> (page: Page?, diagnostics: [Diagnostic]) {
        guard let split = FrontMatter(splitting: text) else {
            return (nil, [.error("missing-front-matter", "the page has no front matter; expected it to start with a '---' line, 'title: ...', and a closing '---' line", at: .start(of: file))])
        }
        let (document, problems) = reader.read(text: split.yaml, file: file)
        guard let document else { return (nil, problems) }
        var fields = FieldReader(file: file)
        guard let root = document.root,
              let map = fields.mapping(root, named: "the front matter", expected: "a mapping with 'title'") else {
            if document.root == nil { fields.error("missing-key", "the front matter has no 'title'; it is required", at: .start(of: file)) }
            return (nil, problems + fields.diagnostics)
        }
        fields.checkKeys(map, named: "the front matter", allowed: ["title", "summary"], required: ["title"])
        let title = fields.string(map, "title", in: "the front matter")
        let summary = fields.string(map, "summary", in: "the front matter")
        guard !fields.diagnostics.containsErrors, let title else { return (nil, problems + fields.diagnostics) }
        return (Page(id: id, path: file, title: title.value, summary: summary?.value, body: split.body), problems + fields.diagnostics)
    }
}
