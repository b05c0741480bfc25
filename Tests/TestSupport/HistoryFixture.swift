import Foundation

/// Content for history tests: the fixture content folder of AtomAuditTests, a scenario,
/// and manifests written to order.
public enum HistoryFixture {
    /// `Tests/AtomAuditTests/Fixtures/content`: rubric 1.0, the license catalog, site.yaml,
    /// a hosted Chinese model and a truly open US one.
    public static var content: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("AtomAuditTests/Fixtures/content")
    }

    /// One signpost, met while China has no model at open weights or better.
    public static let scenario = """
        ---
        title: Continued divergence
        order: 1
        summary: China keeps its lead.
        signposts:
          - text: China has no open-weights-or-better model
            indicator: count-at-least-tier
            tier: open-weights
            origin: CN
            equals: 0
        ---
        Narrative.
        """

    public static func manifest(name: String, origin: String = "US", license: String = "Apache-2.0", data: String = "undisclosed") -> String {
        """
        name: \(name)
        developer: Example Lab
        origin: \(origin)
        family: \(name.lowercased().replacingOccurrences(of: " ", with: "-"))
        weights:
          access: open
          license: \(license)
          evidence: [https://huggingface.co/example/\(name.lowercased().replacingOccurrences(of: " ", with: "-"))]
        data:
          access: \(data)
        \(data == "undisclosed" ? "" : "  evidence: [https://arxiv.org/abs/2501.00001]")
        code:
          access: none
        assessed: 2025-08-10
        """
    }

    /// A rubric 1.1 that gives hosted weights 2 points and open weights with checkpoints
    /// 30: every model of the fixture content scores differently.
    public static func bumpRubric(in repository: TestRepository) throws {
        let rubric = "Content/rubric.yaml"
        try repository.replace(#"version: "1.0""#, with: #"version: "1.1""#, in: rubric)
        try repository.replace("label: Hosted only\n        points: 0", with: "label: Hosted only\n        points: 2", in: rubric)
        try repository.replace("label: Open weights\n        points: 18", with: "label: Open weights\n        points: 20", in: rubric)
        try repository.replace("label: Open with checkpoints\n        points: 25", with: "label: Open with checkpoints\n        points: 30", in: rubric)
    }

    /// The story most history tests read: a model added, changed, renamed, broken for one
    /// commit, rubric 1.1, then removed; one commit outside the content. Returns the ids
    /// of the commits that touch the content, oldest first.
    public static func story(in repository: TestRepository) throws -> [String] {
        var ids: [String] = []
        try repository.copy(content, to: "Content")
        try repository.write("Content/scenarios/divergence.md", scenario)
        ids.append(try repository.commit("Add the fixture content", date: "2025-01-01"))
        try repository.write("Content/models/acme-7b.yaml", manifest(name: "Acme 7B"))
        ids.append(try repository.commit("Add Acme 7B", date: "2025-01-02"))
        try repository.write("README.md", "Not content.\n")
        try repository.commit("Outside the content", date: "2025-01-02")
        try repository.write("Content/models/acme-7b.yaml", manifest(name: "Acme 7B", data: "described"))
        ids.append(try repository.commit("Describe Acme's data", date: "2025-01-03"))
        try repository.move("Content/models/acme-7b.yaml", to: "Content/models/acme-7b-instruct.yaml")
        ids.append(try repository.commit("Rename acme-7b", date: "2025-01-04"))
        try repository.write("Content/models/acme-7b-instruct.yaml", manifest(name: "Acme 7B", license: "inf", data: "described"))
        ids.append(try repository.commit("Typo in Acme's license", date: "2025-01-05"))
        try repository.write("Content/models/acme-7b-instruct.yaml", manifest(name: "Acme 7B", data: "described"))
        try repository.replace("access: hosted", with: "access: open\n  license: Apache-2.0\n  evidence: [https://huggingface.co/example/hosted]",
                               in: "Content/models/hosted-fixture.yaml")
        ids.append(try repository.commit("Fix the license; the hosted fixture opens its weights", date: "2025-01-06"))
        try bumpRubric(in: repository)
        ids.append(try repository.commit("Rubric 1.1", date: "2025-01-07"))
        try repository.remove("Content/models/acme-7b-instruct.yaml")
        ids.append(try repository.commit("Remove Acme", date: "2025-01-08"))
        return ids
    }
}
