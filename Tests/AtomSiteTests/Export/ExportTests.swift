import Foundation
import Testing
@testable import AtomSite
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite struct ExportTests {
    let files: [String: OutputFile]

    init() throws { files = try SiteFixture.build() }

    func json(_ path: String) throws -> [String: Any] {
        let data = try #require(files[path]?.contents)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// `data/models.json` goes out in a part per batch of models; with batches of two
    /// models (three parts and an end), the joined file and every other file are the
    /// same bytes as with one batch.
    @Test func theCollectionInPartsIsTheSameFileAsInOne() throws {
        let report = try SiteFixture.report()
        var builder = SiteBuilder(templates: try SiteFixture.templates())
        builder.batchSize = 2
        var pieces: [OutputFile] = []
        _ = builder.build(report) { pieces += $0 }
        #expect(pieces.filter { $0.path == "data/models.json" }.map(\.part) == [.first, .middle, .middle, .last])
        let joined = builder.build(report).files
        #expect(Dictionary(uniqueKeysWithValues: joined.map { ($0.path, $0) }) == files)
    }

    @Test func modelsJSONHoldsFactsLevelsTierAndExplanation() throws {
        let root = try json("data/models.json")
        #expect(root["count"] as? Int == 5)
        let models = try #require(root["models"] as? [[String: Any]])
        #expect(models.map { $0["id"] as? String } == ["hosted-fixture", "hostile", "llama-fixture", "open-fixture", "qwen-fixture"])
        let llama = try #require(models.first { $0["id"] as? String == "llama-fixture" })
        #expect(llama["name"] as? String == "Llama Fixture 70B")
        #expect(llama["origin"] as? String == "US")
        #expect(llama["tier"] as? String == "restricted-weights")
        #expect(llama["points"] as? Int == 44)
        let axes = try #require(llama["axes"] as? [String: [String: Any]])
        #expect(axes["license"]?["level"] as? String == "custom-restrictive")
        #expect(axes["data"]?["points"] as? Int == 6)
        #expect(llama["explanation"] as? String == "Restricted weights, not Open weights, because its license is Custom restrictive where OSI-approved or equivalent is needed. Its 44 points exceed the 43 of the least open model that can be Open weights: a tier is decided by the axes it requires, not by the total.")
        #expect((llama["nextTier"] as? [String: Any])?["missing"] as? [String] == ["license must be OSI-approved or equivalent (now Custom restrictive)"])
    }

    @Test func perModelJSONMatchesTheCollection() throws {
        let single = try json("data/models/qwen-fixture.json")
        #expect(single["tier"] as? String == "open-weights")
        #expect(single["url"] as? String == "https://example.org/audit/models/qwen-fixture/")
    }

    @Test func csvHasAHeaderAndOneRowPerModelWithQuotingAndNoFormulas() throws {
        let csv = String(decoding: try #require(files["data/models.csv"]?.contents), as: UTF8.self)
        let lines = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 6)
        #expect(lines[0] == "id,name,developer,origin,family,released,parameters,active_parameters,assessed,weights_level,weights_points,data_level,data_points,code_level,code_points,license_id,license_level,license_points,points,max_points,tier,downloads_as_of,downloads,downloads_30d,likes,derivatives,as_of")
        // A model without adoption figures has empty cells there, never 0.
        #expect(lines.contains("hosted-fixture,Hosted Fixture,Example Cloud,CN,hosted-fixture-family,2025-01-20,,,2025-08-10,hosted,0,undisclosed,0,none,0,,proprietary,0,0,100,closed,,,,,,2025-08-10"))
        // The newest snapshot's figures; one it lacks (likes, derivatives) is empty, not carried over.
        #expect(lines.contains("llama-fixture,Llama Fixture 70B,Meta Fixture,US,llama-fixture-family,2024-07-23,70B,,2025-08-10,open,18,described,6,inference,8,llama3.1,custom-restrictive,12,44,100,restricted-weights,2025-08-01,5600000,650000,,,2025-08-10"))
        #expect(DataExporter.csvField("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(DataExporter.csvField("-5") == "-5")
        #expect(DataExporter.csvField("a, b") == "\"a, b\"")
        #expect(DataExporter.csvField("+") == "\"'+\"")
        #expect(DataExporter.csvField("@x\"y") == "\"'@x\"\"y\"")
        #expect(DataExporter.csvField("it's") == "\"it's\"")
        #expect(DataExporter.csvField("two\nlines") == "\"two\nlines\"")
        #expect(DataExporter.csvField("Ünïcödé · 7B") == "Ünïcödé · 7B")
        #expect(DataExporter.csvField("-1.5e3") == "-1.5e3")
        #expect(DataExporter.csvField("") == "")
    }

    @Test func schemaIsJSONWithTheManifestVocabulary() throws {
        let schema = try json("schema/manifest.schema.json")
        let properties = try #require(schema["properties"] as? [String: Any])
        #expect(Set(properties.keys).isSuperset(of: ["name", "origin", "weights", "data", "code", "assessed"]))
        let data = try #require(properties["data"] as? [String: Any])
        let access = ((data["properties"] as? [String: Any])?["access"] as? [String: Any])?["enum"] as? [String]
        #expect(access == ["undisclosed", "described", "partial", "documented", "released"])
        #expect(schema["additionalProperties"] as? Bool == false)
    }

    @Test(arguments: ["feed.xml", "sitemap.xml", "badges/hostile.svg", "charts/tiers-by-origin.svg", "charts/points-over-time.svg", "charts/axis-heat-map.svg"])
    func xmlOutputsAreWellFormed(_ path: String) throws {
        let data = try #require(files[path]?.contents)
        let parser = XMLParser(data: data)
        #expect(parser.parse(), "\(path): \(String(describing: parser.parserError))")
    }

    @Test func feedAndSitemapUseAbsoluteURLs() throws {
        let feed = String(decoding: try #require(files["feed.xml"]?.contents), as: UTF8.self)
        #expect(feed.contains("<id>https://example.org/audit/models/open-fixture/</id>"))
        #expect(feed.contains("<updated>2025-08-10T00:00:00Z</updated>"))
        let sitemap = String(decoding: try #require(files["sitemap.xml"]?.contents), as: UTF8.self)
        #expect(sitemap.contains("<url><loc>https://example.org/audit/models/llama-fixture/</loc><lastmod>2025-08-10</lastmod></url>"))
        #expect(sitemap.contains("<loc>https://example.org/audit/</loc>"))
        #expect(!sitemap.contains("404"))
        let robots = String(decoding: try #require(files["robots.txt"]?.contents), as: UTF8.self)
        #expect(robots.hasSuffix("Sitemap: https://example.org/audit/sitemap.xml\n"))
    }

    @Test func badgeShowsTierAndPoints() throws {
        let badge = String(decoding: try #require(files["badges/llama-fixture.svg"]?.contents), as: UTF8.self)
        #expect(badge.contains("Restricted weights · 44/100"))
        #expect(badge.contains(TierStyle.color(for: "restricted-weights")))
    }

    @Test func buildsAreByteIdentical() throws {
        let again = try SiteFixture.build()
        #expect(again.keys.sorted() == files.keys.sorted())
        for (path, file) in files { #expect(again[path]?.contents == file.contents, "\(path) differs") }
    }
}
