import Foundation
import Testing
import TestSupport
@testable import AtomSite

@Suite struct PNGEncoderTests {
    @Test func pixelsAndPaletteComeBackAsWritten() throws {
        var generator = SplitMix(seed: 18)
        // Runs, repeated rows and noise: every kind of match the deflater makes, and literals.
        let width = 97, height = 41
        let pixels = (0..<width * height).map { index -> UInt8 in
            let row = index / width
            if row % 3 == 0 { return UInt8(index % width / 10 % 4) }
            return row % 3 == 1 ? UInt8.random(in: 0...3, using: &generator) : 2
        }
        let palette: [UInt32] = [0xFFFFFF, 0x000000, 0x116329, 0x0550AE]
        let png = try PNGReader(PNGEncoder(palette: palette).encode(width: width, height: height, pixels: pixels))
        #expect(png.width == width && png.height == height)
        #expect(png.palette == palette)
        #expect(png.pixels == pixels)
    }

    @Test func deflateRoundTripsLongRunsAndAllByteValues() throws {
        var generator = SplitMix(seed: 7)
        var data = [UInt8](repeating: 9, count: 70_000) + (0...255).map(UInt8.init)
        data += (0..<5_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let deflated = Deflater(rowLength: 1201).deflate(data)
        #expect(try PNGReader.inflate(deflated) == data)
        #expect(deflated.count < 6_000)
    }

    @Test func checksumsMatchTheirReferenceValues() {
        // The check values of CRC-32 and Adler-32 for "123456789".
        #expect(PNGEncoder.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(PNGEncoder.adler32(Array("123456789".utf8)) == 0x091E_01DE)
    }
}

@Suite struct SocialPreviewTests {
    let files: [String: OutputFile]

    init() throws { files = try SiteFixture.build() }

    @Test func previewIsA1200By630PNGWithTheTitleBand() throws {
        let file = try #require(files["social/preview.png"])
        let png = try PNGReader(Array(file.contents))
        #expect(png.width == 1200 && png.height == 630)
        #expect(png.color(x: 8, y: 8) == 0x116329, "the title band is the site's green")
        #expect(png.color(x: 1190, y: 620) == 0xFFFFFF)
        // The title is drawn: white pixels inside the band, dark text below it.
        let band = (48..<102).flatMap { y in (64..<600).map { png.color(x: $0, y: y) } }
        #expect(band.contains(0xFFFFFF))
        #expect(png.pixels.contains { png.palette[Int($0)] == 0x1F2328 })
        // Small enough for every network's limit, and for the repository.
        #expect(file.contents.count < 60_000, "\(file.contents.count) bytes")
        #expect(try SiteFixture.build()["social/preview.png"]?.contents == file.contents, "the same site gives the same bytes")
    }

    @Test func everyPageHasOpenGraphAndTwitterCardTags() throws {
        for path in files.keys.sorted() where path.hasSuffix(".html") {
            let page = try SiteFixture.html(path, in: files)
            func meta(_ key: String) -> String? {
                page.all("meta").first { $0["property"] == key || $0["name"] == key }?["content"]
            }
            let canonical = page.all("link").first { $0["rel"] == "canonical" }?["href"]
            #expect(meta("og:url") == canonical && canonical?.hasPrefix("https://example.org/audit/") == true, "\(path)")
            #expect(meta("og:image") == "https://example.org/audit/social/preview.png", "\(path)")
            #expect(meta("twitter:image") == meta("og:image") && meta("twitter:card") == "summary_large_image", "\(path)")
            #expect(meta("og:site_name") == "Fixture audit", "\(path)")
            #expect(meta("og:image:alt")?.hasPrefix("Fixture audit. 5 models assessed · 1 truly open. US: ") == true, "\(path)")
            #expect(meta("og:image:width") == "1200" && meta("og:image:height") == "630", "\(path)")
            for key in ["og:title", "og:description", "twitter:title", "twitter:description", "og:type"] {
                #expect(!(meta(key) ?? "").isEmpty, "\(path): \(key)")
            }
            #expect(meta("og:description") == page.all("meta").first { $0["name"] == "description" }?["content"], "\(path)")
        }
    }

    @Test func aScorecardIsTitledAndPreviewedAsItsModel() throws {
        let page = try SiteFixture.html("models/llama-fixture/index.html", in: files)
        #expect(page.first("title")?.text == "Llama Fixture 70B · Fixture audit")
        let tags = Dictionary(page.all("meta").compactMap { meta in (meta["property"] ?? meta["name"]).map { ($0, meta["content"] ?? "") } }) { a, _ in a }
        #expect(tags["og:title"] == "Llama Fixture 70B" && tags["twitter:title"] == "Llama Fixture 70B")
        #expect(tags["og:type"] == "article")
        #expect(tags["og:url"] == "https://example.org/audit/models/llama-fixture/")
        let home = try SiteFixture.html("index.html", in: files)
        #expect(home.first("title")?.text == "Fixture audit")
        #expect(home.all("meta").first { $0["property"] == "og:type" }?["content"] == "website")
    }
}
