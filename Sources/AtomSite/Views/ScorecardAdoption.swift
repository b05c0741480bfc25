import AtomAudit
import Foundation

/// The adoption section of a scorecard (`adoption` on a model's page, read by
/// `partials/adoption` and `partials/markdown-adoption`): the Hub repositories that count
/// for the model, every snapshot of their figures, newest first, a small chart of
/// cumulative downloads when there are two figures or more, and the model's relative
/// adoption within its size class. A figure a snapshot lacks reads "no data", never 0.
///
/// Kept apart from the rest of the scorecard's context so that the section can change
/// without touching the others.
enum ScorecardAdoption {
    static let noData = "no data"

    static func context(_ card: Scorecard, siteData: SiteData) -> TemplateObject {
        let adoption = card.manifest.adoption ?? Adoption()
        var context: TemplateObject = [
            "isHosted": .flag(card.manifest.weights.access == .hosted),
            "hasRepositories": .flag(!adoption.repositories.isEmpty),
            "repositories": .list(adoption.repositories.enumerated().map { index, repository in
                ["id": .text(repository.description), "url": .text("https://huggingface.co/\(repository)"),
                 "separator": .text(index == adoption.repositories.count - 1 ? "" : ", ")]
            }),
            "hasSnapshots": .flag(!adoption.snapshots.isEmpty),
            "snapshotCount": .text(NumberFormat.plural(adoption.snapshots.count, "snapshot")),
            "snapshots": .list(adoption.snapshots.reversed().map { .object(snapshot($0)) }),
        ]
        if let trend = AdoptionGraphics(siteData: siteData).trend(for: card) {
            context["trend"] = ["chartSVG": .text(trend.svg), "summary": .text(trend.summary)]
        }
        if let relative = relative(card, siteData: siteData) { context["relative"] = .object(relative) }
        return context
    }

    static func snapshot(_ snapshot: AdoptionSnapshot) -> TemplateObject {
        let count = { (value: Int?) in value.map(NumberFormat.grouped) ?? noData }
        var context: TemplateObject = [
            "date": .text(snapshot.date.description),
            "allTime": .text(count(snapshot.downloads)),
            "last30Days": .text(count(snapshot.downloadsLast30Days)),
            "likes": .text(count(snapshot.likes)),
            "derivativeTotal": .text(count(snapshot.derivatives?.total)),
            "sources": .list(snapshot.sources.enumerated().map { index, url in
                // A "|" would end the Markdown table's cell: percent-encoded, it is the same URL.
                ["url": .text(url.replacingOccurrences(of: "|", with: "%7C")), "label": .text(sourceLabel(url)), "separator": .text(index == snapshot.sources.count - 1 ? "" : ", ")]
            }),
        ]
        // By kind, in the Hub's order: "40 fine-tunes, 12 adapters, 55 quantizations, 3 merges".
        if let counts = snapshot.derivatives {
            context["derivativeKinds"] = .text(DerivativeRelation.allCases.map { "\(NumberFormat.grouped(counts[$0])) \($0.manifestKey)" }.joined(separator: ", "))
        }
        return context
    }

    /// A source's link text: "Hub API: owner/name" for the Hub's API (the label every refresh
    /// writes), otherwise the URL shortened, so two repositories' sources read apart.
    static func sourceLabel(_ url: String) -> String {
        let api = "https://huggingface.co/api/models/"
        return url.hasPrefix(api) ? "Hub API: " + url.dropFirst(api.count) : AxisContext.shortLabel(url)
    }

    /// The model's relative adoption, or why there is none: no parameter count, no figure,
    /// or too few models of its class with figures at its age.
    static func relative(_ card: Scorecard, siteData: SiteData) -> TemplateObject? {
        guard card.manifest.adoption?.latestDownloads != nil else { return nil }
        guard let parameters = card.manifest.parameters else {
            return ["text": .text("Relative adoption needs the model's parameter count, which its manifest does not give.")]
        }
        let sizeClass = SizeClass(parameters: parameters.value)
        let root = SitePaths.root(of: SitePaths.modelFile(card.id.rawValue))
        var context: TemplateObject = ["sizeClass": .text(sizeClass.label), "url": .text(root + SitePaths.adoption + "#relative-title"),
                                       "markdownURL": .text(root + SitePaths.markdown(of: SitePaths.adoption))]
        guard let entry = siteData.adoption.relativeByID[card.id] else {
            context["text"] = .text("not enough data (fewer than \(RelativeAdoption.referenceRank) models of its size class, \(sizeClass.labelInSentence), have downloads figures that reach its age).")
            return context
        }
        context["text"] = .text("\(RelativeAdoptionFormat.ratio(entry.ratio)) times the downloads of the \(RelativeAdoption.referenceRank)th most-downloaded model of its size class (\(sizeClass.labelInSentence)) at the same age, \(NumberFormat.plural(entry.age, "day")) after release (\(NumberFormat.grouped(entry.downloads)) against \(NumberFormat.grouped(entry.reference)); \(entry.peers) models of the class reach that age).")
        return context
    }
}
