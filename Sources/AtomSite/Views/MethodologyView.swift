import AtomAudit

/// `methodology/`: the rubric, the tier rules, the scenario indicators and the license
/// catalog, rendered from `Content/`.
struct MethodologyView: PageView {
    let folder = SitePaths.methodology
    let htmlTemplate = "pages/methodology"
    let markdownTemplate: String? = "markdown/methodology"

    func context(_ shared: SharedContext, file: String) -> TemplateObject {
        let siteData = shared.siteData, rubric = siteData.rubric
        var context = shared.base(file: file, title: "Methodology", section: "methodology",
                                  description: "How the ATOM openness rubric scores weights, data, code and license.")
        if let intro = siteData.page("methodology") {
            context["introHTML"] = .text(shared.pageMarkdown.html(from: intro.body))
            context["introMarkdown"] = .text(shared.pageMarkdown.safeMarkdown(from: intro.body))
        }
        context["rubric"] = ["version": .text(rubric.version), "title": .text(rubric.title), "summary": .text(rubric.summary),
                             "maxPoints": .number(rubric.maxPoints)]
        context["axes"] = .list(rubric.axes.map { axis in
            [
                "id": .text(axis.axis.rawValue), "label": .text(axis.label), "question": .text(axis.question), "maxPoints": .number(axis.maxPoints),
                "levels": .list(axis.levels.map { ["id": .text($0.id), "label": .text($0.label), "points": .number($0.points), "definition": .text($0.definition)] }),
                "sources": .list(axis.sources.compactMap(rubric.source).map { ["title": .text($0.title), "url": .text($0.url)] }),
                "hasSources": .flag(!axis.sources.isEmpty),
            ]
        })
        context["tiers"] = .list(rubric.tiers.map { tier in .object(tierEntry(tier, shared: shared)) })
        context["sources"] = .list(rubric.sources.map { ["title": .text($0.title), "url": .text($0.url), "note": .text($0.note ?? "")] })
        let usage = Dictionary(grouping: siteData.cards.compactMap { $0.manifest.weights.license }, by: { $0 }).mapValues(\.count)
        context["licenses"] = .list(siteData.licenses.licenses.map { license in
            ["id": .text(license.id), "name": .text(license.name), "url": .text(license.url), "osiApproved": .flag(license.osiApproved),
             "level": .text(rubric.axis(.license)?.level(license.level.rawValue)?.label ?? license.level.rawValue),
             "summary": .text(license.summary), "models": .number(usage[license.id] ?? 0),
             "terms": .text(license.terms.isEmpty ? "none" : license.terms.map(\.rawValue).joined(separator: ", "))]
        })
        context["licenseTerms"] = .list(LicenseTerm.allCases.map { term in
            ["id": .text(term.rawValue), "definition": .text(term.definition),
             "ceiling": .text(rubric.axis(.license)?.level(term.ceiling.rawValue)?.label ?? term.ceiling.rawValue)]
        })
        context["indicators"] = .list(Indicator.allCases.map { indicator in
            ["name": .text(indicator.rawValue), "definition": .text(indicator.definition),
             "parameters": .text(indicator.parameters.map(\.rawValue).joined(separator: ", "))]
        })
        context["sizeClasses"] = .list(SizeClass.allCases.enumerated().map { index, sizeClass in
            ["label": .text(sizeClass.labelInSentence),
             "separator": .text(index == SizeClass.allCases.count - 1 ? "" : index == SizeClass.allCases.count - 2 ? " and " : ", ")]
        })
        context["referenceRank"] = .number(RelativeAdoption.referenceRank)
        return context
    }

    private func tierEntry(_ tier: Tier, shared: SharedContext) -> TemplateObject {
        let rubric = shared.siteData.rubric
        var entry = shared.tier(tier)
        entry["requirements"] = .list(tier.requirements.map { requirement in
            let level = rubric.axis(requirement.axis)?.level(requirement.minimumLevel)
            return ["axis": .text(requirement.axis.displayName), "level": .text(level?.label ?? requirement.minimumLevel)]
        })
        entry["requirementText"] = .text(tier.requirements.isEmpty ? "Nothing (every other model)" : tier.requirements.map { requirement in
            "\(requirement.axis.displayName): \(rubric.axis(requirement.axis)?.level(requirement.minimumLevel)?.label ?? requirement.minimumLevel)"
        }.joined(separator: "; "))
        entry["catchAll"] = .flag(tier.requirements.isEmpty)
        entry["count"] = .number(shared.siteData.cards.countInPlace { $0.tier.id == tier.id })
        return entry
    }
}
