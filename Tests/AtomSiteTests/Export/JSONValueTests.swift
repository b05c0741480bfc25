import AtomAudit
import Foundation
import Testing
@testable import AtomSite

/// The hand-written JSON must be the bytes `JSONEncoder` gives (pretty, sorted keys,
/// slashes unescaped), which is what the downloads published before it.
@Suite struct JSONValueTests {
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    @Test(arguments: ["Fixtures/content", "Fixtures/hostile-content"])
    func everyRecordIsWrittenAsJSONEncoderWritesIt(_ fixture: String) throws {
        let report = try SiteFixture.report(contentPath: Bundle.module.resourceURL!.appendingPathComponent(fixture).path)
        #expect(!report.scorecards.isEmpty)
        for card in report.scorecards {
            let record = ModelRecord(card, baseURL: "https://example.org/audit/")
            #expect(String(decoding: record.json.prettyBytes, as: UTF8.self) == String(decoding: try Self.encoder.encode(record), as: UTF8.self),
                    "\(card.id)")
        }
    }

    @Test func stringsEscapeAsJSONEncoderEscapesThem() throws {
        let every = String(String.UnicodeScalarView((0..<0x80).compactMap(Unicode.Scalar.init))) + "/é\u{2028}😀\\\""
        for text in [every, "", "a/b", "\u{7F}"] {
            #expect(String(decoding: JSONValue.string(text).prettyBytes, as: UTF8.self) == String(decoding: try Self.encoder.encode(text), as: UTF8.self))
        }
    }

    @Test func emptyContainersAndNestingMatch() throws {
        struct Sample: Encodable { var a: [String] = []; var b: [String: Int] = [:]; var c = [["x"], []]; var d = true; var e = -3 }
        let value = JSONValue.object([("e", .int(-3)), ("d", .bool(true)), ("c", .array([.array([.string("x")]), .array([])])),
                                      ("b", .object([])), ("a", .array([]))])
        #expect(String(decoding: value.prettyBytes, as: UTF8.self) == String(decoding: try Self.encoder.encode(Sample()), as: UTF8.self))
    }
}
