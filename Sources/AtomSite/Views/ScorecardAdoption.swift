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

    /// - Parameter root: the way back to the site root from the scorecard.
    static func context(_ card: Scorecard, siteData: SiteData, root: String) -> TemplateObject {
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
            "snapshots": .list(adoption.snapshots.reversed().map { .lookup(SnapshotContext(snapshot: $0)) }),
        ]
        if let trend = AdoptionGraphics(siteData: siteData).trend(for: card) {
            context["trend"] = ["chartSVG": .text(trend.svg), "summary": .text(trend.summary)]
        }
        if let relative = relative(card, siteData: siteData, root: root) { context["relative"] = .object(relative) }
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
    static func relative(_ card: Scorecard, siteData: SiteData, root: String) -> TemplateObject? {
        guard card.manifest.adoption?.latestDownloads != nil else { return nil }
        guard let parameters = card.manifest.parameters else {
            return ["text": .text("Relative adoption needs the model's parameter count, which its manifest does not give.")]
        }
        let sizeClass = SizeClass(parameters: parameters.value)
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

/// One snapshot of a scorecard's adoption table, answering each lookup from the snapshot:
/// at 10,000 scorecards, a dictionary per snapshot cost more than the lookups a page makes.
struct SnapshotContext: TemplateLookup {
    let snapshot: AdoptionSnapshot

    func value(named name: String) -> TemplateValue? {
        let count = { (value: Int?) in TemplateValue.text(value.map(NumberFormat.grouped) ?? ScorecardAdoption.noData) }
        switch name {
        case "date": return .text(snapshot.date.description)
        case "allTime": return count(snapshot.downloads)
        case "last30Days": return count(snapshot.downloadsLast30Days)
        case "likes": return count(snapshot.likes)
        case "derivativeTotal": return count(snapshot.derivatives?.total)
        // By kind, in the Hub's order: "40 fine-tunes, 12 adapters, 55 quantizations, 3 merges".
        case "derivativeKinds":
            return snapshot.derivatives.map { counts in
                .text(DerivativeRelation.allCases.map { "\(NumberFormat.grouped(counts[$0])) \($0.manifestKey)" }.joined(separator: ", "))
            }
        case "sources":
            return .list(snapshot.sources.enumerated().map { index, url in
                // A "|" would end the Markdown table's cell: percent-encoded, it is the same URL.
                ["url": .text(url.utf8.contains(UInt8(ascii: "|")) ? url.replacingOccurrences(of: "|", with: "%7C") : url), "label": .text(ScorecardAdoption.sourceLabel(url)),
                 "separator": .text(index == snapshot.sources.count - 1 ? "" : ", ")]
            })
        default: return nil
        }
    }
}
