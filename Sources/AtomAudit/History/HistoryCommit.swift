/// A commit that touched the content folder, as the history shows it.
public struct HistoryCommit: Sendable, Hashable, Codable {
    /// The full commit id.
    public var id: String
    /// The author date, as the day it was in the author's time zone.
    public var date: CalendarDate
    /// The first line of the commit message.
    public var subject: String

    public init(id: String, date: CalendarDate, subject: String) {
        self.id = id
        self.date = date
        self.subject = subject
    }

    /// The first 7 characters of the id, as `git log --oneline` shows it.
    public var shortID: String { String(id.prefix(7)) }
}
