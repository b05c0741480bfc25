import AtomAudit
import Foundation

/// The as-of date of a content folder kept in git: the day (UTC) of the last commit that
/// touched it, so rebuilding a commit gives the same site on any machine and any day.
/// While the folder has uncommitted changes the data is today's, which is also the day
/// those changes will be committed when the site is rebuilt before committing.
public enum ContentDate {
    /// nil when the folder is not in a git repository (or git is missing): the caller falls
    /// back to something deterministic, such as the newest assessment.
    public static func asOf(content: String, today: CalendarDate?) -> CalendarDate? {
        let git = GitProcess(repository: URL(fileURLWithPath: content).standardizedFileURL.path)
        guard let status = try? git.run(["status", "--porcelain", "--", "."]) else { return nil }
        if !status.isEmpty { return today }
        // The same commit the history calls the content's last (`ContentRepository`): along
        // the first parents, so a merge counts on the day it was merged.
        guard let day = try? git.run(["log", "-1", "--first-parent", "--format=%cd", "--date=format-local:%Y-%m-%d", "HEAD", "--", "."],
                                     environment: ["TZ": "UTC"]) else { return nil }
        return CalendarDate(String(decoding: day, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
