/// How much of the Hub's most-downloaded text-generation models the catalogue covers, as
/// recorded on one day in `Content/coverage.yaml` by `atom-audit coverage --write`.
public struct HubCoverage: Sendable, Hashable {
    public struct Uncovered: Sendable, Hashable {
        /// The repository as the Hub spells it.
        public var repository: String
        /// Its downloads over the 30 days before the date.
        public var downloads: Int

        public init(repository: String, downloads: Int) {
            self.repository = repository
            self.downloads = downloads
        }
    }

    public var date: CalendarDate
    /// The Hub the listing came from, e.g. `https://huggingface.co`.
    public var endpoint: String
    /// How many models the listing had (the top N).
    public var top: Int
    /// Downloads of all N over the last 30 days (the Hub's `downloads`).
    public var downloads: Int
    /// The part of `downloads` whose models a manifest covers, directly or through a base model.
    public var coveredDownloads: Int
    /// The models no manifest covers, most downloaded first.
    public var uncovered: [Uncovered]

    public init(date: CalendarDate, endpoint: String, top: Int, downloads: Int, coveredDownloads: Int, uncovered: [Uncovered]) {
        self.date = date
        self.endpoint = endpoint
        self.top = top
        self.downloads = downloads
        self.coveredDownloads = coveredDownloads
        self.uncovered = uncovered
    }

    /// The covered share of the downloads, from 0 to 1 (0 when nothing was downloaded).
    public var coveredShare: Double {
        downloads > 0 ? Double(coveredDownloads) / Double(downloads) : 0
    }
}
