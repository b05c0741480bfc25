import AtomAudit
import Foundation
import Testing
@testable import AtomSite

/// The streamed JSON must be the bytes `JSONEncoder` gives (pretty, sorted keys,
/// slashes unescaped), which is what the downloads published before it.
@Suite struct JSONWriterTests {
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    @Test(arguments: ["Fixtures/content", "Fixtures/hostile-content"])
    func everyRecordIsWrittenAsJSONEncoderWritesIt(_ fixture: String) throws {
        let report = try SiteFixture.report(contentPath: Bundle.module.resourceURL!.appendingPathComponent(fixture).path)
        #expect(!report.scorecards.isEmpty)
        // One field table, two writers: the streamed bytes must be what JSONEncoder makes
        // of the same fields as a tree.
        let writer = RecordWriter(context: RecordContext(baseURL: "https://example.org/audit/", asOf: CalendarDate("2026-12-06")!))
        for card in report.scorecards {
            #expect(String(decoding: writer.json(card), as: UTF8.self) == String(decoding: try Self.encoder.encode(writer.tree(card)), as: UTF8.self),
                    "\(card.id)")
        }
    }

    @Test func stringsEscapeAsJSONEncoderEscapesThem() throws {
        let every = String(String.UnicodeScalarView((0..<0x80).compactMap(Unicode.Scalar.init))) + "/é\u{2028}😀\\\""
        for text in [every, "", "a/b", "\u{7F}"] {
            var writer = JSONWriter()
            writer.string(text)
            #expect(String(decoding: writer.bytes, as: UTF8.self) == String(decoding: try Self.encoder.encode(text), as: UTF8.self))
        }
    }

    @Test func emptyContainersAndNestingMatch() throws {
        struct Sample: Encodable { var a: [String] = []; var b: [String: Int] = [:]; var c = [["x"], []]; var d = true; var e = -3 }
        var writer = JSONWriter()
        writer.openObject()
        writer.member("a", strings: [])
        writer.key("b")
        writer.openObject()
        writer.closeObject()
        writer.key("c")
        writer.openArray()
        writer.element()
        writer.openArray()
        writer.element()
        writer.string("x")
        writer.closeArray()
        writer.element()
        writer.openArray()
        writer.closeArray()
        writer.closeArray()
        writer.key("d")
        writer.bool(true)
        writer.member("e", -3)
        writer.closeObject()
        #expect(String(decoding: writer.bytes, as: UTF8.self) == String(decoding: try Self.encoder.encode(Sample()), as: UTF8.self))
    }
}
