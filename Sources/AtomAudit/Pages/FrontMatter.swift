/// Splits a Markdown file into its YAML front matter and its body.
///
/// The front matter text keeps its line numbers (the opening `---` becomes an empty
/// line), so positions in its diagnostics point at the right lines of the file.
struct FrontMatter {
    let yaml: String
    let body: String
    /// The 1-based line the body starts on.
    let bodyLine: Int

    /// nil when the file does not start with a `---` line or the block is never closed.
    init?(splitting text: String) {
        let lines = text.sourceLines.map(String.init)
        guard let first = lines.first, first == "---",
              let closing = lines.dropFirst().firstIndex(where: { $0 == "---" || $0 == "..." })
        else { return nil }
        yaml = ([""] + lines[1..<closing]).joined(separator: "\n")
        body = lines[(closing + 1)...].joined(separator: "\n")
        bodyLine = closing + 2
    }
}
