import Foundation
import Testing

/// The slips a reviewer makes at the command line: a mistyped id, a card that names its
/// license only by link, a card imported without its repository.
@Suite struct ExplainSuggestionTests {
    let content = CLI.repositoryRoot.appendingPathComponent("Content").path

    @Test func aMistypedIDSuggestsTheModelsItWasClosestTo() throws {
        let result = try CLI.run(["explain", "olmo-2-3b", "--content", content])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: no model 'olmo-2-3b' in \(content)/models/; did you mean 'olmo-2-32b'"), "\(result.stderr)")
        #expect(!result.stderr.contains("atom-audit check"), "a typo is not a content problem")
    }

    @Test func anUnknownIDSaysWhatAnIDIs() throws {
        let result = try CLI.run(["explain", "no-such-model-anywhere", "--content", content])
        #expect(result.status == 1)
        #expect(result.stderr.contains("a model's id is its manifest's file name without .yaml"))
    }
}

@Suite struct ImportNamingAndLicenseTests {
    func importCard(_ card: String, into content: TemporaryContent, _ extra: [String] = []) throws -> CLI.Result {
        try CLI.run(["import", "hf", card, "--content", content.path] + extra)
    }

    @Test func otherLicenseIsFoundByItsLinkAndTheNameComesFromTheTitle() throws {
        let content = try TemporaryContent()
        let result = try importCard(CLI.fixture("model-cards/other-license-by-link.md").path, into: content)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("wrote \(content.path)/models/example-llama-8b-tuned.yaml, a draft to review of 'Example-Llama-8B-Tuned' (named after the card's title)."))
        #expect(result.stdout.contains("weights.license: 'llama3.1' because the card's license_link is that license's URL in licenses.yaml"))
        #expect(result.stdout.contains("name: 'Example-Llama-8B-Tuned' comes from the card's title; check it is the model's own name."))
        let draft = try content.read("models/example-llama-8b-tuned.yaml")
        #expect(draft.contains("name: Example-Llama-8B-Tuned\n"))
        #expect(draft.contains("  license: llama3.1\n"))
    }

    @Test func otherLicenseIsFoundByItsNameWhateverTheCase() throws {
        let content = try TemporaryContent()
        let card = content.root.appendingPathComponent("card.md")
        try "---\nlicense: Other\nlicense_name: LLAMA3.1\nmodel_name: Named Model\n---\n".write(to: card, atomically: true, encoding: .utf8)
        let result = try importCard(card.path, into: content)
        #expect(result.stdout.contains("(named after the card's model_name)"))
        #expect(try content.read("models/named-model.yaml").contains("  license: llama3.1\n"))
    }

    @Test func olmoCardWithoutItsRepositoryIsNamedFromItsTitle() throws {
        let content = try TemporaryContent()
        let result = try importCard(CLI.fixture("model-cards/olmo-2-1124-13b.md").path, into: content)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("models/olmo-2-13b.yaml, a draft to review of 'OLMo 2 13B' (named after the card's title)"))
        #expect(!FileManager.default.fileExists(atPath: content.root.appendingPathComponent("models/model.yaml").path))
    }

    @Test func aCardWithOnlyABaseModelIsMarkedAsItsDerivative() throws {
        let content = try TemporaryContent()
        let card = content.root.appendingPathComponent("card.md")
        try "---\nlicense: apache-2.0\nbase_model: Qwen/Qwen2.5-7B\n---\nNo title here.\n".write(to: card, atomically: true, encoding: .utf8)
        let result = try importCard(card.path, into: content)
        #expect(result.stdout.contains("qwen2.5-7b-derivative.yaml, a draft to review of 'Qwen2.5-7B derivative' (named after its base model, Qwen/Qwen2.5-7B)"))
    }

    @Test func aCardThatNamesNothingIsAnErrorNotAnEmptyName() throws {
        let content = try TemporaryContent()
        let card = content.root.appendingPathComponent("card.md")
        try "---\nlicense: apache-2.0\n---\nNo title here.\n".write(to: card, atomically: true, encoding: .utf8)
        let result = try importCard(card.path, into: content)
        #expect(result.status == 1)
        #expect(result.stderr.contains("names no model (no model_name, model-index, '# ' title or base_model); pass --repo owner/name"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: content.root.appendingPathComponent("models").path).sorted() == ["hosted-fixture.yaml", "open-fixture.yaml"])
    }
}
