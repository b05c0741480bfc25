import Foundation

extension HubCoverage {
    /// What would be wrong with `yaml` as the `coverage.yaml` of `content`: its diagnostics
    /// (except the http warning of a plain-http endpoint, which the command announces), or
    /// one saying it reads back as another record. Empty when it is safe to write.
    public func readBackProblems(in content: ContentSnapshot, today: CalendarDate?) -> [Diagnostic] {
        var alone = ContentSnapshot(root: content.root, files: content.files.filter { !$0.key.contains("/") })
        alone.files["coverage.yaml"] = Data(yaml.utf8)
        let path = alone.displayPath("coverage.yaml")
        let report = ContentAuditor(today: today).audit(alone)
        let problems = report.diagnostics(forFile: path).filter { $0.code != "insecure-url" || !$0.message.hasPrefix("'\(endpoint)' ") }
        guard problems.isEmpty, report.coverage != self else { return problems }
        return [.error("coverage-read-back", "the record reads back differently from what was counted; expected the same figures", at: .start(of: path))]
    }
}
