import ArgumentParser
import AtomAudit
import AtomSite
import Foundation

extension AtomAuditCommand {
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the content and render the whole site into the output folder.",
            discussion: """
                Runs every check first and writes nothing when there is an error. The site is \
                assembled beside the output folder and swapped in at once, so a failed or \
                interrupted build leaves the previous site untouched; files that did not change \
                are not rewritten.

                Examples:
                  atom-audit build
                  atom-audit build --content Content --templates Templates --output Site
                  atom-audit build --base-url https://example.org/atom/
                """
        )

        @OptionGroup var options: ContentOptions

        @Option(help: ArgumentHelp("The Mustache templates and assets.", valueName: "dir"))
        var templates = "Templates"

        @Option(help: ArgumentHelp("The folder to write the site into.", valueName: "dir"))
        var output = "Site"

        @Option(help: ArgumentHelp("The absolute URL the site is served from; overrides base-url in site.yaml.", valueName: "url"))
        var baseURL: String?

        func validate() throws {
            if output.isEmpty { throw ValidationError("'--output' must not be empty.") }
            if let baseURL, !EvidenceURL.isWebURL(baseURL) {
                throw ValidationError("'--base-url' must be an absolute http(s) URL, e.g. https://example.org/atom/.")
            }
        }

        func run() throws {
            let clock = ContinuousClock()
            let start = clock.now
            let printer = DiagnosticPrinter()
            let progress = Progress()

            let report = try ContentLoading.audit(options.content)
            printer.print(report.diagnostics)
            guard !report.hasErrors else {
                printer.printSummary(of: report)
                StandardError.write("error: the content has errors; nothing was written to '\(output)'")
                throw ExitCode.failure
            }
            progress.step("checked \(plural(report.modelFileCount, "model"))", models: report.scorecards.count)

            let (library, templateProblems) = TemplateLibrary.load(from: templates)
            printer.print(templateProblems)
            guard let library else {
                StandardError.write("error: the templates have errors; nothing was written to '\(output)'")
                throw ExitCode.failure
            }

            let result = SiteBuilder(templates: library, baseURL: baseURL).build(report)
            printer.print(result.diagnostics)
            guard !result.diagnostics.containsErrors else {
                StandardError.write("error: the site could not be rendered; nothing was written to '\(output)'")
                throw ExitCode.failure
            }
            progress.step("rendered \(plural(result.files.count, "file"))", models: report.scorecards.count)

            let summary: SiteWriter.Summary
            do {
                summary = try SiteWriter().write(result.files, to: URL(fileURLWithPath: output))
            } catch {
                StandardError.write("error: \(error.description); the previous site was left as it was")
                throw ExitCode.failure
            }
            let seconds = Double((clock.now - start).components.attoseconds) / 1e18 + Double((clock.now - start).components.seconds)
            print(BuildSummary(report: report, files: result.files.count, written: summary, output: output, seconds: seconds).line)
        }
    }
}

/// Stage lines on standard error, only for runs long enough that silence would worry someone.
struct Progress {
    static let threshold = 500

    func step(_ text: String, models: Int) {
        guard models >= Self.threshold else { return }
        StandardError.write("… \(text)")
    }
}

/// The one-line result of a build: what the site holds and what the build cost.
struct BuildSummary {
    let report: AuditReport
    let files: Int
    let written: SiteWriter.Summary
    let output: String
    let seconds: Double

    var line: String {
        let tiers = (report.rubric?.tiers ?? []).map { tier in
            "\(report.scorecards.filter { $0.tier.id == tier.id }.count) \(tier.label.lowercased())"
        }.joined(separator: ", ")
        let time = String(format: "%.2f", seconds)
        return "built \(output): \(plural(report.scorecards.count, "model")) (\(tiers)); \(plural(files, "file")): \(written.written) written, \(written.unchanged) unchanged, \(written.removed) removed; \(time) s"
    }
}
