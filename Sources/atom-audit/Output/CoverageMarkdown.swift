import AtomAudit
import AtomSite
import Foundation

/// The coverage of the Hub's top models as Markdown: a table, then one sentence.
enum CoverageMarkdown {
    static func table(_ tally: CoverageTally) -> String {
        var lines = ["| Rank | Repository | Downloads (30 days) | Coverage |", "| ---: | --- | ---: | --- |"]
        for row in tally.rows {
            let coverage: String
            switch row.status {
            case .claimed(let id): coverage = "covered by \(id)"
            case .viaBase(let id, let base): coverage = "covered by \(id) (base model \(base))"
            case .uncovered: coverage = "not covered"
            }
            lines.append("| \(row.rank) | \(cell(row.repository)) | \(NumberFormat.grouped(row.downloads)) | \(coverage) |")
        }
        return lines.joined(separator: "\n")
    }

    /// `The catalogue covers 85.0% of the downloads ...`, the sentence the site shows.
    static func sentence(_ record: HubCoverage) -> String {
        let percent = String(format: "%.1f", record.coveredShare * 100)
        return "\nThe catalogue covers \(percent)% of the downloads of the Hub's top \(record.top) text-generation models as of \(record.date) "
            + "(\(NumberFormat.grouped(record.coveredDownloads)) of \(NumberFormat.grouped(record.downloads)) downloads in the last 30 days; "
            + "\(record.uncovered.count) not covered)."
    }

    /// A repository id from the network, made safe for a table cell: control characters
    /// and bidirectional overrides shown as escapes (they would act on a terminal), then
    /// escaped as every Markdown table cell of the project is.
    private static func cell(_ text: String) -> String {
        MarkdownEscaper.escape(PrintableText.escape(text))
    }
}
