import AtomAudit

/// `adoption/`: who downloads the models of each origin and tier. Downloads by origin over
/// time, by origin and tier, the share of each tier, the catalogue's coverage of the Hub and
/// relative adoption within size classes. Every number says how many models it covers, and
/// a group without figures reads "no data", never 0.
struct AdoptionView: PageView {
    let folder = SitePaths.adoption
    let htmlTemplate = "pages/adoption"
    let markdownTemplate: String? = "markdown/adoption"

    /// The timeline table shows the newest dates; the CSV has them all.
    static let timelineRows = 24

    func context(_ shared: SharedContext, file: String) -> TemplateObject {
        let siteData = shared.siteData, adoption = siteData.adoption
        let root = SitePaths.root(of: file)
        var context = shared.base(file: file, title: "Adoption", section: "adoption",
                                  description: "Downloads of the assessed models on the Hugging Face Hub, by origin and by openness tier.")
        context["figures"] = [
            "hasFigures": .flag(adoption.hasFigures),
            "coverage": .text(adoption.coverageText(adoption.all, of: adoption.modelCount)),
            "total": .text(NumberFormat.grouped(adoption.all.downloads)),
            "newest": .text(adoption.newestText),
        ]
        // Published measurements beside the catalogue's own: prose with its sources and dates.
        if let page = siteData.page("adoption") {
            context["context"] = ["title": .text(page.title), "html": .text(shared.pageMarkdown.html(from: page.body)),
                                  "markdown": .text(shared.pageMarkdown.safeMarkdown(from: page.body))]
        }
        // By name: each chart has its own section, table and wording.
        for (key, (chart, drawn)) in zip(["chartOverTime", "chartByTier", "chartShare"],
                                         zip(AdoptionCharts.files, zip(adoption.charts.svgs, adoption.charts.summaries))) {
            context[key] = ["id": .text(chart.id), "title": .text(chart.title), "chartSVG": .text(drawn.0), "summary": .text(drawn.1),
                            "file": .text(root + chart.path), "csv": .text(root + ChartTables.path(ofSVG: chart.path))]
        }
        context["chartSource"] = .text(Self.source(siteData))
        context["relativeCSV"] = .text(root + AdoptionTables.relativeAdoptionPath)
        context["timeline"] = .object(timeline(adoption))
        context["origins"] = .list(adoption.origins.map { .object(originRow($0, adoption: adoption, tiers: siteData.rubric.tiers)) })
        context["tiers"] = .list(siteData.rubric.tiers.map { .object(shared.tier($0)) })
        context["tierShares"] = .list(siteData.rubric.tiers.map { tier in
            var row = shared.tier(tier)
            let total = adoption.byTier[tier.id] ?? .none
            row["downloads"] = .text(Self.downloads(total))
            row["share"] = .text(adoption.shareText(total))
            row["coverage"] = .text(adoption.coverageText(total, of: adoption.modelsByTier[tier.id] ?? 0))
            return .object(row)
        })
        if let coverage = adoption.coverage { context["hubCoverage"] = .object(Self.coverage(coverage)) }
        context["relative"] = .object(relative(adoption, siteData: siteData, root: root))
        return context
    }

    /// Every chart's source line: where the figures come from, how many models they cover, and their date.
    static func source(_ siteData: SiteData) -> String {
        let adoption = siteData.adoption
        return "Source: Hugging Face Hub figures recorded in this audit's model manifests (\(adoption.coverageText(adoption.all, of: adoption.modelCount)); \(adoption.newestText))."
    }

    static func downloads(_ total: DownloadTotal) -> String {
        total.hasData ? NumberFormat.grouped(total.downloads) : ScorecardAdoption.noData
    }

    /// The timeline as a table: one row per snapshot date (newest first), one column per charted group.
    private func timeline(_ adoption: AdoptionSummary) -> TemplateObject {
        let groups = adoption.groups
        let rows = adoption.overTime.reversed().prefix(Self.timelineRows).map { totals -> TemplateValue in
            let cells = groups.map { group -> TemplateValue in ["text": .text(Self.cell(adoption.total(totals, origin: group.origin)))] }
            return ["date": .text(totals.date.description), "all": .text(Self.cell(totals.all)), "cells": .list(cells)]
        }
        return ["groups": .list(groups.map { ["label": .text($0.label)] }), "rows": .list(rows), "hasRows": .flag(!rows.isEmpty),
                "truncated": .flag(adoption.overTime.count > Self.timelineRows), "dates": .number(adoption.overTime.count), "shown": .number(rows.count)]
    }

