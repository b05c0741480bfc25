import Testing
@testable import AtomAudit

@Suite struct CardTextTests {
    @Test func escapeSequencesAndControlsAreStripped() {
        #expect(CardText.stripped("\u{1B}[31;1mRed\u{1B}[0m Model") == "Red Model")
        #expect(CardText.stripped("\u{1B}]0;pwned\u{07}Title") == "Title")
        #expect(CardText.stripped("\u{1B}]8;;https://evil.example\u{1B}\\link\u{1B}]8;;\u{1B}\\") == "link")
        #expect(CardText.stripped("two\nlines\u{7}\u{9B}") == "two lines")
        #expect(CardText.stripped("Plain – ünïcode") == "Plain – ünïcode")
    }

    @Test func theCardSaysWhichKeysWereStripped() throws {
        let text = """
            ---
            license: "apache-2.0\\e[2J"
            model_name: "Model\\e[31m"
            datasets: [plain/data]
            ---
            """
        let (card, problems) = ModelCard.parse(text, file: "README.md")
        #expect(problems.isEmpty)
        #expect(card?.license == "apache-2.0")
        #expect(card?.modelName == "Model")
        #expect(card?.strippedKeys == ["license", "model_name"])  // in the card's order
    }
}
