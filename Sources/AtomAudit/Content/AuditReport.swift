/// Everything the audit learned from a content snapshot: the loaded values, the
/// scorecards of every valid manifest, and every problem found on the way.
public struct AuditReport: Sendable {
    public var site: SiteConfig?
    public var rubric: Rubric?
    public var licenses: LicenseCatalog?
    /// Manifests without errors, sorted by id.
    public var manifests: [Manifest]
    /// One per valid manifest, sorted by id.
    public var scorecards: [Scorecard]
    /// Sorted by order, then id.
    public var scenarios: [Scenario]
    /// Sorted by id.
    public var pages: [Page]
    /// The catalogue's coverage of the Hub's top text-generation models (`coverage.yaml`);
    /// nil when the file is absent or has errors.
    public var coverage: HubCoverage?
    /// Sorted by location.
    public var diagnostics: [Diagnostic]
    /// Content files read.
    public var fileCount: Int
    /// Manifest files found (valid or not).
    public var modelFileCount: Int

    public var hasErrors: Bool { diagnostics.containsErrors }

    /// The most recent day a manifest was checked against its sources: the as-of date of
    /// the data when no other is given (it moves only when the content does).
    public var newestAssessment: CalendarDate? { manifests.map(\.assessed).max() }

    public func scorecard(_ id: String) -> Scorecard? { scorecards.first { $0.id.rawValue == id } }

    public func page(_ id: String) -> Page? { pages.first { $0.id == id } }

    /// The diagnostics that belong to one content file.
    public func diagnostics(forFile path: String) -> [Diagnostic] {
        diagnostics.filter { $0.location?.file == path }
    }
}
