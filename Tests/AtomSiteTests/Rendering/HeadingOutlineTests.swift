import Foundation
import Testing
@testable import AtomSite

/// Screen-reader users move through a page by its headings: every page, in both editions,
/// opens with its one h1 and never skips a level on the way down (an h1 followed by an
/// h3 reads as if a section were missing).
@Suite struct HeadingOutlineTests {
    /// The heading levels of a page, in document order.
    static func levels(_ page: HTMLElement) -> [Int] {
        page.descendants.compactMap { element in
            guard element.name.count == 2, element.name.hasPrefix("h"), let level = Int(element.name.dropFirst()),
                  (1...6).contains(level) else { return nil }
            return level
        }
    }

    /// What is wrong with an outline, or nil when nothing is.
    static func problem(_ levels: [Int]) -> String? {
        guard levels.first == 1 else { return "starts at h\(levels.first ?? 0), not h1" }
        let h1s = levels.count { $0 == 1 }
        guard h1s == 1 else { return "has \(h1s) h1 elements" }
        for (previous, next) in zip(levels, levels.dropFirst()) where next > previous + 1 {
            return "jumps from h\(previous) to h\(next)"
        }
        return nil
    }

    /// Every HTML page and every Markdown page (read as GitHub renders it) with a bad outline.
    static func problems(in files: [String: OutputFile]) -> [String] {
        let cmark = MarkdownRenderer()
        var found: [String] = []
        for (path, file) in files.sorted(by: { $0.key < $1.key }) {
            let text = String(decoding: file.contents, as: UTF8.self)
            let page: HTMLElement
            if path.hasSuffix(".html") {
                page = HTMLDocument.parse(text)
            } else if path.hasSuffix(".md") {
                page = HTMLDocument.parse(cmark.html(from: text))
            } else {
                continue
            }
            if let problem = problem(levels(page)) { found.append("\(path) \(problem): \(levels(page))") }
        }
        return found
    }

    static func site(from content: String) throws -> [String: OutputFile] {
        let result = SiteBuilder(templates: try SiteFixture.templates()).build(try SiteFixture.report(contentPath: content))
        #expect(!result.diagnostics.containsErrors)
        return Dictionary(uniqueKeysWithValues: result.files.map { ($0.path, $0) })
    }

    @Test func theOutlineCheckCatchesGaps() {
        #expect(Self.problem([1, 2, 3, 2, 3, 4]) == nil)
        #expect(Self.problem([1, 3]) == "jumps from h1 to h3")
        #expect(Self.problem([2, 1]) == "starts at h2, not h1")
        #expect(Self.problem([1, 2, 1]) == "has 2 h1 elements")
    }

    @Test func everyPageOfTheFixtureSite() throws {
        let files = try SiteFixture.build()
        #expect(files.keys.count { $0.hasSuffix(".html") } > 10)
        #expect(Self.problems(in: files) == [])
    }

    @Test func everyPageOfTheHostileFixtureSite() throws {
        let content = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures/hostile-content").path
        #expect(Self.problems(in: try Self.site(from: content)) == [])
    }

    @Test func everyPageOfTheRealContent() throws {
        let files = try Self.site(from: SiteFixture.repositoryRoot.appendingPathComponent("Content").path)
        #expect(files.keys.count { $0.hasPrefix("models/") && $0.hasSuffix("index.html") } > 100)
        #expect(Self.problems(in: files) == [])
    }
}
