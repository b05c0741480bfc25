import AtomAudit
import AtomSite
import AtomIO
import Foundation

/// Prints the results of `adoption refresh` in the plan's order as they arrive (results on
/// standard output, failures on standard error) and, on a terminal, a progress line.
struct RefreshPrinter {
    let total: Int
    private var waiting: [Int: AdoptionRefresher.Result] = [:]
    private var nextToPrint = 0
    private var done = 0
    private let progress = isatty(STDERR_FILENO) == 1

    init(total: Int) { self.total = total }

    mutating func finished(_ index: Int, _ result: AdoptionRefresher.Result) {
        done += 1
        waiting[index] = result
        clearProgress()
        while let next = waiting.removeValue(forKey: nextToPrint) {
            printLine(next)
            nextToPrint += 1
        }
        if progress, done < total { StandardError.writeRaw("[\(done)/\(total)] \(result.id)") }
    }

    func end() { clearProgress() }

    private func clearProgress() {
        fflush(nil)  // results printed before must come first
        if progress { StandardError.writeRaw("\r\u{1B}[K") }
    }

    private func printLine(_ result: AdoptionRefresher.Result) {
        switch result.outcome {
        case .refreshed(let snapshot):
            print("\(result.id): added the snapshot as of \(snapshot.date) to \(result.path): \(Self.figures(snapshot))")
        case .alreadyRefreshed(let date):
            print("\(result.id): already refreshed on \(date); skipped")
        case .failed(let failure):
            fflush(nil)
            StandardError.write("error: \(result.id): \(failure)")
        }
    }

    /// `18,735,432 downloads (2,803,581 in 30 days), 712 likes, 1,234 derivatives`.
    static func figures(_ snapshot: AdoptionSnapshot) -> String {
        var parts: [String] = []
        if let downloads = snapshot.downloads {
            parts.append("\(NumberFormat.grouped(downloads)) downloads" + (snapshot.downloadsLast30Days.map { " (\(NumberFormat.grouped($0)) in 30 days)" } ?? ""))
        } else if let recent = snapshot.downloadsLast30Days {
            parts.append("\(NumberFormat.grouped(recent)) downloads in 30 days")
        }
        if let likes = snapshot.likes { parts.append(counted(likes, "like")) }
        if let derivatives = snapshot.derivatives { parts.append(counted(derivatives.total, "derivative")) }
        return parts.joined(separator: ", ")
    }

    static func summary(_ results: [AdoptionRefresher.Result]) -> String {
        var refreshed = 0, skipped = 0, failed = 0
        for result in results {
            switch result.outcome {
            case .refreshed: refreshed += 1
            case .alreadyRefreshed: skipped += 1
            case .failed: failed += 1
            }
        }
        return "refreshed \(refreshed) of \(counted(results.count, "manifest")): \(skipped) already refreshed, \(failed) failed"
    }

    static func counted(_ value: Int, _ noun: String) -> String {
        "\(NumberFormat.grouped(value)) \(noun)\(value == 1 ? "" : "s")"
    }
}
