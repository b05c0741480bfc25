import AtomAudit
import AtomSite
import Foundation

/// One run of the site pipeline for the preview, reported in a line or two. Unlike
/// `build`, a failure is not the end: the pipeline leaves the output untouched, so the
/// server goes on serving the last good site while the author fixes the mistake.
struct PreviewBuild {
    let options: SiteOptions

    /// Builds the site; returns whether the output now holds the new site.
    @discardableResult
    func run() -> Bool {
        let clock = ContinuousClock()
        let start = clock.now
        let result: SitePipeline.Result
        do {
            result = try options.pipeline.run()
        } catch {
            Console.error("\(shown(error.description)); \(keptMessage)")
            return false
        }
        DiagnosticPrinter().print(result.diagnostics)
        switch result.outcome {
        case .built, .upToDate:
            Console.say(BuildSummary(result: result, output: options.output, duration: clock.now - start).line)
            return true
        case .rejected(let stage):
            let what = switch stage {
            case .content: "the content has errors"
            case .templates: "the templates have errors"
            case .rendering: "rendering had errors"
            }
            Console.error("error: \(what); nothing was written: \(keptMessage)")
            return false
        case .writeFailed(let failure):
            Console.error("error: \(shown(failure.description)); \(keptMessage)")
            return false
        }
    }

    private var keptMessage: String {
        FileManager.default.fileExists(atPath: options.output)
            ? "kept serving the last good site from '\(shown(options.output))'; fix the problems above and save to rebuild"
            : "there is no site to serve yet; fix the problems above and save to build it"
    }
}

/// Output for a long-running command: each line is flushed at once, so whoever reads
/// the preview's output through a pipe or a log file sees it as it happens.
enum Console {
    static func say(_ line: String) {
        print(line)
        fflush(nil)
    }

    static func error(_ line: String) {
        fflush(nil)  // diagnostics printed just before must come first
        StandardError.write(line)
    }
}
