import Foundation
import Testing
@testable import AtomAudit

/// Every case of the bad-input corpus runs through the whole audit (and the scenario
/// assessment a build does), finishes, and yields exactly the diagnostics it lists.
@Suite struct BadInputCorpusTests {
    @Test(arguments: Corpus.cases)
    func auditFinishesWithTheExpectedDiagnostics(_ corpusCase: CorpusCase) throws {
        let snapshot = try corpusCase.snapshot()
        let report = try #require(Completion.within { Corpus.auditAndAssess(snapshot) },
                                  "the audit of \(corpusCase.name) did not finish")
        #expect(Corpus.lines(report.diagnostics) == corpusCase.diagnostics)
        #expect(corpusCase.loaded(in: report) == corpusCase.loads)
    }
}

/// The corpus itself: big enough, consistent, and committed byte for byte.
@Suite struct CorpusManifestTests {
    @Test func everyCaseHasAFileAndAUniqueName() throws {
        let cases = try Corpus.load()
        #expect(cases.count >= 40)
        #expect(Set(cases.map(\.name)).count == cases.count)
        for corpusCase in cases {
            #expect(corpusCase.file.hasPrefix(corpusCase.name + "."), "\(corpusCase.name) is in \(corpusCase.file)")
            #expect(FileManager.default.fileExists(atPath: Corpus.folder.appendingPathComponent(corpusCase.file).path), "\(corpusCase.file)")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: Corpus.folder.path).filter { $0 != "cases.json" }
        #expect(Set(files) == Set(cases.map(\.file)), "every file in the corpus has a case")
    }

    /// A checkout that rewrote line endings or dropped the byte-order mark would turn
    /// these cases into copies of the plain valid one, and they would pass for nothing.
    @Test func lineEndingsAndByteOrderMarksSurviveTheCheckout() throws {
        let crlf = try Data(contentsOf: Corpus.folder.appendingPathComponent("crlf-line-endings.yaml"))
        #expect(crlf.count > 100)
        #expect(!String(decoding: crlf, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        for name in ["byte-order-mark.yaml", "byte-order-mark-with-error.yaml"] {
            let data = try Data(contentsOf: Corpus.folder.appendingPathComponent(name))
            #expect(Array(data.prefix(3)) == TextDecoding.byteOrderMark, "\(name)")
        }
        let utf16 = try Data(contentsOf: Corpus.folder.appendingPathComponent("utf16-encoding.yaml"))
        #expect(Array(utf16.prefix(2)) == [0xFF, 0xFE])
    }

    @Test func generatedCasesAreAsBigAsTheyClaim() throws {
        let cases = try Corpus.load()
        let huge = try #require(cases.first { $0.generator == .padTo50MB })
        #expect(try huge.contents().count == 50 * 1024 * 1024)
        let many = try #require(cases.first { $0.generator == .thirtyThousandEvidenceURLs })
        let text = String(decoding: try many.contents(), as: UTF8.self)
        #expect(text.components(separatedBy: "    - https://a.io/").count - 1 == 30_000)
        #expect(text.utf8.count <= YAMLLimits.default.maxBytes)
    }
}
