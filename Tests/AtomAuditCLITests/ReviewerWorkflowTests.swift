import Foundation
import Testing

@Suite struct CheckFormatTests {
    @Test func githubFormatPrintsAnnotationsOnTheRightLines() throws {
        let broken = CLI.fixture("broken").path
        let result = try CLI.run(["check", "--content", broken, "--format", "github"])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("::error file=\(broken)/models/typo-key.yaml,line=6,col=3,title=atom-audit unknown-key::unknown key 'licence' in weights (did you mean 'license'?); expected one of 'access', 'checkpoints', 'license', 'evidence' or 'note'"))
        #expect(lines.filter { $0.hasPrefix("::error ") }.count == 8)
        #expect(lines.last == "checked 7 files, 4 models: 8 errors, 0 warnings")
    }

    @Test func githubFormatEscapesNewlinesAndCommas() throws {
        let content = try TemporaryContent()
        try content.write("models/z-dup.yaml", TemporaryContent.manifest(name: "Open Fixture 7B", origin: "US"))
        let result = try CLI.run(["check", "--content", content.path, "--format", "github"])
        let annotation = try #require(result.stdout.split(separator: "\n").first { $0.contains("duplicate-name") })
        // The note about the first use travels in the same annotation, after an escaped newline.
        #expect(annotation.contains("%0A\(content.path)/models/open-fixture.yaml:1:7: 'Open Fixture 7B' is first used here"))
        #expect(annotation.hasPrefix("::error file=\(content.path)/models/z-dup.yaml,line=1,col=7,"))
    }

    @Test func jsonFormatIsOneMachineReadableDocument() throws {
        let result = try CLI.run(["check", "--content", CLI.fixture("broken").path, "--format", "json"])
        #expect(result.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(document["errors"] as? Int == 8)
        #expect(document["models"] as? Int == 4)
        let diagnostics = try #require(document["diagnostics"] as? [[String: Any]])
        let typo = try #require(diagnostics.first { $0["code"] as? String == "unknown-key" })
        #expect(typo["line"] as? Int == 6 && typo["column"] as? Int == 3 && typo["severity"] as? String == "error")
        #expect((typo["file"] as? String)?.hasSuffix("/models/typo-key.yaml") == true)
    }

    @Test func reviewWarningsPointAtTheFact() throws {
        let content = try TemporaryContent()
        try content.write("models/shaky.yaml", """
            name: Shaky Model
            developer: Example Lab
            origin: US
            released: 2031-01-01
            weights:
              access: open
              license: Apache-2.0
              evidence: [http://example.org/shaky]
            data:
              access: released
              evidence: [https://example.org/paper]
            code:
              access: none
            assessed: 2023-01-01
            """)
        let result = try CLI.run(["check", "--content", content.path, "--format", "github"], environment: ["ATOM_AUDIT_TODAY": "2025-09-01"])
        #expect(result.status == 0, "warnings alone do not fail the check")
        let file = "\(content.path)/models/shaky.yaml"
        let warnings = result.stdout.split(separator: "\n").filter { $0.hasPrefix("::warning file=\(file)") }.map { String($0.prefix { $0 != ":" || true }) }
        #expect(warnings.contains { $0.contains("line=4,col=11,title=atom-audit future-date::released 2031-01-01 is in the future") })
        #expect(warnings.contains { $0.contains("line=8,col=14,title=atom-audit insecure-url::") })
        #expect(warnings.contains { $0.contains("line=10,col=11,title=atom-audit weak-evidence::data.access is 'released' but no data.evidence URL points at a dataset") })
        #expect(warnings.contains { $0.contains("line=14,col=11,title=atom-audit stale-assessment::assessed 2023-01-01 is more than 365 days ago") })
    }
}

@Suite struct DiffCommandTests {
    /// Base: the valid fixture plus two models and a scenario; head: one added, one
    /// removed, one changed so that its tier changes and the scenario's signpost flips.
    func sides() throws -> (base: TemporaryContent, head: TemporaryContent) {
        let base = try TemporaryContent(), head = try TemporaryContent()
        for side in [base, head] {
            try side.write("scenarios/divergence.md", TemporaryContent.scenario)
            try side.write("models/old-model.yaml", TemporaryContent.manifest(name: "Old Model", origin: "FR"))
        }
        try base.write("models/cn-model.yaml", TemporaryContent.manifest(name: "CN Model", origin: "CN", weights: "hosted"))
        try head.write("models/cn-model.yaml", TemporaryContent.manifest(name: "CN Model", origin: "CN", weights: "open"))
        try head.remove("models/old-model.yaml")
        try head.write("models/new-model.yaml", TemporaryContent.manifest(name: "New Model", origin: "US", data: "partial"))
        return (base, head)
    }

