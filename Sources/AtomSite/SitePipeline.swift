import AtomAudit
import AtomIO
import Foundation

/// The whole build, from a content folder to a written site: read → audit → load
/// templates → render → write. `build` runs it once; `serve` runs it on every change.
/// Only the first and last stages touch the disk.
public struct SitePipeline: Sendable {
    public var content: String
    public var templates: String
    public var output: String
    public var baseURL: String?
    /// The day review warnings measure from.
    public var today: CalendarDate?
    /// The day the data describes, shown on every page; nil takes the newest assessment.
    public var asOf: CalendarDate?
    /// Told when each stage ends (e.g. "audited 10000 models"), for progress on long runs.
    public var progress: (@Sendable (String) -> Void)?
    /// Reads the content's history and editions from git when the content folder is in a
    /// repository; nil reads none (the site says history is not available).
    public var history: HistorySettings?

    public init(content: String, templates: String, output: String, baseURL: String? = nil, today: CalendarDate? = nil,
                asOf: CalendarDate? = nil) {
        self.asOf = asOf
        self.content = content
        self.templates = templates
        self.output = output
        self.baseURL = baseURL
        self.today = today
    }

    public enum Outcome: Sendable {
        /// The site was written, or compared and found identical.
        case built(SiteWriter.Summary, files: Int)
        /// The inputs are those of the last successful build and its output is untouched:
        /// nothing was audited, rendered or written. `summary` is that build's.
        case upToDate(files: Int, summary: String)
        /// Content, templates or rendering had errors; nothing was written.
        case rejected(Stage)
        /// The output could not be written; the previous site is intact.
        case writeFailed(SiteWriter.Failure)
    }

    public enum Stage: String, Sendable {
        case content, templates, rendering
    }

    public struct Result: Sendable {
        /// The audit; nil when the site was up to date and nothing was audited.
        public var report: AuditReport?
        /// Diagnostics of every stage that ran, in stage order.
        public var diagnostics: [Diagnostic]
        public var outcome: Outcome
    }

    /// "47 models (1 truly open, 3 open source, ...)", for summaries.
    public static func describe(_ report: AuditReport) -> String {
        let tiers = (report.rubric?.tiers ?? []).map { tier in
            "\(report.scorecards.countInPlace { $0.tier.id == tier.id }) \(tier.label.lowercased())"
        }.joined(separator: ", ")
        return "\(report.scorecards.count) model\(report.scorecards.count == 1 ? "" : "s") (\(tiers))"
    }

    /// Reads the content and fingerprints the inputs; audits only when the last build's
    /// stamp does not match. The raw bytes are dropped on return, before rendering starts.
    private enum Inputs {
        case upToDate(BuildStamp)
        case changed(fingerprint: String, report: AuditReport, repository: ContentRepository.Located?)
    }

    private func readAndAudit(_ templateSources: [String: Data]) throws(ContentReader.Failure) -> Inputs {
        let snapshot = try ContentReader().read(directory: content)
        progress?("read \(snapshot.files.count) content files")
        // Where the history is, not the history: reading it waits until the stamp says the site changed.
        let repository = locateRepository()
        let inputs = BuildStamp.inputs(snapshot: snapshot, templates: templateSources, baseURL: baseURL, asOf: asOf,
                                       history: Self.historyIdentity(repository))
        if let stamp = BuildStamp.read(for: output), stamp.inputs == inputs,
           let current = BuildStamp.outputs(of: output), current.fingerprint == stamp.outputs, current.files == stamp.files {
            return .upToDate(stamp)
        }
        // From here the output may change, so the stamp no longer describes it.
        BuildStamp.remove(for: output)
        return .changed(fingerprint: inputs, report: ContentAuditor(today: today, mapper: ConcurrentMapper()).audit(snapshot), repository: repository)
    }

    /// Runs the pipeline. Throws only when the content folder cannot be read at all.
    public func run() throws(ContentReader.Failure) -> Result {
        // One build at a time per output, from reading the stamp to the swap.
        let lock: OutputLock
        do {
            lock = try OutputLock.acquire(for: URL(fileURLWithPath: output).standardizedFileURL.path)
        } catch {
            return Result(report: nil, diagnostics: [], outcome: .writeFailed(.busy(output, pid: error.pid)))
        }
        defer { lock.release() }
        let templateSources = TemplateLibrary.sourceFiles(in: templates)
        let inputs: String, report: AuditReport, repository: ContentRepository.Located?
        switch try readAndAudit(templateSources) {
        case .upToDate(let stamp):
            return Result(report: nil, diagnostics: [], outcome: .upToDate(files: stamp.files, summary: stamp.summary))
        case .changed(let fingerprint, let audit, let located):
            inputs = fingerprint
            report = audit
            repository = located
        }
        progress?("audited \(report.modelFileCount) models")
        var diagnostics = report.diagnostics
        guard !report.hasErrors else { return Result(report: report, diagnostics: diagnostics, outcome: .rejected(.content)) }
        let (siteHistory, historyProblems) = loadHistory(repository, site: report.site)
        diagnostics += historyProblems

        let (library, templateProblems) = TemplateLibrary.load(from: templates, sources: templateSources)
        diagnostics += templateProblems
        guard let library else { return Result(report: report, diagnostics: diagnostics, outcome: .rejected(.templates)) }

        // Render and write batch by batch; errors anywhere discard the staged site, so
        // the output only ever changes all at once.
        let session: SiteWriter.Session
        do {
            session = try SiteWriter().begin(URL(fileURLWithPath: output), lock: lock)
        } catch {
            return Result(report: report, diagnostics: diagnostics, outcome: .writeFailed(error))
        }
        var fileCount = 0
        let renderProblems: [Diagnostic]
        // Batches are written on a thread of their own while the next one renders.
        let writer = BackgroundQueue<[OutputFile], SiteWriter.Failure> { (files: [OutputFile]) throws(SiteWriter.Failure) in try session.add(files) }
        do {
            renderProblems = try SiteBuilder(templates: library, baseURL: baseURL, asOf: asOf, history: siteHistory).build(report) { (files: [OutputFile]) throws(SiteWriter.Failure) in
                fileCount += files.countInPlace(where: \.startsAFile)
                try writer.add(files, bytes: files.reduce(0) { $0 + $1.contents.count })
            }
            try writer.finish()
        } catch {
            // Stop the writer (it has already stopped if the failure was its own) before discarding.
            do { try writer.finish() } catch {}
            session.discard()
            return Result(report: report, diagnostics: diagnostics, outcome: .writeFailed(error))
        }
        diagnostics += renderProblems
        guard !renderProblems.containsErrors else {
            session.discard()
            return Result(report: report, diagnostics: diagnostics, outcome: .rejected(.rendering))
        }
        progress?("rendered \(fileCount) files")
        do {
            let summary = try session.commit()
            // The writer knows what it wrote; walking 40,000 files again would take a quarter second.
            if let written = session.committedTimes.flatMap(BuildStamp.outputs) ?? BuildStamp.outputs(of: output) {
                BuildStamp(inputs: inputs, outputs: written.fingerprint, files: written.files, summary: Self.describe(report)).write(for: output)
            }
            return Result(report: report, diagnostics: diagnostics, outcome: .built(summary, files: fileCount))
        } catch {
            return Result(report: report, diagnostics: diagnostics, outcome: .writeFailed(error))
        }
    }
}
