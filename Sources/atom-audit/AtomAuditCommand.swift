import ArgumentParser

@main
struct AtomAuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "atom-audit",
        abstract: "Audit how open AI models are and publish the result as a static site.",
        discussion: """
            Reads one YAML manifest per model from Content/models/, scores each on weights, \
            data, code and license against the ATOM "truly open" rubric, and renders a static \
            policy site into Site/.

            Examples:
              atom-audit check
              atom-audit explain olmo-2-32b
              atom-audit build --output Site
            """,
        subcommands: [Check.self, Explain.self, Build.self, Serve.self, Diff.self, History.self, Schema.self, New.self, Import.self,
                      AdoptionCommand.self, Coverage.self],
        defaultSubcommand: nil
    )
}
