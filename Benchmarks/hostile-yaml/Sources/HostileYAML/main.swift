import AtomAudit
import Foundation

// Times (in CPU time) the audit of one hostile manifest (read, parse, decode, every diagnostic) at
// sizes N, 2N, 4N and 8N, beside the real license catalog. Repetitions go round the
// sizes (N, 2N, 4N, 8N, N, 2N, ...) so a change in the machine's load hits every size
// alike; the table shows the median of each and the ratio of each size's median to the
// one before. Linear code doubles (about 2.0); quadratic code quadruples.

struct Options {
    var content = "Content"
    /// N in bytes. The default 8N is the 1 MiB a content file may have (YAMLLimits).
    var base = 128 * 1024
    var reps = 5
    var only: String?
    /// A shape whose single run takes longer than this skips its larger sizes.
    var budget: Duration = .seconds(20)
    /// Print this shape at size N instead of timing anything.
    var dump: String?

    init(_ arguments: [String]) {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            let value = iterator.next() ?? ""
            switch argument {
            case "--content": content = value
            case "--base": base = Int(value) ?? base
            case "--reps": reps = max(1, Int(value) ?? reps)
            case "--only": only = value
            case "--budget": budget = .seconds(Double(value) ?? 20)
            case "--dump": dump = value
            default:
                FileHandle.standardError.write(Data("unknown option \(argument); see run.sh\n".utf8))
                exit(2)
            }
        }
    }
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
let sizes = [1, 2, 4, 8].map { $0 * options.base }
// Room for the largest size, in case N is raised past the default limit.
let limits = YAMLLimits(maxBytes: max(YAMLLimits.default.maxBytes, sizes.last ?? 0))

/// CPU time of the whole process (every thread): unlike wall time, it hardly moves
/// when other work shares the machine's cores, which on a shared machine made the
/// ratios of small timings swing by 2 either way.
func processTime() -> Duration {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return .seconds(time.tv_sec) + .nanoseconds(time.tv_nsec)
}

func audit(_ manifest: Data, beside licenses: Data) -> (Duration, Int) {
    let snapshot = ContentSnapshot(root: "Content", files: ["licenses.yaml": licenses, "models/hostile.yaml": manifest])
    let start = processTime()
    let report = ContentAuditor(limits: limits).audit(snapshot)
    let elapsed = processTime() - start
    // The fixture has no rubric or site settings; those two errors are not the shape's.
    return (elapsed, report.diagnostics(forFile: "Content/models/hostile.yaml").count)
}

/// Writes a line at once (unbuffered), so a long run shows each shape as it finishes.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1e3 + Double(duration.components.attoseconds) / 1e15
}

func format(_ value: Double?) -> String {
    guard let value else { return "—" }
    return value >= 100 ? String(format: "%.0f", value) : String(format: "%.1f", value)
}

if let name = options.dump {
    guard let shape = Shape.all.first(where: { $0.name == name }) else {
        FileHandle.standardError.write(Data("no shape '\(name)'; shapes: \(Shape.all.map(\.name).joined(separator: ", "))\n".utf8))
        exit(2)
    }
    FileHandle.standardOutput.write(Data(shape.make(options.base).utf8))
    exit(0)
}

guard let licenses = FileManager.default.contents(atPath: options.content + "/licenses.yaml") else {
    FileHandle.standardError.write(Data("no licenses.yaml in \(options.content); pass --content\n".utf8))
    exit(2)
}
let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
say("hostile YAML: median CPU ms of \(options.reps) runs per size, N = \(options.base / 1024) KiB; load average \(load); \(ProcessInfo.processInfo.activeProcessorCount) cores")
say("")
say("| shape | N | 2N | 4N | 8N | ×2N/N | ×4N/2N | ×8N/4N | errors at 8N |")
say("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
var worst: (shape: String, ratio: Double) = ("", 0)
for shape in Shape.all where options.only.map({ shape.name.contains($0) }) ?? true {
    let inputs = sizes.map { Data(shape.make($0).utf8) }
    var times: [[Double]] = Array(repeating: [], count: sizes.count)
    var diagnostics = Array(repeating: 0, count: sizes.count)
    var skippedFrom = sizes.count
    // One untimed run at N warms up lazy globals and the allocator.
    _ = audit(inputs[0], beside: licenses)
    for _ in 0..<options.reps {
        for index in 0..<sizes.count where index < skippedFrom {
            let (elapsed, count) = audit(inputs[index], beside: licenses)
            times[index].append(milliseconds(elapsed))
            diagnostics[index] = count
            // Over budget: this size is done (one run is its median) and larger ones skipped.
            if elapsed > options.budget { skippedFrom = index }
        }
    }
    let medians: [Double?] = times.map { runs in
        guard !runs.isEmpty else { return nil }
        let sorted = runs.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
    let ratios: [Double?] = (1..<sizes.count).map { index in
        guard let later = medians[index], let earlier = medians[index - 1], earlier > 0 else { return nil }
        return later / earlier
    }
    for ratio in ratios.compactMap({ $0 }) where ratio > worst.ratio { worst = (shape.name, ratio) }
    let cells = medians.map(format) + ratios.map { $0.map { String(format: "%.2f", $0) } ?? "—" }
    say("| \(shape.name) | " + cells.joined(separator: " | ") + " | \(times[sizes.count - 1].isEmpty ? "—" : String(diagnostics[sizes.count - 1])) |")
}
say("")
say("Largest ratio per doubling: \(String(format: "%.2f", worst.ratio)) (\(worst.shape)); about 2 is linear, about 4 quadratic. A dash: skipped after a run over \(options.budget).")
