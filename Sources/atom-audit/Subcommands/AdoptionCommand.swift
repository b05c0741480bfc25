import ArgumentParser
import AtomAudit
import AtomIO

extension AtomAuditCommand {
    struct AdoptionCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "adoption",
            abstract: "Record who uses the models: figures from the Hugging Face Hub, kept in the manifests.",
            subcommands: [Refresh.self]
        )
    }
}

extension AtomAuditCommand.AdoptionCommand {
    struct Refresh: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Append today's Hub figures to each manifest's adoption snapshots.",
            discussion: """
                For each manifest with adoption.repositories (all, or the ids given), asks the \
                Hub API for each repository's downloads (all-time and last 30 days), likes and \
                derivatives (fine-tunes, adapters, quantizations, merges), sums them over the \
                repositories and appends one snapshot to the manifest. Only the new lines are \
                added: comments and formatting stay as they were. Each edit is checked through \
                the loader before it is written, atomically.

                A manifest refreshed already on that date is skipped. A repository that is \
                missing, gated or unreadable fails its manifest with one line; the others are \
                still refreshed, and the command exits 1. Running it again asks only for the \
                manifests that failed. HF_TOKEN, when set, is sent to the Hub (never printed); \
                at most 4 requests are in flight, and rate limits are waited out.

                Examples:
                  atom-audit adoption refresh
                  atom-audit adoption refresh qwen3-8b olmo-2-32b
                  atom-audit adoption refresh --date 2026-12-01 --content path/to/Content
                """
        )

        @Argument(help: ArgumentHelp("Manifest ids to refresh; every manifest with repositories when none is given.", valueName: "id"))
        var ids: [String] = []

        @OptionGroup var options: ContentOptions
        @OptionGroup var hub: HubOptions

        @Option(help: ArgumentHelp("The snapshots' as-of date, YYYY-MM-DD; today (UTC) when left out.", valueName: "date"))
        var date: String?

        func validate() throws {
            guard let date else { return }
            guard let day = CalendarDate(date) else { throw ValidationError("'--date \(date)' is not a real date; expected YYYY-MM-DD, e.g. 2026-12-01.") }
            if let today = Today.date, day > today {
                throw ValidationError("'--date \(date)' is after today (\(today)); expected figures read on or before today.")
            }
        }

        func run() async throws {
            guard let day = date.flatMap(CalendarDate.init) ?? Today.date else { throw ExitCode.failure }
            let (content, report) = try ContentLoading.read(options.content)
            let plan = AdoptionRefreshPlan(ids: ids, content: content, report: report, date: day)
            for unknown in plan.unknown {
                let hint = unknown.suggestions.isEmpty ? "" : " (did you mean \(unknown.suggestions.quotedAlternatives)?)"
                StandardError.write("error: no model '\(unknown.id)' in \(content.displayPath("models"))/\(hint); expected the id of a manifest (its file name without .yaml)")
            }
            guard plan.unknown.isEmpty else { throw ExitCode.failure }
            guard !plan.items.isEmpty else {
                print("no manifest in \(content.displayPath("models")) lists adoption.repositories; nothing to refresh")
                return
            }
            hub.warnAboutPlainHTTP(recordedAs: "the sources recorded")
            let refresher = AdoptionRefresher(client: try hub.client(), content: content, date: day, today: Today.date)
            var printer = RefreshPrinter(total: plan.items.count)
            let results = await refresher.refresh(plan) { index, result in printer.finished(index, result) }
            printer.end()
            print(RefreshPrinter.summary(results))
            if results.contains(where: { if case .failed = $0.outcome { true } else { false } }) { throw ExitCode.failure }
        }
    }
}
