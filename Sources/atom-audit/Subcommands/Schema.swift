import ArgumentParser
import AtomAudit

extension AtomAuditCommand {
    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the manifest JSON Schema (the same as the site's schema/manifest.schema.json).",
            discussion: """
                Point an editor's YAML support at it to get completion and validation while \
                writing manifests. License ids come from the content's licenses.yaml.

                Examples:
                  atom-audit schema > manifest.schema.json
                  atom-audit schema --content path/to/Content
                """
        )

        @OptionGroup var options: ContentOptions

        func run() throws {
            let report = try ContentLoading.audit(options.content)
            print(ManifestSchema.json(licenseIDs: report.licenses?.ids ?? []), terminator: "")
        }
    }
}