    @Test func markdownForAPullRequestComment() throws {
        let (base, head) = try sides()
        let result = try CLI.run(["diff", base.path, head.path])
        #expect(result.status == 0)
        let text = result.stdout
        #expect(text.contains("**1 added · 1 removed · 1 re-scored · 1 signpost flipped**"))
        #expect(text.contains("### Added\n\n| Model | Origin | Tier | Points | Weights | Data | Code | License |\n| --- | --- | --- | ---: | --- | --- | --- | --- |\n| New Model | US | Open weights | 55 | Open weights | Partly released | None | OSI-approved or equivalent |"))
        #expect(text.contains("### Removed\n\n| Model | Origin | Tier | Points | Weights | Data | Code | License |\n| --- | --- | --- | ---: | --- | --- | --- | --- |\n| Old Model | FR | Open weights | 43 |"))
        #expect(text.contains("| CN Model | Closed → **Open weights** | 0 → 43 (+43) | **Hosted only → Open weights** | Undisclosed | None | **Proprietary → OSI-approved or equivalent** |"))
        #expect(text.contains("| Open weights or better, China | 0 | 1 |"))
        #expect(text.contains("- **Continued divergence**: China has no open-weights-or-better model — met → **not met** (value 0 → 1; threshold exactly 0)"))
    }

