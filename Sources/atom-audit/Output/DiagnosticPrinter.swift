import ArgumentParser
import AtomAudit
import Foundation

/// How `check` (and other commands) print diagnostics.
enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable {
    /// `path:line:col: error: [code] message`, the compiler's format, which editors parse.
    case text
    /// GitHub Actions workflow commands, so problems show on the pull request's lines.
    case github
    /// One JSON document with every diagnostic and the summary.
    case json
}

/// Prints diagnostics in the chosen format; all printing stays in the CLI.
struct DiagnosticPrinter {
    var format: DiagnosticFormat = .text

    func print(_ diagnostics: [Diagnostic]) {
        switch format {
        case .text: for diagnostic in diagnostics { Swift.print(text(diagnostic)) }
        case .github: for diagnostic in diagnostics { Swift.print(github(diagnostic)) }
        case .json: break  // printed whole, with the summary, by `printReport`
        }
    }

    /// Prints the diagnostics and the one-line summary of a check.
    func printReport(_ report: AuditReport) {
        switch format {
        case .text, .github:
            print(report.diagnostics)
            Swift.print(summary(of: report))
        case .json:
            Swift.print(json(report))
        }
    }

    func printSummary(of report: AuditReport) { Swift.print(summary(of: report)) }

    func summary(of report: AuditReport) -> String {
        let errors = report.diagnostics.errorCount, warnings = report.diagnostics.warningCount
        return "checked \(plural(report.fileCount, "file")), \(plural(report.modelFileCount, "model")): \(plural(errors, "error")), \(plural(warnings, "warning"))"
    }

    // MARK: Formats

    func text(_ diagnostic: Diagnostic) -> String {
        var line = "\(prefix(diagnostic.location))\(diagnostic.severity.rawValue): [\(diagnostic.code)] \(diagnostic.message)"
        for note in diagnostic.notes { line += "\n\(prefix(note.location))note: \(note.message)" }
        return line
    }

    /// `file:line:col: `, with the file name escaped: a file can be named
    /// "a\n::error::forged.yaml", and printed raw that would start a line of its own.
    private func prefix(_ location: SourceLocation?) -> String {
        location.map { "\(PrintableText.escape($0.file)):\($0.line):\($0.column): " } ?? ""
    }

    /// `::error file=…,line=…,col=…,title=…::message`, escaped as the Actions runner expects:
    /// `%`, CR and LF in the message, and also `:` and `,` in properties. The file
    /// property keeps the file's real name (the runner decodes it, so the annotation
    /// lands on that file); the notes' files are text in the message, escaped as text.
    func github(_ diagnostic: Diagnostic) -> String {
        let command: String
        switch diagnostic.severity {
        case .error: command = "error"
        case .warning: command = "warning"
        case .note: command = "notice"
        }
        var properties: [String] = []
        if let location = diagnostic.location {
            properties += ["file=\(Self.escapeProperty(location.file))", "line=\(location.line)", "col=\(location.column)"]
        }
        properties.append("title=\(Self.escapeProperty("atom-audit " + diagnostic.code))")
        var message = diagnostic.message
        for note in diagnostic.notes {
            message += "\n" + prefix(note.location) + note.message
        }
        return "::\(command) \(properties.joined(separator: ","))::\(Self.escapeData(message))"
    }

    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    func json(_ report: AuditReport) -> String {
        struct Entry: Encodable {
            var severity: String
            var code: String
            var message: String
            var file: String?
            var line: Int?
            var column: Int?
            var notes: [Entry]

            init(_ diagnostic: Diagnostic) {
                severity = diagnostic.severity.rawValue
                code = diagnostic.code
                message = diagnostic.message
                file = diagnostic.location?.file
                line = diagnostic.location?.line
                column = diagnostic.location?.column
                notes = diagnostic.notes.map(Entry.init)
            }
        }
        struct Document: Encodable {
            var diagnostics: [Entry]
            var files: Int
            var models: Int
            var errors: Int
            var warnings: Int
        }
        let document = Document(diagnostics: report.diagnostics.map(Entry.init), files: report.fileCount,
                                models: report.modelFileCount, errors: report.diagnostics.errorCount,
                                warnings: report.diagnostics.warningCount)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(document)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}

func plural(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
