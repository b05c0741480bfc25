import ArgumentParser

/// The options every command that reads content shares.
struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The content folder: models/, rubric.yaml, licenses.yaml, site.yaml, scenarios/, pages/.", valueName: "dir"))
    var content = "Content"
}
