import ArgumentParser
import AtomAudit

extension AtomAuditCommand {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every manifest, the rubric, the license catalog and the scenarios.",
            discussion: """
                Prints every problem as path:line:column: severity: message, then a one-line \
                summary. Exits 1 when there is any error, 0 otherwise.

                Examples:
                  atom-audit check
                  atom-audit check --content path/to/Content
                """
        )

        @OptionGroup var options: ContentOptions

        func run() throws {
            let report = try ContentLoading.audit(options.content)
            let printer = DiagnosticPrinter()
            printer.print(report.diagnostics)
            printer.printSummary(of: report)
            if report.hasErrors { throw ExitCode.failure }
        }
    }
}
