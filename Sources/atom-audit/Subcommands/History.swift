import ArgumentParser
import AtomAudit
import AtomIO
import Foundation

extension AtomAuditCommand {
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show how scores, tiers, licenses and scenario signposts changed, commit by commit.",
            discussion: """
                Reads the content folder at every commit that touched it (first parents from \
                HEAD, through git, without checking anything out), audits each and prints what \
                changed: models added, removed, renamed and re-scored (levels, tier, points, \
                license), signposts that turned met or unmet, and rubric versions. A commit whose \
                content has errors is reported on standard error and skipped: the next good commit \
                is compared with the last good one.

                Results are cached in <repository>/.atom-audit-cache/ (or --cache DIR), so a run \
                with no new commit audits nothing and a run after a few new commits audits only \
                those.

                Examples:
                  atom-audit history
                  atom-audit history --model olmo-2-32b
                  atom-audit history --format json > history.json
                """
        )

        @OptionGroup var git: RepositoryOptions

        @Option(help: "Output format: markdown or json.")
        var format: HistoryFormat = .markdown

        @Option(help: ArgumentHelp("Only this model's changes, following it through renames.", valueName: "id"))
        var model: String?

        @Option(help: ArgumentHelp("The folder for the cache (default: .atom-audit-cache in the repository).", valueName: "dir"))
        var cache: String?

        func run() throws {
            let reader = GitHistoryReader(repository: git.repository, contentPath: git.contentPath)
            let loader = HistoryLoader(
                reader: reader, cacheFolder: cache ?? (git.repository as NSString).appendingPathComponent(".atom-audit-cache"),
                tool: ToolIdentity.current, auditor: ContentAuditor(mapper: ConcurrentMapper()))
            let outcome: HistoryLoader.Outcome
            do { outcome = try loader.load() } catch {
                StandardError.write(error.description)
                throw ExitCode(2)
            }
            reportSkipped(outcome.history.skipped)
            StandardError.write(summary(outcome))
            if let problem = outcome.cacheProblem { StandardError.write("warning: \(problem)") }

            var history = outcome.history
            if let model {
                guard Self.mentions(model, in: history) else {
                    let known = Set(history.modelChanges.map(\.model)).sorted()
                    let close = ManifestID.likelyMeant(model, among: known)
                    let hint = close.isEmpty ? "" : " (did you mean \(close.quotedAlternatives)?)"
                    StandardError.write("error: no model '\(model)' in the history of '\(reader.contentPath)'\(hint); expected the id of a manifest that some commit added")
                    throw ExitCode.failure
                }
                history = history.filtered(model: model)
            }
            switch format {
            case .markdown: print(HistoryMarkdown(history: history, contentPath: reader.contentPath, model: model).text, terminator: "")
            case .json: print(HistoryJSON(history: history, contentPath: reader.contentPath, model: model).text)
            }
        }

        static func mentions(_ model: String, in history: ContentHistory) -> Bool {
            history.modelChanges.contains { $0.model == model || $0.previousID == model }
        }

        private func reportSkipped(_ skipped: [SkippedCommit]) {
            let printer = DiagnosticPrinter()
            for commit in skipped {
                StandardError.write("warning: skipped commit \(commit.commit.shortID) (\(commit.commit.date) · \(commit.commit.subject)): its content has \(plural(commit.problems.count, "error")); the next good commit is compared with the one before it")
                for var problem in commit.problems {
                    // The file as it was at that commit, in git's revision:path notation.
                    if let file = problem.location?.file { problem.location?.file = "\(commit.commit.shortID):\(file)" }
                    StandardError.write(printer.text(problem))
                }
            }
        }

        private func summary(_ outcome: HistoryLoader.Outcome) -> String {
            var text = "read \(plural(outcome.commits, "commit")) touching '\(git.contentPath)': \(outcome.auditedCommits) audited, \(outcome.cachedCommits) from the cache"
            text += ", \(plural(outcome.decodedFiles, "file")) decoded"
            if !outcome.history.skipped.isEmpty { text += ", \(outcome.history.skipped.count) skipped" }
            return text
        }
    }
}

enum HistoryFormat: String, ExpressibleByArgument, CaseIterable {
    case markdown, json
}

/// Identifies this build of atom-audit, for the history cache: another build may score
/// differently, so it must not take this one's cached results.
enum ToolIdentity {
    static var current: String {
        let path = Bundle.main.executablePath ?? CommandLine.arguments[0]
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = attributes[.size] as? NSNumber, let modified = attributes[.modificationDate] as? Date
        else { return "atom-audit (unknown build)" }
        return "atom-audit \(size.intValue) bytes, built \(modified.timeIntervalSince1970)"
    }
}
