import AtomAudit
import Foundation

/// Prints diagnostics in the compiler's format, which editors and CI annotators parse:
/// `path:line:column: error: [code] message`.
struct DiagnosticPrinter {
    func format(_ diagnostic: Diagnostic) -> String {
        let prefix = diagnostic.location.map { "\($0.file):\($0.line):\($0.column): " } ?? ""
        var line = "\(prefix)\(diagnostic.severity.rawValue): [\(diagnostic.code)] \(diagnostic.message)"
        for note in diagnostic.notes {
            let notePrefix = note.location.map { "\($0.file):\($0.line):\($0.column): " } ?? ""
            line += "\n\(notePrefix)note: \(note.message)"
        }
        return line
    }

    func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { Swift.print(format(diagnostic)) }
    }

    func printSummary(of report: AuditReport) {
        let errors = report.diagnostics.errorCount, warnings = report.diagnostics.warningCount
        Swift.print("checked \(plural(report.fileCount, "file")), \(plural(report.modelFileCount, "model")): \(plural(errors, "error")), \(plural(warnings, "warning"))")
    }
}

func plural(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
