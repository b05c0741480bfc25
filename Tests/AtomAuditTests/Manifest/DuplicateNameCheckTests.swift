import Foundation
import Testing
@testable import AtomAudit

@Suite struct DuplicateNameCheckTests {
    /// The key trims what Foundation's `.whitespaces` trims, without bridging to NSString
    /// for each of 10,000 names.
    @Test(arguments: [
        "Open Fixture 7B", "  Open Fixture 7B\t", "OPEN fixture 7b", "\u{00A0}Name\u{2003}", "\u{3000}名前\u{3000}",
        "Name\n", "\nName", " \t ", "", "Ünïcödé Ⅻ", "a\u{200B}", "\u{1680}x\u{202F}", "İstanbul", "ﬁne",
    ])
    func keyMatchesFoundationTrimming(_ name: String) {
        #expect(DuplicateNameCheck.key(name) == name.lowercased().trimmingCharacters(in: .whitespaces))
    }
}
