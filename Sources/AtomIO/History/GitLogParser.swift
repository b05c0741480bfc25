import AtomAudit
import Foundation

/// Parses `git log -z --raw --format=%x01%H%x00%as%x00%s`.
///
/// With `-z` every field ends in a NUL: a commit is "\u{1}<id>", "<date>", "<subject>",
/// then for each file ":<old mode> <new mode> <old blob> <new blob> <status>" (the
/// first one after a newline) and one path, or two for renames and copies.
enum GitLogParser {
    static func parse(_ output: Data) throws(GitHistoryReader.Failure) -> [LoggedCommit] {
        var commits: [LoggedCommit] = []
        // A newline ends the subject line before the first file (and, were a commit to
        // list no file, before the next commit): it belongs to no field.
        var fields = output.split(separator: 0, omittingEmptySubsequences: false).map { $0.drop { $0 == 10 } }[...]
        func next() -> String? {
            guard let field = fields.popFirst() else { return nil }
            return String(decoding: field, as: UTF8.self)
        }
        while let field = next() {
            if field.isEmpty { continue }
            guard field.hasPrefix("\u{1}") else { throw .unreadableLog("expected a commit, found '\(field.prefix(80))'") }
            let id = String(field.dropFirst())
            guard let dateText = next(), let date = CalendarDate(dateText), let subject = next() else {
                throw .unreadableLog("commit \(id) has no date or subject")
            }
            var changes: [FileChange] = []
            while let first = fields.first, first.first != 1 {
                guard let header = next() else { break }
                if header.isEmpty { continue }
                changes.append(try change(Substring(header), fields: &fields, commit: id))
            }
            commits.append(LoggedCommit(commit: HistoryCommit(id: id, date: date, subject: subject), changes: changes))
        }
        return commits
    }

    private static func change(_ header: Substring, fields: inout ArraySlice<Data>, commit: String) throws(GitHistoryReader.Failure) -> FileChange {
        // ":100644 100644 <old> <new> M"
        let parts = header.dropFirst().split(separator: " ")
        guard header.hasPrefix(":"), parts.count == 5, let status = parts[4].first else {
            throw .unreadableLog("commit \(commit): unexpected line '\(header.prefix(120))'")
        }
        func path() throws(GitHistoryReader.Failure) -> String {
            guard let field = fields.popFirst() else { throw .unreadableLog("commit \(commit): a change without its path") }
            return String(decoding: field, as: UTF8.self)
        }
        if status == "R" || status == "C" {
            let old = try path()
            return FileChange(status: status, path: try path(), previousPath: old, mode: String(parts[1]), object: String(parts[3]))
        }
        return FileChange(status: status, path: try path(), mode: String(parts[1]), object: String(parts[3]))
    }
}
