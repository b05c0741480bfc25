@_spi(Fuzzing) import AtomAudit
import Foundation
import FuzzerDriver

/// Runs libFuzzer with the command line, e.g. `FuzzContent corpus/ -max_total_time=600`.
@main
enum FuzzContentMain {
    static func main() {
        // Lazy globals (the base content, Yams' resolver, country names) are created
        // once and kept. Made here, before the first input, they are not counted
        // against an input when leak detection is turned on.
        for role in Role.allCases { _ = fuzzContent([role.selector], 1) }
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { bytes, count in
            guard let bytes else { return 0 }
            return fuzzContent(bytes, count)
        })
    }
}

/// One input, run through the whole audit as one content file.
///
/// The first byte chooses which file the rest of the input becomes (see `Role`); the
/// other files come from the project's real `Content/`, so a fuzzed manifest is scored
/// with the real rubric and license catalog, and a fuzzed rubric or catalog scores real
/// manifests. Every run ends with the scenario assessment a build does.
///
/// Before that, the two YAML readers are compared on the text (and on its front
/// matter): whatever `BlockYAMLParser` accepts must read exactly as Yams reads it, the
/// same tree, text, style, tag and position of every node. A difference traps, so
/// libFuzzer keeps the input as a crash.
func fuzzContent(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let role = Role(selector: bytes[0])
    let file = Data(UnsafeBufferPointer(start: bytes + 1, count: count - 1))
    compareReaders(file)
    var snapshot = BaseContent.snapshot
    snapshot.files[role.path] = file
    let report = ContentAuditor(today: BaseContent.today).audit(snapshot)
    BaseContent.assessScenarios(report)
    return 0
}

/// Which content file the fuzzed bytes replace.
enum Role: CaseIterable {
    // New roles go last, so the selector bytes of existing seeds keep their meaning.
    case manifest, licenses, rubric, scenario, page, site, coverage

    init(selector: UInt8) {
        let roles = Role.allCases
        self = roles[Int(selector) % roles.count]
    }

    /// The selector byte seeds start with (`make-seeds.sh` writes the same numbers).
    var selector: UInt8 { UInt8(Role.allCases.firstIndex(of: self) ?? 0) }

    var path: String {
        switch self {
        case .manifest: "models/fuzzed.yaml"
        case .licenses: "licenses.yaml"
        case .rubric: "rubric.yaml"
        case .scenario: "scenarios/fuzzed.md"
        case .page: "pages/fuzzed.md"
        case .site: "site.yaml"
        case .coverage: "coverage.yaml"
        }
    }
}

/// The real content every input is audited with, read once.
enum BaseContent {
    /// A fixed day, so review warnings (stale, future) are exercised and runs repeat.
    static let today = CalendarDate(year: 2025, month: 9, day: 1)

    /// The two manifests kept beside the fuzzed file: enough for duplicate-name checks,
    /// indicators and signposts to have something to compare, few enough to stay fast.
    static let keptManifests = ["models/olmo-2-32b.yaml", "models/qwen2.5-72b-instruct.yaml"]

    static let snapshot: ContentSnapshot = {
        let directory = ProcessInfo.processInfo.environment["ATOM_FUZZ_CONTENT"]
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Content").path
        guard var full = try? ContentReader().read(directory: directory) else {
            fatalError("cannot read the content folder '\(directory)'; set ATOM_FUZZ_CONTENT")
        }
        // Pages feed nothing else, so only a fuzzed page is audited; every other file
        // costs a parse on every run.
        full.files = full.files.filter { path, _ in
            path.hasPrefix("models/") ? keptManifests.contains(path) : !path.hasPrefix("pages/")
        }
        return full
    }()

    /// What a build does after the audit: every signpost read, every value formatted.
    static func assessScenarios(_ report: AuditReport) {
        guard let rubric = report.rubric else { return }
        let calculator = IndicatorCalculator(scorecards: report.scorecards, rubric: rubric, asOf: report.newestAssessment ?? .referenceDay)
        let outlook = ScenarioAssessor(calculator: calculator).assess(report.scenarios)
        _ = outlook.explanation
        for reading in outlook.assessments.flatMap(\.readings) {
            _ = (reading.formattedValue, reading.thresholdDescription)
        }
        for card in report.scorecards {
            _ = (card.tierReason, card.nextTier?.shortfalls.map(\.summary))
        }
    }
}

/// Traps when the block parser reads the bytes (as UTF-8 text) differently from Yams.
func compareReaders(_ file: Data) {
    guard let text = String(validating: file, as: UTF8.self),
          let difference = YAMLReaderComparison.differenceInContentFile(text) else { return }
    fatalError("BlockYAMLParser and Yams disagree: \(difference)")
}
