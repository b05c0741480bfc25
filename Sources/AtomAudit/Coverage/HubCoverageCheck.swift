import Foundation

extension HubCoverage {
    /// What would be wrong with `yaml` as the `coverage.yaml` of `content`: its diagnostics
    /// (except the http warning of a plain-http endpoint, which the command announces), or
    /// one saying it reads back as another record. Empty when it is safe to write.
    public func readBackProblems(in content: ContentSnapshot, today: CalendarDate?) -> [Diagnostic] {
        let (report, path) = content.auditAlone("coverage.yaml", text: yaml, today: today)
        let problems = report.diagnostics(forFile: path).filter { !FieldReader.isInsecureURLWarning($0, about: endpoint) }
        guard problems.isEmpty, report.coverage != self else { return problems }
        return [.error("coverage-read-back", "the record reads back differently from what was counted; expected the same figures", at: .start(of: path))]
    }
}
