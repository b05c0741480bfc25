import ArgumentParser
import AtomAudit
import AtomIO
import Foundation

extension AtomAuditCommand {
    struct Coverage: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the Hub's most downloaded text-generation models that no manifest covers.",
            discussion: """
                Asks the Hub for its top N text-generation models by downloads (last 30 days) \
                and prints them as a Markdown table: covered by a manifest (its \
                adoption.repositories lists the model), covered through the base model the \
                model's tags name (a quantization or fine-tune of a listed repository), or not \
                covered; then the share of the N models' downloads the catalogue covers. \
                --write records the result, dated, in <content>/coverage.yaml, which the site reads.

                Examples:
                  atom-audit coverage
                  atom-audit coverage --top 200
                  atom-audit coverage --write
                """
        )

        @OptionGroup var options: ContentOptions
        @OptionGroup var hub: HubOptions

        @Option(help: ArgumentHelp("How many of the Hub's most downloaded models to look at, 1 to 1000.", valueName: "n"))
        var top = 100

        @Flag(help: "Record the result in <content>/coverage.yaml.")
        var write = false

        func validate() throws {
            guard (1...1000).contains(top) else { throw ValidationError("'--top \(top)' is out of range; expected 1 to 1000 (one page of the Hub's listing).") }
        }

        func run() async throws {
            guard let today = Today.date else { throw ExitCode.failure }
            let (content, report) = try ContentLoading.read(options.content)
            let broken = report.modelFileCount - report.manifests.count
            if broken > 0 {
                StandardError.write("warning: \(broken) \(broken == 1 ? "manifest has" : "manifests have") errors, and the repositories they list are not counted; run 'atom-audit check'")
            }
            let client = try hub.client()
            if write { hub.warnAboutPlainHTTP(recordedAs: "the endpoint recorded in coverage.yaml") }
            let models: [HubModelListing]
            do {
                models = try await client.topModels(pipelineTag: "text-generation", limit: top)
            } catch {
                StandardError.write("error: the Hub's top models could not be read: \(error)")
                throw ExitCode.failure
            }
            let tally = CoverageTally(models: models, manifests: report.manifests)
            let record = tally.record(date: today, endpoint: client.endpoint, top: top)
            print(CoverageMarkdown.table(tally))
            print(CoverageMarkdown.sentence(record))
            if write { try save(record, in: content) }
        }

        /// Writes coverage.yaml once it reads back as the same record without a diagnostic.
        private func save(_ record: HubCoverage, in content: ContentSnapshot) throws {
            let problems = record.readBackProblems(in: content, today: Today.date)
            guard problems.isEmpty else {
                let list = problems.map { "[\($0.code)] \($0.message)" }.joined(separator: "; ")
                StandardError.write("error: the coverage record would not read back (\(list)); nothing was written")
                throw ExitCode.failure
            }
            let path = content.displayPath("coverage.yaml")
            do {
                try AtomicFileReplace.replace(path, with: Data(record.yaml.utf8), expecting: content.files["coverage.yaml"])
            } catch {
                StandardError.write("error: \(error)")
                throw ExitCode.failure
            }
            print("wrote \(path)")
        }
    }
}
