import AtomAudit

/// `<id>/`: a page of prose from `Content/pages/` (about, ...).
struct ProseView: PageView {
    let page: Page
    var folder: String { SitePaths.page(page.id) }
    let htmlTemplate = "pages/page"
    let markdownTemplate: String? = "markdown/page"

    func context(_ shared: SharedContext, file: String) -> TemplateObject {
        var context = shared.base(file: file, title: page.title, section: page.id, description: page.summary)
        context["page"] = ["title": .text(page.title), "summary": .text(page.summary ?? "")]
        context["bodyHTML"] = .text(shared.pageMarkdown.html(from: page.body))
        context["bodyMarkdown"] = .text(shared.pageMarkdown.safeMarkdown(from: page.body))
        // About also says where the repository is and what license the data is under (site.yaml).
        context["isAbout"] = .flag(page.id == "about")
        return context
    }
}

/// `404.html`: hosts serve it at any depth, so its links start from the site's path.
struct NotFoundView {
    func context(_ shared: SharedContext) -> TemplateObject {
        shared.base(file: "404.html", title: "Page not found", section: "", links: .sitePath)
    }
}
