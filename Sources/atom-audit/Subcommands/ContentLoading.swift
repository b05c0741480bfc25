import ArgumentParser
import AtomAudit
import AtomIO
import Foundation

/// Reads and audits a content folder for a command, turning a missing folder into a
/// clean error message and exit code rather than a stack trace.
enum ContentLoading {
    static func audit(_ directory: String) throws -> AuditReport {
        try read(directory).report
    }

    /// The folder as read and its audit, for commands that edit content files.
    static func read(_ directory: String) throws -> (content: ContentSnapshot, report: AuditReport) {
        do {
            let snapshot = try ContentReader().read(directory: directory)
            return (snapshot, ContentAuditor(today: Today.date, mapper: ConcurrentMapper()).audit(snapshot))
        } catch {
            StandardError.write(error.description)
            throw ExitCode(2)
        }
    }
}

/// Today's date in UTC, for review warnings. `ATOM_AUDIT_TODAY=YYYY-MM-DD` overrides it
/// so tests and reproducible CI runs see a fixed day.
enum Today {
    static var date: CalendarDate? {
        if let text = ProcessInfo.processInfo.environment["ATOM_AUDIT_TODAY"] { return CalendarDate(text) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }
}
