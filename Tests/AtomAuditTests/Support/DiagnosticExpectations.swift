import Testing
@testable import AtomAudit

/// Asserts that exactly one diagnostic with `code` sits at a marker of `file`, and returns it.
@discardableResult
func expectDiagnostic(
    _ code: String, at marker: String, in marked: MarkedText, file: String = "Content/models/subject.yaml",
    of report: AuditReport, sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> Diagnostic? {
    guard let position = marked.markers[marker] else {
        Issue.record("no marker \(marker) in the text", sourceLocation: sourceLocation)
        return nil
    }
    let expected = AtomAudit.SourceLocation(file: file, line: position.line, column: position.column)
    let matches = report.diagnostics.filter { $0.code == code && $0.location == expected }
    #expect(matches.count == 1, "expected one [\(code)] at \(expected), got: \(report.diagnostics.map { "\($0.location?.description ?? "-") [\($0.code)] \($0.message)" })", sourceLocation: sourceLocation)
    return matches.first
}
