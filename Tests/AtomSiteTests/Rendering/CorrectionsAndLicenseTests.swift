import Foundation
import Testing
@testable import AtomSite

/// Where a reader corrects a scorecard, and under what terms the data may be reused
/// (the fixture's site.yaml sets a GitHub repository and CC-BY-4.0).
@Suite struct CorrectionsAndLicenseTests {
    let files: [String: OutputFile]

    init() throws { files = try SiteFixture.build() }

    @Test func aScorecardLinksItsManifestForACorrection() throws {
        let page = try SiteFixture.html("models/llama-fixture/index.html", in: files)
        let section = try #require(page.element(id: "corrections-title")?.parent)
        #expect(section.text.contains("Every fact on this page comes from one file, Content/models/llama-fixture.yaml , in the audit's repository ( read it )."))
        let links = Dictionary(section.all("a").map { ($0.text, $0["href"] ?? "") }) { first, _ in first }
        #expect(links["the audit's repository"] == "https://github.com/example/atom-audit")
        #expect(links["read it"] == "https://github.com/example/atom-audit/blob/main/Content/models/llama-fixture.yaml")
        #expect(links["Suggest a correction"] == "https://github.com/example/atom-audit/edit/main/Content/models/llama-fixture.yaml")
        #expect(links["open an issue"] == "https://github.com/example/atom-audit/issues/new?title=Correction%3A%20Llama%20Fixture%2070B%20%28llama-fixture%29")
        #expect(links["How to propose a correction"] == "../../about/")
        #expect(section.text.contains("the developer may reply, and a reply is linked from the notes"))
    }

    @Test func aHostileNameCannotBreakTheIssueLink() throws {
        let issue = CorrectionLinks.queryEncoded("A&B #1 \"x\" +é")
        #expect(issue == "A%26B%20%231%20%22x%22%20%2B%C3%A9")
        #expect(CorrectionLinks.isGitHub("https://github.com/o/r") && !CorrectionLinks.isGitHub("https://gitlab.com/o/r"))
        #expect(!CorrectionLinks.isGitHub("https://github.com/o"))
    }

    @Test func linksFollowTheContentFolderWhereverTheRepositoryKeepsIt() throws {
        let card = try #require(try SiteFixture.report().scorecards.first { $0.id.rawValue == "llama-fixture" })
        let links = CorrectionLinks(repository: "https://github.com/o/r", contentPath: "audit/Content").context(for: card)
        guard case .text(let edit)? = links["edit"], case .text(let manifest)? = links["manifest"] else { Issue.record("\(links)"); return }
        #expect(manifest == "audit/Content/models/llama-fixture.yaml")
        #expect(edit == "https://github.com/o/r/edit/main/audit/Content/models/llama-fixture.yaml")
        #expect(CorrectionLinks(repository: "https://gitlab.com/o/r", contentPath: "Content").context(for: card)["edit"] == nil)
    }

    @Test func theMarkdownScorecardHasTheSameLinks() throws {
        let text = try SiteFixture.text("models/llama-fixture/README.md", in: files)
        #expect(text.contains("## Corrections\n\nEvery fact on this page comes from one file, `Content/models/llama-fixture.yaml`, in [the audit's repository](<https://github.com/example/atom-audit>) ([read it](<https://github.com/example/atom-audit/blob/main/Content/models/llama-fixture.yaml>))."))
        #expect(text.contains("[Suggest a correction](<https://github.com/example/atom-audit/edit/main/Content/models/llama-fixture.yaml>)"))
        #expect(text.contains("[How to propose a correction](../../about/README.md)"))
    }

    @Test func theDataLicenseIsWithTheDownloadsOnAboutAndInEveryHead() throws {
        let home = try SiteFixture.html("index.html", in: files)
        let data = try #require(home.element(id: "downloads-title")?.parent)
        let license = try #require(data.all(class: "data-license").first)
        #expect(license.text == "The data (the scores, the downloads and the manifests behind them) is published under Creative Commons Attribution 4.0 International ( CC-BY-4.0 ): reuse it, crediting Test publisher.")
        #expect(license.first("a")?["href"] == "https://creativecommons.org/licenses/by/4.0/" && license.first("a")?["rel"] == "license")

        let about = try SiteFixture.html("about/index.html", in: files)
        let reuse = try #require(about.element(id: "reuse-title")?.parent)
        #expect(reuse.first("a")?["href"] == "https://github.com/example/atom-audit")
        #expect(reuse.all(class: "data-license").count == 1)
        let aboutMarkdown = try SiteFixture.text("about/README.md", in: files)
        #expect(aboutMarkdown.contains("## Repository and license\n\nEvery manifest, the rubric and the code that builds this site are in <https://github.com/example/atom-audit>"))
        #expect(aboutMarkdown.contains("published under [Creative Commons Attribution 4.0 International](<https://creativecommons.org/licenses/by/4.0/>) (`CC-BY-4.0`)"))

        for path in files.keys where path.hasSuffix(".html") {
            let page = try SiteFixture.html(path, in: files)
            #expect(page.all("link").contains { $0["rel"] == "license" && $0["href"] == "https://creativecommons.org/licenses/by/4.0/" }, "\(path)")
        }
        #expect(try SiteFixture.html("methodology/index.html", in: files).element(id: "reuse-title") == nil, "only About has the section")
    }
}