    @Test func jsonForMachines() throws {
        let (base, head) = try sides()
        let result = try CLI.run(["diff", base.path, head.path, "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((document["added"] as? [[String: Any]])?.map { $0["id"] as? String } == ["new-model"])
        #expect((document["removed"] as? [[String: Any]])?.map { $0["id"] as? String } == ["old-model"])
        let change = try #require((document["rescored"] as? [[String: Any]])?.first)
        #expect((change["before"] as? [String: Any])?["tier"] as? String == "closed")
        #expect((change["after"] as? [String: Any])?["tier"] as? String == "open-weights")
        let flip = try #require((document["signpostFlips"] as? [[String: Any]])?.first)
        #expect(flip["metBefore"] as? Bool == true && flip["metAfter"] as? Bool == false)
    }

    /// The first figures turn a downloads signpost from "No data" into a verdict: a flip,
    /// since the signpost starts to count.
    @Test func figuresArrivingFlipASignpostFromNoData() throws {
        let base = try TemporaryContent(), head = try TemporaryContent()
        let scenario = """
            ---
            title: Continued divergence
            order: 1
            summary: China keeps its lead.
            signposts:
              - text: Chinese models take at least half of the downloads
                indicator: download-share
                origin: CN
                at-least: 50
            ---
            Narrative.
            """
        let model = TemporaryContent.manifest(name: "CN Model", origin: "CN") + "\nadoption:\n  repositories: [example/cn-model]\n"
        for side in [base, head] {
            try side.write("scenarios/divergence.md", scenario)
            try side.write("models/cn-model.yaml", model)
        }
        try head.write("models/cn-model.yaml", model + """
              snapshots:
                - as-of: 2025-08-01
                  downloads: 1000
                  source: https://huggingface.co/api/models/example/cn-model

            """)
        let result = try CLI.run(["diff", base.path, head.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("- **Continued divergence**: Chinese models take at least half of the downloads — no data → **met** (value No data → 100%; threshold at least 50%)"))
        let json = try CLI.run(["diff", base.path, head.path, "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let flip = try #require((document["signpostFlips"] as? [[String: Any]])?.first)
        #expect(flip["noDataBefore"] as? Bool == true && flip["noDataAfter"] == nil && flip["metAfter"] as? Bool == true)
    }

    @Test func betweenTwoRevisionsOfAGitRepository() throws {
        let (base, head) = try sides()
        let repo = FileManager.default.temporaryDirectory.appendingPathComponent("repo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
        func git(_ arguments: String...) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-C", repo.path, "-c", "user.name=Test", "-c", "user.email=test@example.org"] + arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "git \(arguments)")
        }
        try git("init", "-q", "-b", "main")
        try FileManager.default.copyItem(at: base.root, to: repo.appendingPathComponent("Content"))
        try git("add", "-A")
        try git("commit", "-q", "-m", "base")
        try FileManager.default.removeItem(at: repo.appendingPathComponent("Content"))
        try FileManager.default.copyItem(at: head.root, to: repo.appendingPathComponent("Content"))
        try git("add", "-A")
        try git("commit", "-q", "-m", "head")
        // The working tree is at head; base is read from git without checking it out.
        let result = try CLI.run(["diff", "HEAD~1", "HEAD"], in: repo)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Comparing `HEAD~1` → `HEAD`."))
        #expect(result.stdout.contains("**1 added · 1 removed · 1 re-scored · 1 signpost flipped**"))
        let mixed = try CLI.run(["diff", "main~1", "Content"], in: repo)
        #expect(mixed.stdout.contains("**1 added · 1 removed · 1 re-scored"))
    }

    @Test func errorsOnEitherSideAreListedAndExitOne() throws {
        let result = try CLI.run(["diff", CLI.fixture("valid").path, CLI.fixture("broken").path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("has 8 errors; fix them before comparing:"))
        #expect(result.stderr.contains("[unknown-key] unknown key 'licence'"))
    }

    @Test func unknownRevisionIsAClearError() throws {
        let result = try CLI.run(["diff", "no-such-revision-xyz", CLI.fixture("valid").path], in: CLI.repositoryRoot)
        #expect(result.status == 2)
        #expect(result.stderr.contains("'no-such-revision-xyz' is neither a folder nor a git revision of this repository"))
    }

    @Test func identicalSidesSayNothingChanged() throws {
        let result = try CLI.run(["diff", CLI.fixture("valid").path, CLI.fixture("valid").path])
        #expect(result.stdout.hasSuffix("No model, score or scenario signpost changed.\n"))
    }
}

@Suite struct NewAndSchemaCommandTests {
    @Test func skeletonFailsCheckUntilFilledThenPasses() throws {
        let content = try TemporaryContent()
        let created = try CLI.run(["new", "acme-7b", "--content", content.path])
        #expect(created.status == 0)
        let skeleton = try content.read("models/acme-7b.yaml")
        #expect(skeleton.contains("assessed: 2025-09-01"))
        let unfilled = try CLI.run(["check", "--content", content.path])
        #expect(unfilled.status == 1)
        #expect(unfilled.stdout.contains("acme-7b.yaml:6:1: error: [empty-value] 'name' in the manifest is empty; expected text"))
        #expect(unfilled.stdout.contains("error: [empty-value] 'family' in the manifest is empty; expected text"))
        let filled = skeleton
            .replacingOccurrences(of: "name:                    #", with: "name: Acme 7B #")
            .replacingOccurrences(of: "developer:               #", with: "developer: Acme Labs #")
            .replacingOccurrences(of: "origin:                  #", with: "origin: CA #")
            .replacingOccurrences(of: "family:                  #", with: "family: acme #")
            .replacingOccurrences(of: "  note:                  # one or two sentences: what you checked", with: "  note: Only an API exists.")
            .replacingOccurrences(of: "  note:\n", with: "  note: Nothing published.\n")
        try content.write("models/acme-7b.yaml", filled)
        let check = try CLI.run(["check", "--content", content.path])
        #expect(check.status == 0, "\(check.stdout)")
        #expect(try CLI.run(["explain", "acme-7b", "--content", content.path]).stdout.contains("Tier: Closed"))
    }

    @Test func newRefusesAnExistingModelOrABadID() throws {
        let content = try TemporaryContent()
        #expect(try CLI.run(["new", "open-fixture", "--content", content.path]).status == 1)
        let bad = try CLI.run(["new", "Bad Name", "--content", content.path])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("expected lower-case letters, digits, '.' and '-', e.g. 'bad-name'"))
    }

    @Test func schemaIsTheSameAsTheSites() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("schema-site-\(UUID().uuidString)")
        _ = try CLI.run(["build", "--content", CLI.fixture("valid").path, "--templates", CLI.repositoryRoot.appendingPathComponent("Templates").path, "--output", output.path])
        let printed = try CLI.run(["schema", "--content", CLI.fixture("valid").path])
        #expect(printed.status == 0)
        #expect(printed.stdout == (try String(contentsOf: output.appendingPathComponent("schema/manifest.schema.json"), encoding: .utf8)))
        #expect(printed.stdout.contains("\"llama3.1\""))
    }
}

@Suite struct ImportCommandTests {
    func importCard(_ card: String, repo: String?, into content: TemporaryContent) throws -> CLI.Result {
        var arguments = ["import", "hf", CLI.fixture("model-cards/\(card)").path, "--content", content.path]
        if let repo { arguments += ["--repo", repo] }
        return try CLI.run(arguments)
    }

    @Test func olmoCardGivesOpenWeightsPartialDataAndEvidence() throws {
        let content = try TemporaryContent()
        let result = try importCard("olmo-2-1124-13b.md", repo: "allenai/OLMo-2-1124-13B", into: content)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("wrote \(content.path)/models/olmo-2-1124-13b.yaml, a draft to review of 'OLMo-2-1124-13B' (named after the repository's name). Still to check:"))
        let draft = try content.read("models/olmo-2-1124-13b.yaml")
        #expect(draft.contains("name: OLMo-2-1124-13B\ndeveloper: allenai\norigin:\n"))
        #expect(draft.contains("  license: Apache-2.0\n  evidence:\n    - \"https://huggingface.co/allenai/OLMo-2-1124-13B\"\n    - \"https://www.apache.org/licenses/LICENSE-2.0\""))
        #expect(draft.contains("data:\n  access: partial\n  evidence:\n    - \"https://huggingface.co/datasets/allenai/dolmino-mix-1124\"\n    - \"https://huggingface.co/datasets/allenai/olmo-mix-1124\""))
        // Origin is for the reviewer: until it is filled the draft fails check, pointing at it.
        let check = try CLI.run(["check", "--content", content.path])
        #expect(check.stdout.contains("olmo-2-1124-13b.yaml:5:1: error: [empty-value] 'origin' in the manifest is empty; expected text"))
        try content.write("models/olmo-2-1124-13b.yaml", draft.replacingOccurrences(of: "origin:\n", with: "origin: US\n"))
        let filled = try CLI.run(["check", "--content", content.path])
        #expect(filled.status == 0, "\(filled.stdout)")
        #expect(try CLI.run(["explain", "olmo-2-1124-13b", "--content", content.path]).stdout.contains("Tier: Open weights"))
    }

    @Test func otherLicenseIsLookedUpByNameAndUnknownOnesAreFlagged() throws {
        let content = try TemporaryContent()
        let result = try importCard("qwen2.5-math-prm-7b.md", repo: "Qwen/Qwen2.5-Math-PRM-7B", into: content)
        #expect(result.stdout.contains("weights.license: the card's license 'qwen' (https://huggingface.co/Qwen/Qwen2.5-Math-PRM-7B/blob/main/LICENSE) is not in licenses.yaml"))
        let draft = try content.read("models/qwen2.5-math-prm-7b.yaml")
        #expect(!draft.contains("  license:"))
        #expect(draft.contains("modality: [text]"))
        #expect(draft.contains("Built on [Qwen/Qwen2.5-Math-7B-Instruct](https://huggingface.co/Qwen/Qwen2.5-Math-7B-Instruct) according to the model card."))
        #expect(draft.contains("Languages listed on the card: en, zh."))
    }

    @Test func catalogLicenseIdsMatchHubIdsAndBaseModelsBecomeNotes() throws {
        let content = try TemporaryContent()
        _ = try importCard("llama-3.1-8b-instruct-lora-simsamu.md", repo: "medkit/Llama-3.1-8B-Instruct-LoRA-SimSAMU", into: content)
        let draft = try content.read("models/llama-3.1-8b-instruct-lora-simsamu.yaml")
        #expect(draft.contains("  license: llama3.1\n"))
        #expect(draft.contains("https://huggingface.co/datasets/medkit/simsamu"))
        let qwen = try importCard("qwen2.5-32b-instruct.md", repo: "Qwen/Qwen2.5-32B-Instruct", into: content)
        #expect(qwen.status == 0)
        let second = try content.read("models/qwen2.5-32b-instruct.yaml")
        #expect(second.contains("  license: Apache-2.0\n"))
        #expect(second.contains("data:\n  access: undisclosed\n"))
    }

    @Test func cardWithoutFrontMatterIsAClearError() throws {
        let content = try TemporaryContent()
        let card = content.root.appendingPathComponent("plain.md")
        try "# Just a title\n".write(to: card, atomically: true, encoding: .utf8)
        let result = try CLI.run(["import", "hf", card.path, "--content", content.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("plain.md:1:1: error: [missing-front-matter] the model card has no YAML front matter"))
    }
}
