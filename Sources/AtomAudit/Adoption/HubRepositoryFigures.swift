/// What the Hub said about one repository on one day: its own figures and the models that
/// name it as their base, by relation.
public struct HubRepositoryFigures: Sendable, Hashable {
    public var repository: HubRepositoryID
    /// Cumulative downloads (the API's `downloadsAllTime`); nil when the Hub did not give it.
    public var downloads: Int?
    /// The API's `downloads`, which counts the last 30 days.
    public var downloadsLast30Days: Int?
    public var likes: Int?
    /// The day the repository was created (the API's `createdAt`).
    public var created: CalendarDate?
    /// Ids of the models whose `base_model` names this repository, by relation. Ids rather
    /// than counts, so a model that names two of a manifest's repositories counts once.
    public var derivatives: [DerivativeRelation: Set<String>]
    /// Where the figures were read, e.g. `https://huggingface.co/api/models/Qwen/Qwen3-8B`.
    public var source: String

    public init(repository: HubRepositoryID, downloads: Int? = nil, downloadsLast30Days: Int? = nil, likes: Int? = nil,
                created: CalendarDate? = nil, derivatives: [DerivativeRelation: Set<String>] = [:], source: String) {
        self.repository = repository
        self.downloads = downloads
        self.downloadsLast30Days = downloadsLast30Days
        self.likes = likes
        self.created = created
        self.derivatives = derivatives
        self.source = source
    }
}

extension AdoptionSnapshot {
    /// One model's snapshot on `date`: each figure summed over its repositories.
    ///
    /// A figure that any repository lacks stays unknown for the model: a sum over only
    /// some repositories would later read as downloads falling. Derivatives are counted
    /// once per model and relation even when they name several of its repositories.
    /// Sources keep the order of `figures` (the manifest's order of repositories).
    public init(summing figures: [HubRepositoryFigures], on date: CalendarDate) {
        func sum(_ figure: (HubRepositoryFigures) -> Int?) -> Int? {
            var total = 0
            for item in figures {
                guard let value = figure(item) else { return nil }
                total = DownloadTotal.saturatingSum(total, value)
            }
            return figures.isEmpty ? nil : total
        }
        var derivatives = DerivativeCounts()
        for relation in DerivativeRelation.allCases {
            derivatives[relation] = figures.reduce(into: Set<String>()) { $0.formUnion($1.derivatives[relation] ?? []) }.count
        }
        self.init(date: date, downloads: sum(\.downloads), downloadsLast30Days: sum(\.downloadsLast30Days),
                  likes: sum(\.likes), derivatives: figures.isEmpty ? nil : derivatives, sources: figures.map(\.source))
    }
}
