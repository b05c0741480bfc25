import Foundation
import Testing
@testable import AtomAudit

/// The editor appends one snapshot and leaves every other byte as it was; each expected
/// output is written out in full, and each must load through the loader with the snapshot.
@Suite struct AdoptionSnapshotEditorTests {
    static let snapshot = AdoptionSnapshot(
        date: CalendarDate(year: 2025, month: 9, day: 1)!, downloads: 1500, downloadsLast30Days: 300, likes: 12,
        derivatives: DerivativeCounts(fineTunes: 4, adapters: 1, quantizations: 9, merges: 0),
        sources: ["https://huggingface.co/api/models/example/subject"])

    static let item = """
            - as-of: 2025-09-01
              downloads: 1500
              downloads-30d: 300
              likes: 12
              derivatives: {fine-tunes: 4, adapters: 1, quantizations: 9, merges: 0}
              source: https://huggingface.co/api/models/example/subject

        """

    /// The fixture manifest's facts, then `tail` (the adoption block and what follows it).
    private func manifest(_ tail: String) -> String {
        Fixture.validManifest.replacingOccurrences(of: "assessed: 2025-08-10", with: "") + tail
    }

    private func append(_ text: String, _ snapshot: AdoptionSnapshot = Self.snapshot,
                        sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
        let edited = try AdoptionSnapshotEditor().appending(snapshot, to: text)
        let problem = AdoptionEditCheck(today: CalendarDate(year: 2025, month: 9, day: 1))
            .check(original: text, edited: edited, relativePath: "models/subject.yaml", in: try Fixture.snapshot(), appended: snapshot)
        #expect(problem == nil, "\(problem?.description ?? "")", sourceLocation: sourceLocation)
        return edited
    }

    @Test func appendsToTheListAtItsIndentation() throws {
        let before = manifest("""
            adoption:
              repositories: [example/subject]
              snapshots:
                - as-of: 2025-06-01
                  downloads: 1200
                  source: https://huggingface.co/example/subject
            assessed: 2025-08-10

            """)
        let after = manifest("""
            adoption:
              repositories: [example/subject]
              snapshots:
                - as-of: 2025-06-01
                  downloads: 1200
                  source: https://huggingface.co/example/subject
            \(Self.item)assessed: 2025-08-10

            """)
        #expect(try append(before) == after)
    }

    @Test func followsAListWrittenAtItsKeysIndentation() throws {
        let before = manifest("""
            adoption:
                snapshots:
                -   as-of: 2025-06-01
                    likes: 3
                    source: https://huggingface.co/example/subject
                repositories:
                - example/subject
            assessed: 2025-08-10

            """)
        let after = manifest("""
            adoption:
                snapshots:
                -   as-of: 2025-06-01
                    likes: 3
                    source: https://huggingface.co/example/subject
                -   as-of: 2025-09-01
                    downloads: 1500
                    downloads-30d: 300
                    likes: 12
                    derivatives: {fine-tunes: 4, adapters: 1, quantizations: 9, merges: 0}
                    source: https://huggingface.co/api/models/example/subject
                repositories:
                - example/subject
            assessed: 2025-08-10

            """)
        #expect(try append(before) == after)
    }

    @Test func addsTheListUnderAdoptionWhenAbsent() throws {
        let before = manifest("""
            adoption:
              repositories:
                - example/subject
                - example/subject-Base
            assessed: 2025-08-10

            """)
        let after = manifest("""
            adoption:
              repositories:
                - example/subject
                - example/subject-Base
              snapshots:
            \(Self.item)assessed: 2025-08-10

            """)
        #expect(try append(before) == after)
    }

