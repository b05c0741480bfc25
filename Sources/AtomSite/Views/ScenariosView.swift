import AtomAudit

/// `scenarios/`: the three futures and how many of each one's signposts are met.
struct ScenariosView: PageView {
    let folder = SitePaths.scenarios
    let htmlTemplate = "pages/scenarios"
    let markdownTemplate: String? = "markdown/scenarios"

    func context(_ shared: SharedContext, file: String) -> TemplateObject {
        let outlook = shared.siteData.outlook
        var context = shared.base(file: file, title: "Scenarios", section: "scenarios",
                                  description: "Three futures for open AI in the US and China, tested against the data.")
        context["scenarios"] = .list(outlook.assessments.map { .object(shared.scenarioSummary($0, root: SitePaths.root(of: file))) })
        context["outlook"] = ["explanation": .text(outlook.explanation), "leading": .text(outlook.leading?.scenario.title ?? "")]
        return context
    }
}

/// `scenarios/<id>/`: one future, its narrative and each signpost's current value.
struct ScenarioView: PageView {
    let assessment: ScenarioAssessment
    var folder: String { SitePaths.scenario(assessment.scenario.id) }
    let htmlTemplate = "pages/scenario"
    let markdownTemplate: String? = "markdown/scenario"

    func context(_ shared: SharedContext, file: String) -> TemplateObject {
        var context = shared.base(file: file, title: assessment.scenario.title, section: "scenarios", description: assessment.scenario.summary)
        context["scenario"] = .object(shared.scenarioSummary(assessment, root: SitePaths.root(of: file), withModels: true))
        context["bodyHTML"] = .text(shared.markdown.html(from: assessment.scenario.body))
        context["bodyMarkdown"] = .text(shared.markdown.safeMarkdown(from: assessment.scenario.body))
        return context
    }
}
