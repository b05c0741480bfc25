import ArgumentParser

/// The options every command that reads content shares.
struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The content folder: models/, rubric.yaml, licenses.yaml, site.yaml, scenarios/, pages/.", valueName: "dir"))
    var content = "Content"
}

/// The options of commands that read content from git revisions (`diff`, `history`).
struct RepositoryOptions: ParsableArguments {
    @Option(help: "The content folder's path inside the repository, for revisions.")
    var contentPath = "Content"

    @Option(help: "The git repository revisions are read from.")
    var repository = "."
}
