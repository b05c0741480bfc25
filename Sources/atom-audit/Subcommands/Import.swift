import ArgumentParser
import AtomAudit
import Foundation

extension AtomAuditCommand {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draft a manifest from another source's metadata.",
            subcommands: [HuggingFace.self]
        )
    }
}

extension AtomAuditCommand.Import {
    struct HuggingFace: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "hf",
            abstract: "Draft a manifest from a Hugging Face model card's front matter.",
            discussion: """
                Reads the YAML front matter of a model card (license, license_name, \
                license_link, base_model, datasets, pipeline_tag, language, ...) and writes \
                <content>/models/<id>.yaml with what the card can honestly show. Without \
                --repo, the name comes from the card's model_name, its '# ' title or, last, \
                its base model, and the id from the name. Origin and \
                developer stay for the reviewer, so the draft fails `check` until they are \
                filled; its notes list everything else to verify. Control characters in the \
                card's values (terminal escape codes, line breaks) are stripped, and the notes \
                name the fields that held them.

                Examples:
                  atom-audit import hf README.md --repo allenai/OLMo-2-1124-13B
                  atom-audit import hf card.md --repo Qwen/Qwen2.5-32B-Instruct --id qwen2.5-32b-instruct
                """
        )

        @Argument(help: "The model card: a README.md with YAML front matter.")
        var card: String

        @Option(help: ArgumentHelp("The Hub repository the card belongs to, owner/name; the evidence links to it.", valueName: "owner/name"))
        var repo: String?

        @Option(help: "The manifest id; derived from the repository's or the model's name when left out.")
        var id: String?

        @OptionGroup var options: ContentOptions

        func validate() throws {
            if let id, ManifestID(id) == nil {
                throw ValidationError("'\(id)' is not a valid id; expected lower-case letters, digits, '.' and '-', e.g. '\(ManifestID.suggestion(for: id))'.")
            }
            if let repo, repo.split(separator: "/").count != 2 || repo.unicodeScalars.contains(where: { $0.properties.isWhitespace || PrintableText.needsEscape($0) || "<>\"?#".unicodeScalars.contains($0) }) {
                throw ValidationError("'--repo' must be a Hub repository as owner/name, e.g. allenai/OLMo-2-1124-13B.")
            }
        }

        func run() throws {
            guard let data = FileManager.default.contents(atPath: card) else {
                StandardError.write("error: could not read '\(shown(card))'; expected a model card README.md")
                throw ExitCode.failure
            }
            let (parsed, problems) = ModelCard.parse(String(decoding: data, as: UTF8.self), file: card)
            let printer = DiagnosticPrinter()
            guard let parsed else {
                for problem in problems { StandardError.write(printer.text(problem)) }
                throw ExitCode.failure
            }
            let report = try ContentLoading.audit(options.content)
            guard let licenses = report.licenses, let today = Today.date else {
                StandardError.write("error: the license catalog in '\(shown(options.content))' could not be read; run 'atom-audit check'")
                throw ExitCode.failure
            }
            guard let draft = ModelCardImporter(licenses: licenses, today: today)
                .draft(from: parsed, repository: repo, id: id.flatMap(ManifestID.init)) else {
                StandardError.write("error: '\(shown(card))' names no model (no model_name, model-index, '# ' title or base_model); pass --repo owner/name, whose name the draft then takes")
                throw ExitCode.failure
            }
            let file = URL(fileURLWithPath: options.content).appendingPathComponent("models/\(draft.id.rawValue).yaml")
            guard !FileManager.default.fileExists(atPath: file.path) else {
                StandardError.write("error: \(shown(file.path)) already exists; pass --id to choose another id")
                throw ExitCode.failure
            }
            do {
                try Data(draft.text.utf8).write(to: file, options: .withoutOverwriting)
            } catch {
                StandardError.write("error: could not write \(shown(file.path)): \(shown(error.localizedDescription))")
                throw ExitCode.failure
            }
            // The card's values were stripped of control characters; escaping again costs
            // nothing and keeps this output safe whatever the importer becomes.
            print("wrote \(shown(file.path)), a draft to review of '\(shown(draft.name))' (named after \(shown(draft.nameSource))). Still to check:")
            for item in draft.toCheck { print("  - \(shown(item))") }
        }
    }
}
