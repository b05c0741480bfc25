/// One model's all-time downloads as recorded on one day.
public struct DownloadFigure: Sendable, Hashable {
    public var date: CalendarDate
    public var downloads: Int

    public init(date: CalendarDate, downloads: Int) {
        self.date = date
        self.downloads = downloads
    }
}

extension Adoption {
    /// The snapshots that record all-time downloads, oldest first: a snapshot with only
    /// likes or derivatives says nothing about downloads, so it is no figure here.
    public var downloadFigures: [DownloadFigure] {
        snapshots.compactMap { snapshot in snapshot.downloads.map { DownloadFigure(date: snapshot.date, downloads: $0) } }
    }

    /// The newest downloads figure, or nil when none was ever recorded ("no data", never 0).
    public var latestDownloads: DownloadFigure? {
        guard let index = snapshots.lastIndex(where: { $0.downloads != nil }), let downloads = snapshots[index].downloads else { return nil }
        return DownloadFigure(date: snapshots[index].date, downloads: downloads)
    }
}

/// Downloads summed over a group of models, with how many models the sum covers: a group
/// none of whose models has a figure has no data, which is not the same as 0 downloads.
public struct DownloadTotal: Sendable, Hashable {
    /// The sum; it stops at `Int.max` rather than overflowing (content can hold any count).
    public private(set) var downloads: Int
    /// The models with a figure, that is the models the sum covers.
    public private(set) var models: Int

    public init(downloads: Int = 0, models: Int = 0) {
        self.downloads = downloads
        self.models = models
    }

    public static let none = DownloadTotal()

    /// False when no model of the group has a figure: show "no data", not 0.
    public var hasData: Bool { models > 0 }

    public mutating func add(_ figure: Int) {
        downloads = Self.saturatingSum(downloads, figure)
        models += 1
    }

    public mutating func add(_ other: DownloadTotal) {
        downloads = Self.saturatingSum(downloads, other.downloads)
        models += other.models
    }

    /// Replaces one model's figure with a newer one (the sum of a time series moves by the difference).
    mutating func replace(_ old: Int, with new: Int) {
        downloads = max(0, Self.saturatingSum(downloads, new - old))
    }

    /// `part` as a percentage of `whole` (nil when the whole has no data or no downloads).
    public static func percent(_ part: DownloadTotal, of whole: DownloadTotal) -> Double? {
        guard whole.hasData, whole.downloads > 0 else { return nil }
        return Double(part.downloads) * 100 / Double(whole.downloads)
    }

    static func saturatingSum(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? (b > 0 ? Int.max : Int.min) : sum
    }
}
