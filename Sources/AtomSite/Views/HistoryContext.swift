import AtomAudit

/// The history as templates read it: each scorecard's History section, the commit links
/// and the chart, prepared once per build (`SharedContext` holds it).
struct HistoryContext: Sendable {
    let siteData: SiteData
    let index: HistoryIndex
    /// Drawn once; nil without history.
    let timeline: TierTimeline?
    /// `https://github.com/<owner>/<name>/commit/` when site.yaml names a GitHub repository.
    let commitBase: String?

    init(siteData: SiteData) {
        self.siteData = siteData
        index = HistoryIndex(siteData.history.content)
        timeline = TierTimeline(siteData: siteData)
        commitBase = siteData.site.repository.flatMap { CorrectionLinks.isGitHub($0) ? $0 + "/commit/" : nil }
    }

    var content: ContentHistory? { siteData.history.content }

    /// The anchor of a commit on the changes page.
    static func anchor(_ commit: String) -> String { "commit-" + commit }

    /// `commitID`, `shortID`, `date`, `subject`, `anchor` and, when site.yaml names a
    /// GitHub repository, `commitURL`. (Not `url`: inside a scorecard's `model` section a
    /// missing `url` would be looked up in the model, and link to the scorecard itself.)
    func commit(_ commit: HistoryCommit) -> TemplateObject {
        var context: TemplateObject = ["commitID": .text(commit.id), "shortID": .text(commit.shortID), "date": .text(commit.date.description),
                                       "subject": .text(commit.subject), "anchor": .text(Self.anchor(commit.id))]
        if let commitBase { context["commitURL"] = .text(commitBase + commit.id) }
        return context
    }

    /// What every history block says first: `available`, or `reason` why not; and where
    /// the changes page is.
    func status(root: String) -> TemplateObject {
        var context: TemplateObject = ["available": .flag(content != nil),
                                       "changesURL": .text(root + SitePaths.changes),
                                       "changesMarkdownURL": .text(root + SitePaths.markdown(of: SitePaths.changes))]
        if let content {
            if timeline == nil { context["chartMissing"] = .text(TierTimeline.absence(content)) }
        } else {
            context["reason"] = .text(siteData.history.unavailableReason)
        }
        return context
    }

    /// A scorecard's `history`: `entries[]` newest first, each a commit (`commit`) with
    /// the `changes[]` (`text`) it made to the model, in plain words.
    /// - Parameter status: `status(root:)`, when the caller made it once for many scorecards.
    func scorecard(_ card: Scorecard, root: String, status: TemplateObject? = nil) -> TemplateObject {
        var context = status ?? self.status(root: root)
        guard content != nil else { return context }
        let entries = index.entries(for: card.id.rawValue)
        context["hasEntries"] = .flag(!entries.isEmpty)
        context["entries"] = .list(entries.map { entry in
            var phrases = ChangeWording.phrases(entry.change)
            if let rubric = entry.rubric, entry.change.kind == .changed { phrases.insert(ChangeWording.rubric(rubric), at: 0) }
            var commit = commit(entry.commit)
            commit["entryURL"] = .text(root + SitePaths.changes + "#" + Self.anchor(entry.commit.id))
            return [
                "commit": .object(commit),
                "changes": .list(phrases.enumerated().map { index, phrase in
                    ["text": .text(Self.capitalized(phrase)), "separator": .text(index == phrases.count - 1 ? "" : "; ")]
                }),
            ]
        })
        return context
    }

    /// The chart's values for a page at `root`: `svg`, `summary`, `file`, `csv`, `title`
    /// and `source`.
    func chart(root: String) -> TemplateValue? {
        guard let timeline, let content else { return nil }
        let source = "Source: the git history of this audit's content, \(NumberFormat.plural(content.commitCount, "commit")), "
            + "each audited with the rubric it had; data as of \(siteData.asOf)."
        return ["svg": .text(timeline.svg), "summary": .text(timeline.summary), "title": .text(TierTimeline.title), "source": .text(source),
                "file": .text(root + TierTimeline.svgPath), "csv": .text(root + TierTimeline.csvPath)]
    }

    /// The files the chart is also published as.
    var chartFiles: [OutputFile] {
        timeline.map { [OutputFile(path: TierTimeline.svgPath, text: $0.svg), OutputFile(path: TierTimeline.csvPath, text: $0.csv)] } ?? []
    }

    static func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
}
