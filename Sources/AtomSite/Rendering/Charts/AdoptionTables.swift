import AtomAudit

/// The numbers behind the adoption page's charts and its relative-adoption table as CSV,
/// next to the charts' SVG files. A group without figures has empty cells ("no data"),
/// never 0, and every row says how many models its figures cover.
struct AdoptionTables {
    let siteData: SiteData
    var adoption: AdoptionSummary { siteData.adoption }

    static let relativeAdoptionPath = "charts/relative-adoption.csv"

    var files: [OutputFile] {
        let paths = AdoptionCharts.files.map { ChartTables.path(ofSVG: $0.path) }
        return [
            OutputFile(path: paths[0], text: csv(overTime)),
            OutputFile(path: paths[1], text: csv(byOriginAndTier)),
            OutputFile(path: paths[2], text: csv(shares)),
            OutputFile(path: Self.relativeAdoptionPath, text: csv(relative)),
        ]
    }

    /// "" for a group without figures.
    private func downloads(_ total: DownloadTotal?) -> String {
        total.flatMap { $0.hasData ? String($0.downloads) : nil } ?? ""
    }

    private var overTime: [[String]] {
        var rows = [["date", "origin", "origin_name", "downloads", "models_with_figures", "models"]]
        for totals in adoption.overTime {
            rows.append([totals.date.description, "", "All origins", downloads(totals.all), String(totals.all.models), String(adoption.modelCount)])
            for origin in adoption.origins {
                guard let total = totals.byOrigin[origin] else { continue }
                rows.append([totals.date.description, origin.code, origin.name, downloads(total), String(total.models),
                             String(adoption.modelsByOrigin[origin] ?? 0)])
            }
        }
        return rows
    }

    private var byOriginAndTier: [[String]] {
        let tiers = siteData.rubric.tiers
        var rows = [["origin", "origin_name", "models", "models_with_figures"] + tiers.flatMap { ["\($0.id)_downloads", "\($0.id)_models_with_figures"] }
            + ["downloads", "as_of"]]
        for origin in adoption.origins {
            let totals = adoption.byOriginAndTier[origin] ?? [:]
            let all = adoption.byOrigin[origin]
            rows.append([origin.code, origin.name, String(adoption.modelsByOrigin[origin] ?? 0), String(all?.models ?? 0)]
                        + tiers.flatMap { [downloads(totals[$0.id]), String(totals[$0.id]?.models ?? 0)] }
                        + [downloads(all), adoption.newestDate?.description ?? ""])
        }
        return rows
    }

    private var shares: [[String]] {
        var rows = [["origin", "origin_name", "tier", "downloads", "share_percent", "models_with_figures", "as_of"]]
        let groups: [(code: String, name: String, totals: [String: DownloadTotal], all: DownloadTotal?)] =
            [("", "All origins", adoption.byTier, adoption.all)]
            + adoption.origins.map { ($0.code, $0.name, adoption.byOriginAndTier[$0] ?? [:], adoption.byOrigin[$0]) }
        for group in groups where group.all?.hasData == true {
            for tier in siteData.rubric.tiers {
                let total = group.totals[tier.id] ?? .none
                let share = total.hasData ? group.all.flatMap { DownloadTotal.percent(total, of: $0) }.map { NumberFormat.compact($0) } ?? "" : ""
                rows.append([group.code, group.name, tier.id, downloads(total), share, String(total.models),
                             adoption.newestDate?.description ?? ""])
            }
        }
        return rows
    }

    private var relative: [[String]] {
        var rows = [["size_class", "id", "name", "origin", "age_days", "downloads", "reference_downloads", "peers", "relative_adoption"]]
        for result in adoption.relative {
            for entry in result.entries {
                let card = siteData.card(entry.id)
                rows.append([result.sizeClass.rawValue, entry.id.rawValue, card?.manifest.name ?? "", card?.manifest.origin.code ?? "",
                             String(entry.age), String(entry.downloads), String(entry.reference), String(entry.peers),
                             RelativeAdoptionFormat.ratio(entry.ratio)])
            }
            // Models with figures but too few peers at their age: listed, with no ratio.
            for id in result.notEnoughData {
                let card = siteData.card(id)
                rows.append([result.sizeClass.rawValue, id.rawValue, card?.manifest.name ?? "", card?.manifest.origin.code ?? "",
                             "", String(card?.manifest.adoption?.latestDownloads?.downloads ?? 0), "", "", ""])
            }
        }
        return rows
    }

    private func csv(_ rows: [[String]]) -> String { DataExporter.csv(rows) }
}

/// How a relative-adoption ratio is printed: two decimals below 10, one above.
enum RelativeAdoptionFormat {
    static func ratio(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        if value >= 10 { return NumberFormat.compact(value) }
        let hundredths = Int((value * 100).rounded())
        let whole = hundredths / 100, fraction = hundredths % 100
        return "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
