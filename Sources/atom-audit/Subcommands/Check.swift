import ArgumentParser
import AtomAudit

extension AtomAuditCommand {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every manifest, the rubric, the license catalog and the scenarios.",
            discussion: """
                Prints every problem with its file, line and column, then a one-line summary. \
                Exits 1 when there is any error, 0 otherwise. Warnings mark facts a reviewer \
                should look at twice (plain-http evidence, stale assessments, future dates, \
                levels stronger than their evidence).

                Examples:
                  atom-audit check
                  atom-audit check --content path/to/Content
                  atom-audit check --format github     # annotations on a pull request's lines
                  atom-audit check --format json
                """
        )

        @OptionGroup var options: ContentOptions

        @Option(help: "Output format: text (file:line:col: ...), github (Actions annotations) or json.")
        var format: DiagnosticFormat = .text

        func run() throws {
            let report = try ContentLoading.audit(options.content)
            DiagnosticPrinter(format: format).printReport(report)
            if report.hasErrors { throw ExitCode.failure }
            ProcessEnd.success()
        }
    }
}
