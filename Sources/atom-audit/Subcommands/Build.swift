import ArgumentParser
import AtomAudit
import AtomIO
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
                  atom-audit build --as-of 2026-12-01
                """
        )

        @OptionGroup var options: SiteOptions

        func validate() throws { try options.validate() }

        func run() throws {
            let clock = ContinuousClock()
            let start = clock.now
            var pipeline = options.pipeline
            pipeline.progress = Progress.printer(start: start)
            let result: SitePipeline.Result
            do {
                result = try pipeline.run()
            } catch {
                StandardError.write(shown(error.description))
                throw ExitCode(2)
            }
            let printer = DiagnosticPrinter()
            printer.print(result.diagnostics)
            switch result.outcome {
            case .rejected(let stage):
                if stage == .content, let report = result.report { printer.printSummary(of: report) }
                StandardError.write("error: the \(stage == .content ? "content has" : stage == .templates ? "templates have" : "rendering had") errors; nothing was written to '\(shown(options.output))'")
                throw ExitCode.failure
            case .writeFailed(let failure):
                StandardError.write("error: \(shown(failure.description)); the previous site was left as it was")
                throw ExitCode.failure
            case .built, .upToDate:
                if let warning = placeholderWarning() { StandardError.write(warning) }
                print(BuildSummary(result: result, output: options.output, duration: clock.now - start).line)
                ProcessEnd.success()
            }
        }
    }
}

extension AtomAuditCommand.Build {
    /// A warning when the site was built for a placeholder address (example.org, the one
    /// site.yaml starts with): its canonical links, link previews, sitemap and feed point
    /// at a site that is not this one. Read from site.yaml, so an up-to-date build says it too.
    func placeholderWarning() -> String? {
        let file = URL(fileURLWithPath: options.content.content).appendingPathComponent("site.yaml").path
        let fromFile = FileManager.default.contents(atPath: file).flatMap { SiteConfig.read(text: String(decoding: $0, as: UTF8.self), file: file) }
        guard var site = fromFile else { return nil }
        if let baseURL = options.baseURL { site.baseURL = baseURL }
        guard site.hasPlaceholderBaseURL else { return nil }
        return "warning: the site was built for \(site.baseURL), a placeholder address; set base-url in \(file) "
            + "(or pass --base-url) to the address it is served from, so its canonical links, link previews, sitemap and feed point at it"
    }
}

/// Where the site comes from and goes to; shared by `build` and `serve`.
struct SiteOptions: ParsableArguments {
    @OptionGroup var content: ContentOptions

    @Option(help: ArgumentHelp("The Mustache templates and assets.", valueName: "dir"))
    var templates = "Templates"

    @Option(help: ArgumentHelp("The folder to write the site into.", valueName: "dir"))
    var output = "Site"

    @Option(help: ArgumentHelp("The absolute URL the site is served from; overrides base-url in site.yaml.", valueName: "url"))
    var baseURL: String?

    @Option(help: ArgumentHelp("The day the data describes (YYYY-MM-DD), shown on every page. Default: the day of the last commit that touched the content folder (today while it has uncommitted changes), or the newest assessment outside git.", valueName: "date"))
    var asOf: String?

    func validate() throws {
        if output.isEmpty { throw ValidationError("'--output' must not be empty.") }
        if let baseURL, let problem = BaseURL.problem(with: baseURL) {
            throw ValidationError("'--base-url' '\(shown(baseURL))' \(problem.explanation); \(BaseURL.expectation).")
        }
        if let asOf, CalendarDate(asOf) == nil {
            throw ValidationError("'--as-of' must be a real date written YYYY-MM-DD, e.g. 2026-12-01; got '\(asOf)'.")
        }
    }

    /// `--as-of`, else the content folder's last commit day (see `ContentDate`).
    var asOfDate: CalendarDate? {
        if let asOf { return CalendarDate(asOf) }
        return ContentDate.asOf(content: content.content, today: Today.date)
    }

    var pipeline: SitePipeline {
        var pipeline = SitePipeline(content: content.content, templates: templates, output: output, baseURL: baseURL, today: Today.date, asOf: asOfDate)
        // History and editions come from git when the content is in a repository; the
        // cache is the one `history` keeps, so this build's identity guards it the same way.
        pipeline.history = SitePipeline.HistorySettings(tool: ToolIdentity.current)
        return pipeline
    }
}

/// Stage lines on standard error with the time since the start, so a long build is
/// not silent. Short builds finish before anyone would wonder, so only the summary prints.
enum Progress {
    static let threshold: Duration = .milliseconds(700)

    static func printer(start: ContinuousClock.Instant) -> @Sendable (String) -> Void {
        { stage in
            let elapsed = ContinuousClock.now - start
            guard elapsed > threshold else { return }
            StandardError.write("… \(stage) (\(elapsed.formatted(.units(allowed: [.seconds], fractionalPart: .show(length: 1)))))")
        }
    }
}

/// The one-line result of a build: what the site holds and what the build cost.
struct BuildSummary {
    let result: SitePipeline.Result
    let output: String
    let duration: Duration

    var line: String {
        let milliseconds = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        let time = "\(milliseconds / 1000).\(String(format: "%02d", (milliseconds % 1000) / 10))"
        switch result.outcome {
        case .built(let written, let files):
            let models = result.report.map(SitePipeline.describe) ?? ""
            return "built \(shown(output)): \(models); \(plural(files, "file")): \(written.written) written, \(written.unchanged) unchanged, \(written.removed) removed; \(time) s"
        case .upToDate(let files, let summary):
            return "built \(shown(output)): \(summary); \(plural(files, "file")): 0 written, \(files) unchanged, 0 removed (up to date: same inputs as the last build); \(time) s"
        case .rejected, .writeFailed:
            return "nothing was written to \(shown(output))"
        }
    }
}
