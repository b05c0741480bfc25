import ArgumentParser
import AtomAudit

extension AtomAuditCommand {
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print one model's scorecard: each axis's level and why, the tier, and what the next tier needs.",
            discussion: """
                Examples:
                  atom-audit explain olmo-2-32b
                  atom-audit explain llama-3.1-405b --content path/to/Content
                """
        )

        @Argument(help: "The model id: its manifest's file name without .yaml.")
        var id: String

        @OptionGroup var options: ContentOptions

        func run() throws {
            let report = try ContentLoading.audit(options.content)
            guard let card = report.scorecard(id) else {
                let path = report.diagnostics.first { $0.location?.file.hasSuffix("models/\(id).yaml") ?? false }?.location?.file
                if let path {
                    StandardError.write("error: '\(shown(id))' has errors and cannot be scored:")
                    DiagnosticPrinter().print(report.diagnostics(forFile: path).filter { $0.severity == .error })
                } else {
                    let meant = ManifestID.likelyMeant(id, among: report.scorecards.map(\.id.rawValue))
                    // A near miss is a typo: name the model. Otherwise say what an id is.
                    StandardError.write("error: no model '\(shown(id))' in \(shown(options.content))/models/; " + (meant.isEmpty
                        ? "a model's id is its manifest's file name without .yaml"
                        : "did you mean \(meant.quotedAlternatives)?"))
                }
                throw ExitCode.failure
            }
            print(ScorecardPrinter().format(card))
        }
    }
}
