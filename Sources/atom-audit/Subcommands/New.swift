import ArgumentParser
import AtomAudit
import Foundation

extension AtomAuditCommand {
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a commented skeleton manifest for a new model.",
            discussion: """
                Creates <content>/models/<id>.yaml with every field and its allowed values \
                explained. It fails `check` until the name, developer and origin are filled in.

                Examples:
                  atom-audit new olmo-3-7b
                  atom-audit new acme-7b --content path/to/Content
                """
        )

        @Argument(help: "The model id: lower-case letters, digits, '.' and '-' (it becomes the file name and the URL).")
        var id: String

        @OptionGroup var options: ContentOptions

        func validate() throws {
            guard ManifestID(id) != nil else {
                throw ValidationError("'\(id)' is not a valid id; expected lower-case letters, digits, '.' and '-', e.g. '\(ManifestID.suggestion(for: id))'.")
            }
        }

        func run() throws {
            guard let id = ManifestID(id) else { throw ExitCode.validationFailure }
            let folder = URL(fileURLWithPath: options.content).appendingPathComponent("models")
            let file = folder.appendingPathComponent("\(id.rawValue).yaml")
            guard !FileManager.default.fileExists(atPath: file.path) else {
                StandardError.write("error: \(shown(file.path)) already exists; edit it, or choose another id")
                throw ExitCode.failure
            }
            guard FileManager.default.fileExists(atPath: folder.path) else {
                StandardError.write("error: \(shown(folder.path)) does not exist; expected a content folder with models/ (pass --content DIR)")
                throw ExitCode.failure
            }
            let today = Today.date ?? CalendarDate(year: 2000, month: 1, day: 1)
            guard let today else { throw ExitCode.failure }
            try Data(ManifestSkeleton.text(id: id, assessed: today).utf8).write(to: file, options: .withoutOverwriting)
            print("wrote \(shown(file.path)): fill in the facts, then run 'atom-audit check'")
        }
    }
}
