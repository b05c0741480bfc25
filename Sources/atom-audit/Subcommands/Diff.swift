import ArgumentParser
import AtomAudit
import AtomIO
import Foundation

extension AtomAuditCommand {
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show what a change to the content does to scores, tiers, headline numbers and signposts.",
            discussion: """
                Each side is a content folder or a git revision of the current repository (read \
                through git, without checking it out). Prints Markdown ready for a pull-request \
                comment, or JSON. Exits 0 whatever changed, and 1 only when either side has \
                errors, which it lists.

                Examples:
                  atom-audit diff origin/main HEAD
                  atom-audit diff main Content                 # committed main against the working folder
                  atom-audit diff old/Content new/Content --format json
                """
        )

        @Argument(help: "The side before the change: a content folder or a git revision.")
        var base: String

        @Argument(help: "The side after the change: a content folder or a git revision.")
        var head: String

        @OptionGroup var git: RepositoryOptions

        @Option(help: "Output format: markdown or json.")
        var format: DiffFormat = .markdown

        func run() throws {
            let before = try audit(base)
            let after = try audit(head)
            let broken = [(base, before), (head, after)].filter { $0.1.hasErrors }
            guard broken.isEmpty else {
                for (side, report) in broken {
                    StandardError.write("error: '\(shown(side))' has \(plural(report.diagnostics.errorCount, "error")); fix them before comparing:")
                    let printer = DiagnosticPrinter()
                    for diagnostic in report.diagnostics where diagnostic.severity == .error {
                        StandardError.write(printer.text(diagnostic))
                    }
                }
                throw ExitCode.failure
            }
            let asOf = Today.date ?? after.newestAssessment ?? .referenceDay
            let diff = AuditComparer(asOf: asOf).compare(base: before, head: after)
            switch format {
            case .markdown: print(DiffMarkdown(diff: diff, base: base, head: head).text, terminator: "")
            case .json: print(DiffJSON(diff: diff).text)
            }
        }

        private func audit(_ side: String) throws -> AuditReport {
            var isDirectory: ObjCBool = false
            let snapshot: ContentSnapshot
            do {
                if FileManager.default.fileExists(atPath: side, isDirectory: &isDirectory), isDirectory.boolValue {
                    snapshot = try ContentReader().read(directory: side)
                } else {
                    snapshot = try GitContentReader(repository: git.repository).read(revision: side, path: git.contentPath)
                }
            } catch let error as GitContentReader.Failure {
                StandardError.write(error.description)
                throw ExitCode(2)
            } catch let error as ContentReader.Failure {
                StandardError.write(error.description)
                throw ExitCode(2)
            }
            return ContentAuditor(today: Today.date, mapper: ConcurrentMapper()).audit(snapshot)
        }
    }
}

enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
    case markdown, json
}
