import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What content can put into a log, a terminal or an annotation: file names and values
/// reach them only escaped.
@Suite struct LogSafetyTests {
    /// A manifest whose name would start a GitHub workflow command of its own if printed raw.
    static let forgedName = "forged\n::error file=README.md,line=1::forged annotation.yaml"

    @Test func aFileNameWithALineBreakIsEscapedInTextOutput() throws {
        let content = try TemporaryContent()
        try content.write("models/\(Self.forgedName)", TemporaryContent.manifest(name: "Forged", origin: "US"))
        let result = try CLI.run(["check", "--content", content.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("\(content.path)/models/forged\\n::error file=README.md,line=1::forged annotation.yaml:1:1: error: [invalid-id]"))
        #expect(!result.stdout.split(separator: "\n").contains { $0.hasPrefix("::") })
    }

    @Test func aFileNameWithALineBreakIsEscapedInGitHubOutput() throws {
        let content = try TemporaryContent()
        try content.write("models/\(Self.forgedName)", TemporaryContent.manifest(name: "Forged", origin: "US"))
        let result = try CLI.run(["check", "--content", content.path, "--format", "github"])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n")
        // Every diagnostic is one line (and one command); nothing else starts a command.
        #expect(lines.count(where: { $0.hasPrefix("::") }) == lines.count - 1)
        #expect(lines.allSatisfy { !$0.hasPrefix("::error file=README.md") })
        let annotation = try #require(lines.first { $0.contains("invalid-id") })
        #expect(annotation.hasPrefix("::error file=\(content.path.replacingOccurrences(of: ":", with: "%3A"))/models/forged%0A%3A%3Aerror file=README.md%2Cline=1%3A%3Aforged annotation.yaml,line=1,col=1,title=atom-audit invalid-id::"))
    }

    @Test func aFileNameWithALineBreakIsValidJSON() throws {
        let content = try TemporaryContent()
        try content.write("models/\(Self.forgedName)", TemporaryContent.manifest(name: "Forged", origin: "US"))
        let result = try CLI.run(["check", "--content", content.path, "--format", "json"])
        #expect(result.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let files = (document["diagnostics"] as? [[String: Any]])?.compactMap { $0["file"] as? String } ?? []
        #expect(files.contains("\(content.path)/models/\(Self.forgedName)"))
    }

    @Test func aFileNameThatIsNotUTF8FailsCheckNamingItsBytes() throws {
        let content = try TemporaryContent()
        var path = (Array("\(content.path)/models/".utf8) + [0xFF] + Array(".yaml".utf8) + [0]).map { CChar(bitPattern: $0) }
        let descriptor = open(&path, O_CREAT | O_WRONLY, 0o644)
        try #require(descriptor >= 0)
        close(descriptor)
        let result = try CLI.run(["check", "--content", content.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("\(content.path)/models/\\xFF.yaml:1:1: error: [file-name-not-utf8] the file name 'models/\\xFF.yaml' is not valid UTF-8"))
        #expect(result.stdout.hasSuffix("1 error, 0 warnings\n"))
    }

    @Test func escapeCodesInAModelCardReachNeitherTheTerminalNorTheDraft() throws {
        let content = try TemporaryContent()
        let card = content.root.appendingPathComponent("card.md")
        try """
            ---
            license: other
            license_name: "evil\\e[2J\\e]0;title\\a"
            license_link: "https://example.org/\\e[31mlicense"
            model_name: "Shiny\\nModel\\e[8m"
            base_model: ["ok/base", "x) [click](https://evil.example"]
            language: ["en\\e[0m"]
            ---
            # Card
            """.write(to: card, atomically: true, encoding: .utf8)
        let result = try CLI.run(["import", "hf", card.path, "--repo", "acme/shiny", "--content", content.path])
        #expect(result.status == 0, "\(result.stderr)")
        let draft = try content.read("models/shiny.yaml")
        for text in [result.stdout, result.stderr, draft] {
            #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "\(text)")
            #expect(!text.contains("\\e") && !text.contains("\\x1b") && !text.contains("\\u{1B}"))
        }
        #expect(result.stdout.contains("the card's 'license_name', 'license_link', 'model_name', 'language' held control characters (such as terminal escape codes), which were stripped"))
        #expect(draft.contains("name: \"Shiny Model\"\n"))
        #expect(draft.contains("Built on [ok/base](https://huggingface.co/ok/base) according to the model card."))
        #expect(!draft.contains("evil.example"))
    }

    @Test func aRepositoryWithControlCharactersIsRefused() throws {
        let content = try TemporaryContent()
        let result = try CLI.run(["import", "hf", CLI.fixture("model-cards/olmo-2-1124-13b.md").path, "--repo", "acme/\u{1B}[2Jx", "--content", content.path])
        #expect(result.status == 64)
        #expect(result.stderr.contains("'--repo' must be a Hub repository as owner/name"))
    }

    @Test func aBaseURLWithMarkdownSyntaxIsAnError() throws {
        let content = try TemporaryContent()
        let site = try content.read("site.yaml")
        try content.write("site.yaml", site.replacingOccurrences(of: "base-url: https://example.org/audit/", with: "base-url: https://example.org/a)[x](https://evil.example/"))
        let check = try CLI.run(["check", "--content", content.path])
        #expect(check.status == 1)
        #expect(check.stdout.contains("\(content.path)/site.yaml:3:11: error: [invalid-base-url] 'https://example.org/a)[x](https://evil.example/' in base-url holds ')'"))

        let output = content.root.appendingPathComponent("Site")
        let build = try CLI.run(["build", "--content", CLI.fixture("valid").path, "--templates", CLI.repositoryRoot.appendingPathComponent("Templates").path,
                                 "--output", output.path, "--base-url", "https://example.org/a)[x](https://evil.example/"])
        #expect(build.status == 64)
        #expect(build.stderr.contains("'--base-url' 'https://example.org/a)[x](https://evil.example/' holds ')', which Markdown, HTML or a table would read as syntax; expected an absolute http(s) URL"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }
}
