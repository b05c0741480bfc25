import Foundation

/// Answers a request from the files of a built site, as a static host would:
/// `index.html` for folders, the site's own `404.html` for anything missing.
///
/// It looks the output folder up afresh on every request because a rebuild swaps in
/// a new folder under the same name.
struct SiteRequestHandler: Sendable {
    let root: URL

    init(root: URL) {
        self.root = root.standardizedFileURL
    }

    func respond(to request: HTTPRequest) -> HTTPResponse {
        guard request.method == "GET" || request.method == "HEAD" else {
            return .text(.methodNotAllowed, "only GET and HEAD are served", extraHeaders: [("Allow", "GET, HEAD")])
        }
        let path: RequestPath
        do {
            path = try RequestPath(target: request.target)
        } catch {
            return .text(.badRequest, "refused: \(error.description)")
        }
        // Hidden files are never part of a built site.
        guard !path.segments.contains(where: { $0.hasPrefix(".") }) else { return notFound() }

        var file = path.segments.reduce(root) { $0.appendingPathComponent($1) }
        switch kind(of: file) {
        case .folder:
            guard path.hasTrailingSlash else {
                // Pages link relatively (`../assets/…`), so a folder must be seen with its slash.
                var withSlash = path
                withSlash.hasTrailingSlash = true
                return .text(.movedPermanently, "moved to \(withSlash.encoded)", extraHeaders: [("Location", withSlash.encoded)])
            }
            file.appendPathComponent("index.html")
            guard kind(of: file) == .file else { return notFound() }
        case .file:
            guard !path.hasTrailingSlash else { return notFound() }
        case .missing:
            return notFound()
        }
        // Opened here and sent from the descriptor in chunks: the response never holds
        // the file's bytes, whatever its size.
        guard isInsideRoot(file), let opened = OpenFile(path: file.path) else { return notFound() }
        return .file(opened, contentType: ContentType.forFile(named: file.lastPathComponent), range: request.range)
    }

    /// The site's 404 page with status 404, or a line of text when the site has none yet.
    func notFound() -> HTTPResponse {
        if let page = OpenFile(path: root.appendingPathComponent("404.html").path) {
            return .file(page, status: .notFound, contentType: ContentType.forFile(named: "404.html"), range: nil)
        }
        return .text(.notFound, "not found (and the site has no 404.html yet)")
    }

    private enum Kind { case file, folder, missing }

    private func kind(of url: URL) -> Kind {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { return .missing }
        return isFolder.boolValue ? .folder : .file
    }

    /// A symbolic link inside the site could still point outside it; the site builder
    /// never makes one, so anything that resolves elsewhere is refused.
    private func isInsideRoot(_ file: URL) -> Bool {
        let realRoot = root.resolvingSymlinksInPath().path
        return file.resolvingSymlinksInPath().path.hasPrefix(realRoot + "/")
    }
}
