import AtomAudit
import AtomIO

/// What the site shows of the content's past: the history of the commits that touched
/// it and the citable editions (tags), read from git before rendering, or why there is
/// no history (outside git, git missing, a shallow clone). Plain values: rendering
/// never touches git.
public struct SiteHistory: Sendable {
    /// The history of the content folder; nil when it could not be read.
    public var content: ContentHistory?
    /// Why there is no history, in words that complete "History is not available: …".
    public var unavailableReason: String
    /// The content folder's path inside its repository, e.g. `Content`.
    public var contentPath: String
    /// Citable editions, newest first.
    public var editions: [Edition]

    public init(content: ContentHistory?, contentPath: String = "Content", editions: [Edition] = [], unavailableReason: String = "") {
        self.content = content
        self.contentPath = contentPath
        self.editions = editions
        self.unavailableReason = unavailableReason
    }

    public static func unavailable(_ reason: String) -> SiteHistory {
        SiteHistory(content: nil, unavailableReason: reason)
    }

    /// For sites built without asking git (library callers and most tests).
    public static let notRead = unavailable("this site was built without reading the content's git history")
}
