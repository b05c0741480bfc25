import AtomAudit
import Foundation

/// Where a reader proposes a correction to a scorecard: its manifest in the audit's
/// repository (`repository` in site.yaml), so a fix is one edit and one pull request.
/// Made once per build: every scorecard shares the repository and the content folder.
struct CorrectionLinks: Sendable {
    let repository: String?
    /// The content folder's path in the repository (`Content` as the project lays it out;
    /// the history reader finds it when the content lives elsewhere).
    let contentPath: String
    let isGitHub: Bool

    init(repository: String?, contentPath: String) {
        self.repository = repository
        self.contentPath = contentPath
        isGitHub = repository.map(Self.isGitHub) ?? false
    }

    func manifestPath(_ id: String) -> String { "\(contentPath)/models/\(id).yaml" }

    /// `manifest`, and with a repository `repository`; for a GitHub repository also `view`,
    /// `edit` (GitHub forks and opens a pull request for readers without write access) and
    /// `issue`, a new issue titled with the model. Other hosts shape these URLs differently,
    /// so they get the repository's own address only.
    func context(for card: Scorecard) -> TemplateObject {
        let id = card.id.rawValue, path = manifestPath(id)
        var context: TemplateObject = ["manifest": .text(path)]
        guard let repository else { return context }
        context["repository"] = .text(repository)
        guard isGitHub else { return context }
        context["view"] = .text("\(repository)/blob/main/\(path)")
        context["edit"] = .text("\(repository)/edit/main/\(path)")
        context["issue"] = .text("\(repository)/issues/new?title=" + Self.queryEncoded("Correction: \(card.manifest.name) (\(id))"))
        return context
    }

    static func isGitHub(_ repository: String) -> Bool {
        let lowered = repository.lowercased()
        return lowered.hasPrefix("https://github.com/") && lowered.dropFirst("https://github.com/".count).split(separator: "/").count == 2
    }

    /// RFC 3986's unreserved characters, built once (a `CharacterSet` intersection is not cheap).
    private static let unreserved: CharacterSet = {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "-._~")
        return allowed
    }()

    /// Everything but RFC 3986's unreserved characters percent-encoded: a model's name
    /// may hold `&`, `#` or `+`, which would end or change the query.
    static func queryEncoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }
}