    @Test func keepsCommentsWhereTheyWere() throws {
        let before = manifest("""
            adoption:   # official repositories only
              # the instruct model is the one people download
              repositories: [example/subject, example/subject-Base]  # two
              snapshots:  # oldest first
                - as-of: 2025-06-01   # first count
                  downloads: 1200
                  source: https://huggingface.co/example/subject
                # a comment after the list stays after the new item

            # Checked by hand.
            assessed: 2025-08-10

            """)
        let after = manifest("""
            adoption:   # official repositories only
              # the instruct model is the one people download
              repositories: [example/subject, example/subject-Base]  # two
              snapshots:  # oldest first
                - as-of: 2025-06-01   # first count
                  downloads: 1200
                  source: https://huggingface.co/example/subject
            \(Self.item)    # a comment after the list stays after the new item

            # Checked by hand.
            assessed: 2025-08-10

            """)
        #expect(try append(before) == after)
    }

    @Test func keepsWindowsLineEndings() throws {
        let lf = manifest("""
            adoption:
              repositories: [example/subject]
            assessed: 2025-08-10

            """)
        let before = lf.replacingOccurrences(of: "\n", with: "\r\n")
        let after = manifest("""
            adoption:
              repositories: [example/subject]
              snapshots:
            \(Self.item)assessed: 2025-08-10

            """).replacingOccurrences(of: "\n", with: "\r\n")
        let edited = try append(before)
        #expect(Array(edited.utf8) == Array(after.utf8))
    }

    @Test func keepsAMissingFinalNewlineMissing() throws {
        let before = "assessed: 2025-08-10\n" + manifest("""
            adoption:
              repositories: [example/subject]
              snapshots:
                - as-of: 2025-06-01
                  likes: 3
                  source: https://huggingface.co/example/subject
            """).replacingOccurrences(of: "assessed: 2025-08-10", with: "")
        #expect(!before.hasSuffix("\n"))
        var item = Self.item
        item.removeLast()
        #expect(try append(before) == before + "\n" + item)
    }

    @Test func writesAnEmptyListOutInBlockStyle() throws {
        for empty in ["[]", "[ ]", "~", "null"] {
            let before = manifest("""
                adoption:
                  repositories: [example/subject]
                  snapshots: \(empty)  # none yet
                assessed: 2025-08-10

                """)
            let after = manifest("""
                adoption:
                  repositories: [example/subject]
                  snapshots:  # none yet
                \(Self.item)assessed: 2025-08-10

                """)
            #expect(try append(before) == after, "\(empty)")
        }
    }

    @Test func listsSeveralSourcesAndLeavesOutUnknownFigures() throws {
        let snapshot = AdoptionSnapshot(
            date: CalendarDate(year: 2025, month: 9, day: 1)!, likes: 7, derivatives: DerivativeCounts(merges: 2),
            sources: ["https://huggingface.co/api/models/example/subject", "https://huggingface.co/api/models/example/subject-Base"])
        let before = "\u{FEFF}" + manifest("""
            adoption:
              repositories: [example/subject, example/subject-Base]
            assessed: 2025-08-10
            """)
        let after = "\u{FEFF}" + manifest("""
            adoption:
              repositories: [example/subject, example/subject-Base]
              snapshots:
                - as-of: 2025-09-01
                  likes: 7
                  derivatives: {fine-tunes: 0, adapters: 0, quantizations: 0, merges: 2}
                  source:
                    - https://huggingface.co/api/models/example/subject
                    - https://huggingface.co/api/models/example/subject-Base
            assessed: 2025-08-10
            """)
        #expect(try append(before, snapshot) == after)
    }

    @Test func refusesWhatItCannotAppendToLineByLine() throws {
        let editor = AdoptionSnapshotEditor()
        let cases: [(String, AdoptionSnapshotEditor.Failure)] = [
            ("name: x\nadoption: {repositories: [example/subject]}\n", .flowStyle("adoption")),
            ("name: x\nadoption:\n  snapshots: [{as-of: 2025-06-01, likes: 1, source: https://example.org}]\n", .flowStyle("adoption.snapshots")),
            ("name: x\nadoption:\n  snapshots: many\n", .snapshotsNotAList),
            ("name: x\n", .noAdoption),
            ("name: [x\n", .unreadable("YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence that started at line 1, column 7); expected ',' between the items of the list and a ']' to close it")),
        ]
        for (text, failure) in cases {
            #expect(throws: failure) { try editor.appending(Self.snapshot, to: text) }
        }
    }
}
