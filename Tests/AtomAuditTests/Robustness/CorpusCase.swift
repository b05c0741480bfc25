import Foundation
import Testing
@testable import AtomAudit
import AtomIO

/// One bad (or tricky) input from `Fixtures/corpus/`, with what the audit must say about it.
///
/// `cases.json` lists every case: its file, where it goes in a copy of the fixture
/// content folder (`as`), why it is there, and the exact diagnostics expected, in the
/// compiler's format (`path:line:column: severity: [code] message`, notes as their own
/// lines). A few cases are too big or too odd to commit; a `generator` builds them
/// from their small seed file.
struct CorpusCase: Decodable, Sendable, CustomTestStringConvertible {
    let name: String
    let file: String
    /// Path relative to the content folder, e.g. `models/tab-indentation.yaml`.
    let placement: String
    let why: String
    let generator: Generator?
    let diagnostics: [String]
    /// Whether the file's value reaches the report: a scored model, a loaded scenario or page, a loaded catalog.
    let loads: Bool

    enum Generator: String, Decodable, Sendable {
        case padTo50MB = "pad-to-50MB"
        case thirtyThousandEvidenceURLs = "thirty-thousand-evidence-urls"
        case symlinkFromModels = "symlink-from-models"
        case symlinkedModelsFolder = "symlinked-models-folder"
        case folderInModels = "folder-in-models"
    }

    enum CodingKeys: String, CodingKey {
        case name, file, placement = "as", why, generator, diagnostics, loads
    }

    var testDescription: String { name }

    /// The case file's bytes as committed.
    func seed() throws -> Data {
        try Data(contentsOf: Corpus.folder.appendingPathComponent(file))
    }

    /// The bytes the audit reads, after the generator (if any) has grown the seed.
    func contents() throws -> Data {
        let seed = try seed()
        switch generator {
        case .padTo50MB:
            let size = 50 * 1024 * 1024
            var data = seed
            data.reserveCapacity(size)
            let line = Data("# padding to make the file fifty megabytes long, which no manifest needs\n".utf8)
            while data.count + line.count <= size { data.append(line) }
            data.append(Data(repeating: UInt8(ascii: "#"), count: size - data.count))
            return data
        case .thirtyThousandEvidenceURLs:
            let text = String(decoding: seed, as: UTF8.self)
            let urls = (0..<30_000).map { "    - https://a.io/\($0)\n" }.joined()
            return Data(text.replacingOccurrences(
                of: "  evidence: [https://github.com/example/corpus]\n", with: "  evidence:\n" + urls).utf8)
        case .symlinkFromModels, .symlinkedModelsFolder, .folderInModels, nil:
            return seed
        }
    }

    /// The fixture content folder with this case put in place, read as `Content`.
    func snapshot() throws -> ContentSnapshot {
        switch generator {
        case .symlinkFromModels, .symlinkedModelsFolder, .folderInModels:
            return try snapshotFromDisk()
        case .padTo50MB, .thirtyThousandEvidenceURLs, nil:
            var snapshot = try Fixture.snapshot()
            snapshot.files[placement] = try contents()
            return snapshot
        }
    }

    /// Cases about the file system itself: a copy of the fixture folder on disk.
    private func snapshotFromDisk() throws -> ContentSnapshot {
        let fileManager = FileManager.default
        let root = fileManager.temporaryDirectory.appendingPathComponent("corpus-\(name)-\(UUID().uuidString)")
        try fileManager.copyItem(at: Fixture.contentURL, to: root)
        defer {
            try? fileManager.removeItem(at: root)
            try? fileManager.removeItem(at: root.appendingPathExtension("outside"))
        }
        let models = root.appendingPathComponent("models")
        switch generator {
        case .symlinkFromModels:
            // The link points at the corpus file, which lies outside the content folder.
            try fileManager.createSymbolicLink(at: models.appendingPathComponent("\(name).yaml"),
                                               withDestinationURL: Corpus.folder.appendingPathComponent(file))
        case .symlinkedModelsFolder:
            // models/ itself links to a folder outside the content folder, which holds the case file.
            let outside = root.appendingPathExtension("outside")
            try fileManager.createDirectory(at: outside, withIntermediateDirectories: false)
            try seed().write(to: outside.appendingPathComponent("\(name).yaml"))
            try fileManager.removeItem(at: models)
            try fileManager.createSymbolicLink(at: models, withDestinationURL: outside)
        case .folderInModels:
            let folder = models.appendingPathComponent(name)
            try fileManager.createDirectory(at: folder, withIntermediateDirectories: false)
            try seed().write(to: folder.appendingPathComponent("corpus-model.yaml"))
        default:
            break
        }
        var snapshot = try ContentReader().read(directory: root.path)
        snapshot.root = "Content"
        // Problems found while reading name the temporary folder; show them as `Content`, like the rest.
        snapshot.readingDiagnostics = snapshot.readingDiagnostics.map { diagnostic in
            var diagnostic = diagnostic
            if let file = diagnostic.location?.file, file.hasPrefix(root.path) {
                diagnostic.location?.file = "Content" + file.dropFirst(root.path.count)
            }
            return diagnostic
        }
        return snapshot
    }

    /// Whether the case's own value made it into the report.
    func loaded(in report: AuditReport) -> Bool {
        let base = (placement as NSString).lastPathComponent
        let id = (base as NSString).deletingPathExtension
        switch (placement as NSString).deletingLastPathComponent {
        case "models": return report.scorecard(id) != nil
        case "scenarios": return report.scenarios.contains { $0.id == id }
        case "pages": return report.page(id) != nil
        default:
            switch base {
            case "licenses.yaml": return report.licenses != nil
            case "rubric.yaml": return report.rubric != nil
            case "site.yaml": return report.site != nil
            default: return false
            }
        }
    }
}

enum Corpus {
    static var folder: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures/corpus")
    }

    struct Manifest: Decodable {
        let cases: [CorpusCase]
    }

    /// Every case of `cases.json`; empty when it cannot be read, which `CorpusManifestTests` reports.
    static let cases: [CorpusCase] = (try? load()) ?? []

    static func load() throws -> [CorpusCase] {
        try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: folder.appendingPathComponent("cases.json"))).cases
    }

    /// Diagnostics in the compiler's format, each note on a line of its own.
    static func lines(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.flatMap { diagnostic in
            [line(diagnostic)] + diagnostic.notes.map(line)
        }
    }

    private static func line(_ diagnostic: Diagnostic) -> String {
        let location = diagnostic.location?.description ?? "-"
        let code = diagnostic.severity == .note ? "" : "[\(diagnostic.code)] "
        return "\(location): \(diagnostic.severity.rawValue): \(code)\(diagnostic.message)"
    }

    /// Audits a snapshot and reads every scenario signpost, as a build would.
    static func auditAndAssess(_ snapshot: ContentSnapshot) -> AuditReport {
        let report = ContentAuditor().audit(snapshot)
        if let rubric = report.rubric {
            let calculator = IndicatorCalculator(scorecards: report.scorecards, rubric: rubric, asOf: report.newestAssessment ?? .referenceDay)
            let outlook = ScenarioAssessor(calculator: calculator).assess(report.scenarios)
            _ = outlook.explanation
            for reading in outlook.assessments.flatMap(\.readings) {
                _ = (reading.formattedValue, reading.thresholdDescription)
            }
        }
        return report
    }
}
