import AtomAudit
import AtomIO
import Foundation
import Testing
@testable import AtomSite

@Suite struct ScorecardPageTests {
    let files: [String: OutputFile]

    init() throws { files = try SiteFixture.build() }

    func page(_ id: String) throws -> HTMLElement { try SiteFixture.html("models/\(id)/index.html", in: files) }

    @Test func showsTierPointsAndWhyOnTheVerdict() throws {
        let page = try page("llama-fixture")
        #expect(page.all("h1").map(\.text) == ["Llama Fixture 70B"])
        let verdict = try #require(page.all(class: "verdict").first)
        #expect(verdict.all(class: "tier").first?.text == "Restricted weights")
        #expect(verdict.all(class: "points-total").first?.text == "44 of 100 points")
        #expect(verdict.text.contains("Restricted weights, not Open weights, because its license is Custom restrictive where OSI-approved or equivalent is needed. Its 44 points exceed the 43 of the least open model that can be Open weights: a tier is decided by the axes it requires, not by the total."))
        #expect(verdict.first("h3")?.text == "What keeps it from Open weights")
        #expect(verdict.first("ul")?.text.hasPrefix("License : needs OSI-approved or equivalent (now Custom restrictive).") == true)
    }

    @Test func eachAxisShowsItsLevelEvidenceAndNote() throws {
        let page = try page("llama-fixture")
        let axes = page.all(class: "axis")
        #expect(axes.map { $0.first("h3")?.text ?? "" } == [
            "Weights: Open weights 18/25", "Data: Described 6/25", "Code: Inference 8/25", "License: Custom restrictive 12/25",
        ])
        let weights = axes[0]
        #expect(weights.all(class: "evidence").first?.all("a").map { $0["href"] ?? "" } == ["https://huggingface.co/example/llama-fixture"])
        #expect(weights.all(class: "note").first?.text == "Reviewer's note: Click-through license acceptance only.")
        #expect(axes[3].all(class: "evidence").first?.first("a")?["href"] == "https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/LICENSE")
    }

    @Test func unknownFactsAndAReferenceAreSaidNotDropped() throws {
        var snapshot = try ContentReader().read(directory: SiteFixture.contentPath)
        snapshot.root = "Content"
        let path = "models/llama-fixture.yaml"
        let manifest = String(decoding: try #require(snapshot.files[path]), as: UTF8.self)
            .replacingOccurrences(of: "released: 2024-07-23\nparameters: 70B\n",
                                  with: "released: unknown\nparameters: unknown\nreference: Kept to show what a 2024 release looked like.\n")
        snapshot.files[path] = Data(manifest.utf8)
        let files = try SiteFixture.build(ContentAuditor().audit(snapshot))
        let scorecard = try SiteFixture.html("models/llama-fixture/index.html", in: files)
        let facts = try #require(scorecard.all(class: "facts").first)
        #expect(facts.text.contains("release date unknown"))
        #expect(facts.text.contains("parameter count unknown"))
        #expect(!facts.text.contains("released "))
        #expect(scorecard.all(class: "scorecard").first?.first("header")?.all(class: "reference").map(\.text) == ["Reference: Kept to show what a 2024 release looked like."])
        let markdown = try SiteFixture.text("models/llama-fixture/README.md", in: files)
        #expect(markdown.contains(" · release date unknown · parameter count unknown"))
        #expect(markdown.contains("\n**Reference:** Kept to show what a 2024 release looked like.\n"))
        // A model with its facts known says nothing of the kind.
        let known = try page("llama-fixture")
        #expect(known.all(class: "facts").first?.text.contains("unknown") == false)
        #expect(known.all(class: "reference").isEmpty)
    }

    @Test func licenseLinksToItsText() throws {
        let page = try page("llama-fixture")
        let section = try #require(page.element(id: "license-title")?.parent)
        let link = try #require(section.first("a"))
        #expect(link.text == "Llama 3.1 Community License Agreement")
        #expect(link["href"] == "https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/LICENSE")
    }

    @Test func badgeAndItsEmbedSnippetUseAbsoluteURLs() throws {
        let page = try page("open-fixture")
        #expect(page.all("img").first?["src"] == "../../badges/open-fixture.svg")
        let snippets = page.all("code").map(\.text)
        #expect(snippets.contains("[![ATOM openness: Truly open, 100/100](https://example.org/audit/badges/open-fixture.svg)](https://example.org/audit/models/open-fixture/)"))
    }

    @Test func hostileNotesAreRenderedSafely() throws {
        let page = try page("hostile")
        let notes = try #require(page.element(id: "notes-title")?.parent)
        #expect(notes.all("script").isEmpty)
        #expect(notes.all("a").allSatisfy { ($0["href"] ?? "").isEmpty })
        #expect(notes.all("img").allSatisfy { ($0["src"] ?? "").isEmpty })
        // A heading in notes goes under the Notes heading, so the page keeps one h1.
        #expect(page.all("h1").count == 1)
        #expect(notes.all("h2").map(\.text) == ["Notes"])
        #expect(notes.all("h3").map(\.text) == ["A heading in notes"])
        let evidence = page.all(class: "evidence").first?.first("a")
        #expect(evidence?["href"] == "https://example.org/a?b=1&c=2'onmouseover=alert(7)")
        #expect(evidence?["onmouseover"] == nil)
        #expect(page.descendants.allSatisfy { element in !element.attributes.keys.contains { $0.hasPrefix("on") } })
    }
}
