import Foundation
import Testing
@testable import AtomAudit
import AtomIO

/// The guards that run before Yams composes a file, and the limits that keep a bad
/// value from costing more than its size.
@Suite struct ReaderGuardTests {
    @Test(arguments: [
        "name: R&D *bold* model",
        "notes: A*b and x&y, then *y again",
        "name: *a\nother: &a x",   // the alias comes first, so it cannot resolve
        "notes: 'a & b' and '* c'",
    ])
    func textWithoutAResolvableAliasIsLeftToYams(_ text: String) {
        #expect(AliasScan.firstResolvableAlias(in: text, file: "f.yaml") == nil)
    }

    @Test func anAliasOfAnEarlierAnchorIsFoundWithBothPositions() throws {
        let finding = try #require(AliasScan.firstResolvableAlias(in: "a: &x_1 [1]\nb:\n  - [*x_1]\n", file: "f.yaml"))
        #expect(finding == AliasScan.Finding(
            name: "x_1", anchor: SourceLocation(file: "f.yaml", line: 1, column: 4),
            alias: SourceLocation(file: "f.yaml", line: 3, column: 6)))
    }

    @Test func compactIndicatorsCountAsNesting() {
        let limits = YAMLLimits(maxDepth: 4)  // 16 columns
        #expect(NestingScan.firstProblem(in: "a:\n  - - - - - - - x\n", limits: limits, file: "f.yaml") == nil)
        #expect(NestingScan.firstProblem(in: "a:\n  - - - - - - - - x\n", limits: limits, file: "f.yaml")
                == .blockTooDeep(SourceLocation(file: "f.yaml", line: 2, column: 18)))
    }

    @Test func anExplicitKeyIsRefusedButAQuestionInTextIsNot() {
        #expect(NestingScan.firstProblem(in: "a:\n  - ? x\n", limits: .default, file: "f.yaml")
                == .explicitKey(SourceLocation(file: "f.yaml", line: 2, column: 5)))
        #expect(NestingScan.firstProblem(in: "?\n: x\n", limits: .default, file: "f.yaml")
                == .explicitKey(SourceLocation(file: "f.yaml", line: 1, column: 1)))
        #expect(NestingScan.firstProblem(in: "notes: Open? Partly.\nname: ?x\n", limits: .default, file: "f.yaml") == nil)
    }

    /// The guards err on the side of refusing; the project's own content must not trip them.
    @Test func theRealContentPassesEveryReaderGuard() throws {
        let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Content")
        let report = ContentAuditor().audit(try ContentReader().read(directory: content.path))
        #expect(report.modelFileCount >= 40)
        let guardCodes: Set<String> = ["yaml-alias", "yaml-explicit-key", "nesting-too-deep", "control-character", "forbidden-character", "file-too-large"]
        #expect(report.diagnostics.filter { guardCodes.contains($0.code) }.isEmpty)
    }

    @Test func suggestionsSkipWordsAndVocabulariesTooLongToBeTypos() {
        #expect(Suggestion.closest(to: "licence", in: ["license"]) == "license")
        #expect(Suggestion.closest(to: String(repeating: "licence", count: 20), in: ["license"]) == nil)
        let thousands = (0..<1_000).map { "id-\($0)" }
        #expect(Suggestion.closest(to: "id-1", in: thousands) == nil)
    }

    @Test func longListsOfAlternativesAreCut() {
        #expect(["a", "b", "c"].quotedAlternatives == "'a', 'b' or 'c'")
        let many = (1...25).map { "t\($0)" }.quotedAlternatives
        #expect(many.hasSuffix("'t19', 't20' or one of 5 more"))
    }

    @Test func messagesShowControlCharactersAsEscapes() {
        let diagnostic = Diagnostic.error("unknown-key", "unknown key 'a\n::error::b\u{1B}[2J\u{202E}x\tz'", at: nil)
        #expect(diagnostic.message == "unknown key 'a\\n::error::b\\u{1B}[2J\\u{202E}x\\tz'")
    }

    @Test func parameterCountsThatOverflowADoubleAreRefused() {
        #expect(ParameterCount(String(repeating: "9", count: 400) + "T") == nil)
        #expect(ParameterCount("1.5B")?.value == 1.5e9)
    }

    @Test func thresholdsBeyondIntAreFormattedNotTrapped() {
        #expect(SignpostReading.format(1e20, unit: .models) == "1e+20")
        #expect(SignpostReading.format(-1e300, unit: .points) == "-1e+300")
        #expect(SignpostReading.format(12.34, unit: .percent) == "12.3%")
        #expect(SignpostReading.format(3, unit: .models) == "3")
    }
}
