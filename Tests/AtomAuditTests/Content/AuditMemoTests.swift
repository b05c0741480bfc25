import Foundation
import Testing
@testable import AtomAudit

@Suite struct AuditMemoTests {
    /// The fixture content with made-up object ids, as a git reader would give them.
    func snapshot(editing edits: [String: String] = [:]) throws -> ContentSnapshot {
        var snapshot = try Fixture.snapshot(replacing: edits)
        for path in snapshot.files.keys { snapshot.objectIDs[path] = "v1 \(path)" }
        for path in edits.keys { snapshot.objectIDs[path] = "v2 \(path)" }
        return snapshot
    }

    @Test func aFileVersionIsDecodedOnceAcrossAudits() throws {
        var memo = AuditMemo()
        let auditor = ContentAuditor()
        let first = auditor.audit(try snapshot(), memo: &memo)
        let files = memo.decodedFiles
        #expect(files == 5, "site, rubric, licenses and two manifests")
        _ = auditor.audit(try snapshot(), memo: &memo)
        #expect(memo.decodedFiles == files, "nothing new to decode")
        let open = try String(contentsOf: Fixture.contentURL.appendingPathComponent("models/open-fixture.yaml"), encoding: .utf8)
        let edited = auditor.audit(try snapshot(editing: ["models/open-fixture.yaml": open.replacingOccurrences(of: "access: released", with: "access: partial")]), memo: &memo)
        #expect(memo.decodedFiles == files + 1, "only the edited manifest")
        #expect(edited.scorecard("open-fixture")?.axis(.data)?.level.id == "partial")
        #expect(first.scorecards.map(\.points) == auditor.audit(try snapshot()).scorecards.map(\.points))
    }

    @Test func aManifestIsDecodedAgainWhenTheLicenseCatalogChanges() throws {
        var memo = AuditMemo()
        let auditor = ContentAuditor()
        _ = auditor.audit(try snapshot(), memo: &memo)
        let licenses = try String(contentsOf: Fixture.contentURL.appendingPathComponent("licenses.yaml"), encoding: .utf8)
        // Apache-2.0 leaves the catalog, so the open fixture's license is now unknown.
        let withoutApache = licenses.replacingOccurrences(of: "- id: Apache-2.0", with: "- id: Apache-3.0")
        let report = auditor.audit(try snapshot(editing: ["licenses.yaml": withoutApache]), memo: &memo)
        #expect(report.diagnostics.contains { $0.code == "unknown-license" && $0.location?.file == "Content/models/open-fixture.yaml" })
        #expect(memo.decodedFiles == 5 + 3, "the catalog and both manifests")
    }

    @Test func withoutObjectIDsTheReportIsTheSameAndNothingIsKept() throws {
        var memo = AuditMemo()
        let plain = try Fixture.snapshot(replacing: ["models/broken.yaml": "name: [unclosed\n"])
        let report = ContentAuditor().audit(plain, memo: &memo)
        #expect(report.diagnostics == ContentAuditor().audit(plain).diagnostics)
        #expect(memo.manifests.isEmpty && memo.scorecards.isEmpty)
    }
}
