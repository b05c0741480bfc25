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
        let folder = URL(fileURLWithPath: content).standardizedFileURL.path
        guard let status = git(["status", "--porcelain", "--", "."], in: folder) else { return nil }
        if !status.isEmpty { return today }
        guard let day = git(["log", "-1", "--format=%cd", "--date=format-local:%Y-%m-%d", "--", "."], in: folder) else { return nil }
        return CalendarDate(day.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The standard output of git run in `folder`, or nil when it fails.
    private static func git(_ arguments: [String], in folder: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["TZ"] = "UTC"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }
}
