import Foundation
import Testing

@Suite struct CheckCommandTests {
    @Test func brokenFixturesPrintEveryErrorWithItsPositionInOneRun() throws {
        let broken = CLI.fixture("broken")
        let result = try CLI.run(["check", "--content", broken.path])
        #expect(result.status == 1)
        let root = broken.path
        let expected = [
            "\(root)/models/Capital.yaml:1:1: error: [invalid-id] the file name 'Capital.yaml' is not a valid model id; expected lower-case letters, digits, '.' and '-' starting with a letter or digit, e.g. 'capital.yaml'",
            "\(root)/models/bad-values.yaml:3:9: error: [invalid-origin] 'USA' is not an ISO 3166-1 alpha-2 country code; expected two capital letters such as 'US', 'CN' or 'FR'",
            "\(root)/models/bad-values.yaml:4:11: error: [invalid-date] '2025-02-30' is not a real date; expected YYYY-MM-DD, e.g. 2025-03-13",
            "\(root)/models/bad-values.yaml:6:11: error: [unknown-value] 'downloadable' is not a valid access for weights; expected 'hosted', 'gated' or 'open'",
            "\(root)/models/bad-values.yaml:8:11: error: [missing-evidence] data.access is 'documented' but data.evidence is empty; expected at least one https:// URL (data card, paper or dataset) that shows it",
            "\(root)/models/bad-values.yaml:11:12: error: [unknown-license] code.license 'Apache 2' is not in the license catalog (did you mean 'Apache-2.0'?); expected an id defined in licenses.yaml",
            "\(root)/models/syntax.yaml:3:8: error: [yaml-syntax] YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence that started at line 2, column 12); expected ',' between the items of the list and a ']' to close it",
            "\(root)/models/typo-key.yaml:6:3: error: [unknown-key] unknown key 'licence' in weights (did you mean 'license'?); expected one of 'access', 'checkpoints', 'license', 'evidence' or 'note'",
        ]
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(Array(lines.dropLast()) == expected)
        #expect(lines.last == "checked 7 files, 4 models: 8 errors, 0 warnings")
    }

    @Test func validFixturesPassWithExitZero() throws {
        let result = try CLI.run(["check", "--content", CLI.fixture("valid").path])
        #expect(result.status == 0)
        #expect(result.stdout == "checked 5 files, 2 models: 0 errors, 0 warnings\n")
    }

    @Test func projectContentPasses() throws {
        let result = try CLI.run(["check"], in: CLI.repositoryRoot, environment: ["ATOM_AUDIT_TODAY": "2026-12-06"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.hasSuffix(": 0 errors, 0 warnings\n"))
    }

    @Test func missingContentFolderIsAClearErrorNotACrash() throws {
        let result = try CLI.run(["check", "--content", "/nonexistent/Content"])
        #expect(result.status == 2)
        #expect(result.stderr == "error: content folder '/nonexistent/Content' does not exist; expected a folder with models/, rubric.yaml and licenses.yaml (pass --content DIR)\n")
    }

    @Test func helpSaysWhatTheCommandDoesWithAnExample() throws {
        for command in ["check", "explain"] {
            let result = try CLI.run([command, "--help"])
            #expect(result.status == 0)
            #expect(result.stdout.contains("Examples:"))
            #expect(result.stdout.contains("atom-audit \(command)"))
        }
    }
}

@Suite struct ExplainCommandTests {
    @Test func printsTheScorecard() throws {
        let result = try CLI.run(["explain", "open-fixture", "--content", CLI.fixture("valid").path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Open Fixture 7B — Example Lab (US, United States)"))
        #expect(result.stdout.contains("Tier: Truly open   Points: 100/100"))
        #expect(result.stdout.contains("evidence: https://huggingface.co/example/open-fixture-7b-checkpoints"))
        #expect(result.stdout.contains("This is the top tier."))
    }

    @Test func explainsWhatKeepsAModelFromTheNextTier() throws {
        let result = try CLI.run(["explain", "hosted-fixture", "--content", CLI.fixture("valid").path])
        #expect(result.stdout.contains("Tier: Closed   Points: 0/100"))
        #expect(result.stdout.contains("Next tier, Restricted weights, needs: weights must be Gated (now Hosted only)."))
    }

    @Test func unknownIDFailsWithASuggestion() throws {
        let result = try CLI.run(["explain", "open", "--content", CLI.fixture("valid").path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no model 'open'"))
        #expect(result.stderr.contains("did you mean 'open-fixture'?"))
    }

    @Test func brokenManifestListsItsErrors() throws {
        let result = try CLI.run(["explain", "typo-key", "--content", CLI.fixture("broken").path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("'typo-key' has errors and cannot be scored"))
        #expect(result.stdout.contains("[unknown-key] unknown key 'licence'"))
    }
}
