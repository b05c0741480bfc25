/// Where each page of the site lives, as paths relative to the site root. Pages link
/// to each other relatively (with a `root` prefix such as `../../`), so the site works
/// from any folder of any host and straight from the disk.
enum SitePaths {
    static func model(_ id: String) -> String { "models/\(id)/" }
    static func modelFile(_ id: String) -> String { "models/\(id)/index.html" }
    static func scenario(_ id: String) -> String { "scenarios/\(id)/" }
    static func scenarioFile(_ id: String) -> String { "scenarios/\(id)/index.html" }
    static func page(_ id: String) -> String { "\(id)/" }
    static func pageFile(_ id: String) -> String { "\(id)/index.html" }
    static func badge(_ id: String) -> String { "badges/\(id).svg" }
    static func modelJSON(_ id: String) -> String { "data/models/\(id).json" }
    static func comparison(_ id: String) -> String { "compare/\(id)/" }
    /// A citable edition of the dataset; `tag` is a checked tag name (`EditionLoader`).
    static func editionJSON(_ tag: String) -> String { "data/editions/\(tag).json" }

    /// The Markdown edition: a README.md in every page's folder, so GitHub shows it
    /// when someone opens the folder.
    static func markdown(of folder: String) -> String { folder.isEmpty ? "README.md" : folder + "README.md" }

    static let methodology = "methodology/"
    static let scenarios = "scenarios/"
    static let charts = "charts/"
    static let adoption = "adoption/"
    static let brief = "brief/"
    static let compare = "compare/"
    static let changes = "changes/"
    static let editions = "editions/"
    static let briefMarkdown = "brief.md"
    static let modelsJSON = "data/models.json"
    static let modelsCSV = "data/models.csv"
    static let schema = "schema/manifest.schema.json"
    static let feed = "feed.xml"
    static let socialPreview = "social/preview.png"

    /// The prefix that leads from a page file back to the site root: `../../` for
    /// `models/x/index.html`.
    static func root(of file: String) -> String {
        let depth = file.split(separator: "/").count - 1
        return depth == 0 ? "./" : String(repeating: "../", count: depth)
    }
}
