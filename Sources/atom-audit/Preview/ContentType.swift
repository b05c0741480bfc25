/// The Content-Type the preview sends for a file, chosen by its extension. Text types
/// name UTF-8 because every text file the site builder writes is UTF-8.
enum ContentType {
    static func forFile(named name: String) -> String {
        guard let dot = name.lastIndex(of: ".") else { return fallback }
        let fileExtension = name[name.index(after: dot)...].lowercased()
        return byExtension[fileExtension] ?? fallback
    }

    /// Unknown files download rather than render, the safe default.
    static let fallback = "application/octet-stream"

    static let byExtension: [String: String] = [
        "html": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "svg": "image/svg+xml",
        "json": "application/json",
        "csv": "text/csv; charset=utf-8",
        "xml": "application/xml; charset=utf-8",
        "md": "text/markdown; charset=utf-8",
        "txt": "text/plain; charset=utf-8",
        "png": "image/png",
        "ico": "image/x-icon",
        "woff2": "font/woff2",
    ]
}
