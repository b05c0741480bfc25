import AtomAudit
import AtomIO
import Foundation

/// A citable edition as published: `data/editions/<tag>.json` holds the records
/// `data/models.json` would have held at the tag (same fields, same order, the same
/// bytes for the same content), with the tag's day as the as-of date; and the numbers the
/// editions page shows.
struct PublishedEdition: Sendable {
    let edition: Edition
    /// Its scorecards in id order, as the downloads list them.
    let cards: [Scorecard]
    /// Models per tier, in the edition's own rubric's tier order.
    let tierCounts: [(tier: Tier, count: Int)]
    let data: SiteData

    /// nil for a report without a rubric, licenses or settings (the loader only keeps good ones).
    /// - Parameter site: the site being built, whose base URL the records' links use.
    init?(_ edition: Edition, site: SiteConfig) {
        guard let rubric = edition.report.rubric, let licenses = edition.report.licenses, var settings = edition.report.site else { return nil }
        settings.baseURL = site.baseURL
        self.edition = edition
        cards = edition.report.scorecards.sorted(on: \.id, by: <)
        let cards = cards
        tierCounts = rubric.tiers.map { tier in (tier, cards.countInPlace { $0.tier.id == tier.id }) }
        data = SiteData(site: settings, rubric: rubric, licenses: licenses, cards: cards, origins: [], outlook: ScenarioOutlook(),
                        pages: [], asOf: edition.date)
    }

    var path: String { SitePaths.editionJSON(edition.tag) }

    /// The edition's file, through the exporter of `data/models.json` itself.
    var file: OutputFile {
        var accumulator = DataExporter.Accumulator(exporter: DataExporter(siteData: data))
        var bytes = Data()
        for part in accumulator.add(cards) + accumulator.finish() where part.path == SitePaths.modelsJSON {
            bytes.append(part.contents)
        }
        return OutputFile(path: path, contents: bytes)
    }

    /// A data-set citation in the common author (year). title (version) [Data set]. URL
    /// shape: "The atom-audit contributors (2026). Truly open? — the ATOM openness audit
    /// (edition-2026-12, data as of 2026-12-01) [Data set]. https://…/edition-2026-12.json"
    func citation(site: SiteConfig) -> String {
        "\(site.publisher) (\(edition.date.year)). \(site.title) (\(edition.tag), data as of \(edition.date)) [Data set]. \(site.baseURL)\(path)"
    }
}