    /// "1,234,567 (3 models)" or "no data".
    static func cell(_ total: DownloadTotal) -> String {
        total.hasData ? "\(NumberFormat.grouped(total.downloads)) (\(NumberFormat.plural(total.models, "model")))" : ScorecardAdoption.noData
    }

    private func originRow(_ origin: CountryCode, adoption: AdoptionSummary, tiers: [Tier]) -> TemplateObject {
        let total = adoption.byOrigin[origin] ?? .none
        let byTier = adoption.byOriginAndTier[origin] ?? [:], models = adoption.modelsByOriginAndTier[origin] ?? [:]
        return [
            "code": .text(origin.code), "name": .text(origin.name),
            "coverage": .text(adoption.coverageText(total, of: adoption.modelsByOrigin[origin] ?? 0)),
            "downloads": .text(Self.downloads(total)),
            "share": .text(adoption.shareText(total)),
            // "—": no model of the origin in the tier; "no data": models in the tier, none with figures.
            "tiers": .list(tiers.map { tier in
                ["text": .text((models[tier.id] ?? 0) == 0 ? "—" : Self.downloads(byTier[tier.id] ?? .none))]
            }),
        ]
    }

    static func coverage(_ coverage: HubCoverage) -> TemplateObject {
        let onHub = coverage.endpoint == "https://huggingface.co"
        return [
            "share": .text(NumberFormat.percent(coverage.coveredShare * 100)),
            "top": .number(coverage.top), "date": .text(coverage.date.description), "endpoint": .text(coverage.endpoint),
            "downloads": .text(NumberFormat.grouped(coverage.downloads)),
            "hasUncovered": .flag(!coverage.uncovered.isEmpty),
            "uncovered": .list(coverage.uncovered.map { model in
                var entry: TemplateObject = ["repository": .text(model.repository), "downloads": .text(NumberFormat.grouped(model.downloads))]
                // Linked only when it is a well-formed repository id on the public Hub.
                if onHub, let id = HubRepositoryID(model.repository) { entry["url"] = .text("https://huggingface.co/\(id)") }
                return .object(entry)
            }),
        ]
    }

    private func relative(_ adoption: AdoptionSummary, siteData: SiteData, root: String) -> TemplateObject {
        [
            "referenceRank": .number(RelativeAdoption.referenceRank),
            "classes": .list(adoption.relative.map { result in
                let entries = result.entries.enumerated().map { index, entry -> TemplateValue in
                    let card = siteData.card(entry.id)
                    return ["position": .number(index + 1), "name": .text(card?.manifest.name ?? entry.id.rawValue),
                            "url": .text(root + SitePaths.model(entry.id.rawValue)),
                            "markdownURL": .text(root + SitePaths.markdown(of: SitePaths.model(entry.id.rawValue))),
                            "origin": .text(card?.manifest.origin.code ?? ""), "ratio": .text(RelativeAdoptionFormat.ratio(entry.ratio)),
                            "downloads": .text(NumberFormat.grouped(entry.downloads)), "age": .text(NumberFormat.plural(entry.age, "day")),
                            "reference": .text(NumberFormat.grouped(entry.reference)), "peers": .number(entry.peers)]
                }
                var row: TemplateObject = [
                    "id": .text(result.sizeClass.rawValue), "label": .text(result.sizeClass.label),
                    "coverage": .text(result.models == 0 ? "No assessed model is in this class"
                        : "Figures for \(result.withFigures) of \(NumberFormat.plural(result.models, "model"))"),
                    "hasEntries": .flag(!entries.isEmpty), "entries": .list(entries),
                ]
                if !result.notEnoughData.isEmpty {
                    row["lacking"] = .text(NumberFormat.plural(result.notEnoughData.count, "model"))
                }
                return .object(row)
            }),
        ].merging(unsized(adoption)) { first, _ in first }
    }

    /// "3 models without a parameter count are in no size class", when there are such models.
    private func unsized(_ adoption: AdoptionSummary) -> TemplateObject {
        let count = adoption.tally.count { $0.parameters == nil }
        return count == 0 ? [:] : ["unsized": .text("\(NumberFormat.plural(count, "model")) without a parameter count \(count == 1 ? "is" : "are") in no size class.")]
    }
}
