import AtomAudit
import Foundation

/// A citable edition of the dataset: the content as it was at a git tag, audited.
public struct Edition: Sendable {
    /// The tag's name, e.g. `edition-2026-12`; also the edition's file name.
    public var tag: String
    /// The tag's day (UTC): the tagger's date for an annotated tag, else the commit's.
    /// It is the edition's as-of date.
    public var date: CalendarDate
    /// The commit the tag points at.
    public var commit: String
    /// The audit of the content at that commit (without errors).
    public var report: AuditReport

    public init(tag: String, date: CalendarDate, commit: String, report: AuditReport) {
        self.tag = tag
        self.date = date
        self.commit = commit
        self.report = report
    }
}

/// Reads every edition tag's content through git (nothing is checked out) and audits it.
/// Tags rarely change and a build with nothing changed stops before this, so each is
/// read afresh; the file versions the tags share are decoded once (an `AuditMemo`).
public struct EditionLoader: Sendable {
    public var repository: ContentRepository
    public var auditor: ContentAuditor

    public init(repository: ContentRepository, auditor: ContentAuditor = ContentAuditor()) {
        self.repository = repository
        self.auditor = auditor
    }

    /// Editions newest first (then by tag), and a warning for each matching tag that is
    /// not published (a name unfit for a file, content with errors, no content folder).
    /// - Parameter pattern: a tag pattern such as `edition-*` (checked by `SiteConfig`).
    public func load(pattern: String) -> (editions: [Edition], diagnostics: [Diagnostic]) {
        let git = GitProcess(repository: repository.root)
        let listing: Data
        do {
            listing = try git.run(["for-each-ref", "--format=%(refname:strip=2)%00%(objectname)%00%(*objectname)%00%(creatordate:raw)",
                                   "refs/tags/" + pattern])
        } catch {
            return ([], [.warning("editions-unread", "the edition tags could not be listed: \(PrintableText.escape(error.message)); no edition is published", at: nil)])
        }
        var editions: [Edition] = [], diagnostics: [Diagnostic] = []
        var memo = AuditMemo()
        let reader = GitContentReader(repository: repository.root)
        for line in String(decoding: listing, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: "\0", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4 else { continue }
            let tag = fields[0], commit = fields[2].isEmpty ? fields[1] : fields[2]
            func skip(_ why: String) {
                diagnostics.append(.warning("edition-skipped", "tag '\(PrintableText.escape(tag))' is not published as an edition: \(why)", at: nil))
            }
            guard Self.isPublishable(tag) else { skip("its name must be letters, digits, '-', '.' and '_', as it becomes a file name"); continue }
            guard let seconds = fields[3].split(separator: " ").first.flatMap({ Int($0) }),
                  let date = CalendarDate(dayNumber: Int((Double(seconds) / 86_400).rounded(.down))) else { skip("it has no date"); continue }
            var snapshot: ContentSnapshot
            do { snapshot = try reader.read(revision: commit, path: repository.contentPath) } catch {
                skip(error.description.replacingOccurrences(of: "error: ", with: ""))
                continue
            }
            // One root for every tag, so the memo serves them all.
            snapshot.root = repository.contentPath
            let report = auditor.audit(snapshot, memo: &memo)
            if let first = report.diagnostics.first(where: { $0.severity == .error }) {
                let count = report.diagnostics.countInPlace { $0.severity == .error }
                skip("the content at that tag has \(count) error\(count == 1 ? "" : "s"), the first: \(first.location.map { "\($0.file):\($0.line):\($0.column): " } ?? "")\(first.message)")
                continue
            }
            editions.append(Edition(tag: tag, date: date, commit: commit, report: report))
        }
        editions.sort { ($1.date, $0.tag) < ($0.date, $1.tag) }
        return (editions, diagnostics)
    }

    /// A tag name that is safe as a file name and a URL path segment.
    static func isPublishable(_ tag: String) -> Bool {
        guard let first = tag.unicodeScalars.first, first != ".", first != "-", tag.count <= 100 else { return false }
        return tag.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", ".", "_": true
            default: false
            }
        }
    }
}
