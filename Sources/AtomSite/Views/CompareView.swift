import AtomAudit

/// `compare/`: the featured comparisons, and a form that puts any two to four models side
/// by side in the browser (from `data/models/<id>.json`; the address keeps the pick as
/// `?models=a,b`).
struct CompareView: PageView {
    let folder = SitePaths.compare
    let htmlTemplate = "pages/compare"
    let markdownTemplate: String? = "markdown/compare"
    /// The form lists every model.
    let showsEveryModel = true
    let comparisons: [Comparison]

    func context(_ shared: SharedContext, file: String) -> TemplateObject {
        let root = SitePaths.root(of: file)
        var context = shared.base(file: file, title: "Compare models", section: "compare",
                                  description: "Models side by side: their levels, points, evidence and notes.")
        context["comparisons"] = .list(comparisons.map { comparison in
            [
                "title": .text(comparison.title), "reason": .text(comparison.reason),
                "url": .text(root + SitePaths.comparison(comparison.id)),
                "markdownURL": .text(root + SitePaths.markdown(of: SitePaths.comparison(comparison.id))),
                "models": .list(comparison.cards.map { .lookup(shared.card($0, root: root, withNotes: false)) }),
            ]
        })
        context["choices"] = .list(shared.siteData.cards.map { .lookup(shared.card($0, root: root, withNotes: false)) })
        context["maxModels"] = .number(Comparison.maxModels)
        // What the script needs to build the table as the featured pages show it.
        context["axisNames"] = .text(Axis.allCases.map { "\($0.rawValue):\($0.displayName)" }.joined(separator: " "))
        context["dataFolder"] = .text(root + "data/models/")
        return context
    }
}

/// `compare/<a>-vs-<b>/`: one featured comparison, complete without JavaScript.
struct ComparisonView: PageView {
    let comparison: Comparison
    var folder: String { SitePaths.comparison(comparison.id) }
    let htmlTemplate = "pages/comparison"
    let markdownTemplate: String? = "markdown/comparison"

    /// Notes sit under a heading per model (h3), under "Notes" (h2).
    static let notesMarkdown = MarkdownRenderer(topHeadingLevel: 4)

    func context(_ shared: SharedContext, file: String) -> TemplateObject {
        let root = SitePaths.root(of: file), siteData = shared.siteData
        var context = shared.base(file: file, title: comparison.title, section: "compare",
                                  description: "\(comparison.reason), side by side: \(comparison.title).")
        let models = comparison.cards.map {
            ScorecardContext(card: $0, root: root, position: nil, siteData: siteData, markdown: Self.notesMarkdown)
        }
        let maxRanks = siteData.axisMaxRanks
        context["comparison"] = [
            "title": .text(comparison.title), "reason": .text(comparison.reason),
            "models": .list(models.map { .lookup($0) }),
            // Rows are axes and columns models: each row holds every model's level on its axis.
            "axisRows": .list((0..<(comparison.cards.map(\.axes.count).min() ?? 0)).map { index in
                ["label": .text(comparison.cards[0].axes[index].axis.displayName),
                 "cells": .list(comparison.cards.map {
                     .lookup(AxisContext(card: $0, index: index, maxRank: index < maxRanks.count ? maxRanks[index] : 0))
                 })]
            }),
            "hasNotes": .flag(comparison.cards.contains { $0.manifest.notes != nil }),
        ]
        context["compareURL"] = .text(root + SitePaths.compare)
        return context
    }
}
