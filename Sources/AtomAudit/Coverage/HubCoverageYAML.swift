extension HubCoverage {
    /// The record as `Content/coverage.yaml`: what `HubCoverageDecoder` reads back.
    public var yaml: String {
        var writer = YAMLWriter()
        writer.comment("How much of the Hub's most-downloaded text-generation models the catalogue covers.")
        writer.comment("Written by 'atom-audit coverage --write'; downloads are the Hub's last-30-day counts.")
        writer.field("as-of", date.description)
        writer.field("endpoint", plain: AdoptionSnapshotYAML.scalar(endpoint))
        writer.field("top", String(top))
        writer.field("total-downloads", String(downloads))
        writer.field("covered-downloads", String(coveredDownloads))
        if uncovered.isEmpty {
            writer.list("uncovered", [])
        } else {
            writer.open("uncovered")
            for item in uncovered {
                writer.item("repository", item.repository, indent: 1)
                writer.field("downloads", String(item.downloads), indent: 2)
            }
        }
        return writer.text
    }
}
