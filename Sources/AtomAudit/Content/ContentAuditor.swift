import Foundation

/// Loads, validates and scores a content snapshot. Pure: it reads the snapshot's
/// bytes and returns values; every problem becomes a diagnostic, none throws.
public struct ContentAuditor: Sendable {
    public var limits: YAMLLimits
    /// The day checks such as "assessed more than a year ago" measure from; nil skips them.
    public var today: CalendarDate?
    /// Maps manifests to their decoded and scored values; the IO layer passes one that
    /// uses every core.
    public var mapper: any OrderedMapper

    public init(limits: YAMLLimits = .default, today: CalendarDate? = nil, mapper: any OrderedMapper = SerialMapper()) {
        self.limits = limits
        self.today = today
        self.mapper = mapper
    }

    public func audit(_ snapshot: ContentSnapshot) -> AuditReport {
        var memo = AuditMemo()
        return audit(snapshot, memo: &memo)
    }

    /// Audits a snapshot, taking what `memo` already decoded (files with the same object
    /// id) and adding what it decodes. The report is the one `audit(_:)` gives.
    public func audit(_ snapshot: ContentSnapshot, memo: inout AuditMemo) -> AuditReport {
        memo.prepare(for: snapshot)
        var diagnostics = snapshot.readingDiagnostics
        let reader = YAMLReader(limits: limits)

        func load<T>(_ relative: String, _ store: WritableKeyPath<AuditMemo, AuditMemo.Store<T>>, required: Bool = true,
                     _ decode: (YAMLDocument) -> (T?, [Diagnostic])) -> T? {
            let path = snapshot.displayPath(relative)
            guard let data = snapshot.files[relative] else {
                if required {
                    diagnostics.append(.error("missing-file", "'\(relative)' is missing from the content folder; expected it next to models/", at: .start(of: path)))
                }
                return nil
            }
            let key = AuditMemo.key(relative, in: snapshot)
            if let key, let known = memo[keyPath: store][key] {
                diagnostics += known.diagnostics
                return known.value
            }
            memo.countDecoded()
            let (document, problems) = reader.read(data, file: path)
            let decoded = document.map(decode) ?? (nil, [])
            if let key { memo[keyPath: store][key] = (decoded.0, problems + decoded.1) }
            diagnostics += problems + decoded.1
            return decoded.0
        }

        let site = load("site.yaml", \.sites) { SiteConfigDecoder().decode($0) }
        let rubric = load("rubric.yaml", \.rubrics) { RubricDecoder().decode($0) }
        let licenses = load("licenses.yaml", \.licenses) { LicenseCatalogDecoder().decode($0) }
        // Checked against today (a coverage figure from the future is refused), so never memoized.
        let coverage = snapshot.files["coverage.yaml"].flatMap { data -> HubCoverage? in
            let (document, problems) = reader.read(data, file: snapshot.displayPath("coverage.yaml"))
            diagnostics += problems
            return document.flatMap { collect(HubCoverageDecoder(today: self.today).decode($0), into: &diagnostics) }
        }

        let modelPaths = manifestPaths(in: snapshot, diagnostics: &diagnostics)
        let decoder = ManifestDecoder(licenses: licenses)
        let today = self.today
        let staleAfter = site?.staleAfterDays ?? SiteConfig.defaultStaleAfterDays, censusFrom = site?.censusFrom
        // Review checks read site.yaml (stale-after-days, census-from): a manifest depends on it too.
        let loaded = mapMemoized(modelPaths, in: snapshot, dependingOn: ["licenses.yaml", "site.yaml"], store: \.manifests, memo: &memo) { relative -> (Manifest?, [Diagnostic]) in
            var (manifest, problems) = Self.loadManifest(relative, snapshot: snapshot, reader: reader, decoder: decoder)
            // The review checks read one manifest each, so they run here, on all cores;
            // afterwards only the name's position is needed (for duplicate names).
            if var loaded = manifest {
                if let today { problems += ReviewChecks(today: today, staleAfterDays: staleAfter, censusFrom: censusFrom).check(loaded) }
                loaded.positions = loaded.positions.filter { $0.key == "name" || $0.key == "adoption.repositories" }
                manifest = loaded
            }
            return (manifest, problems)
        }
        var manifests: [Manifest] = []
        var manifestPaths: [String] = []
        for ((manifest, problems), relative) in zip(loaded, modelPaths) {
            diagnostics += problems
            if let manifest {
                manifests.append(manifest)
                manifestPaths.append(relative)
            }
        }
        diagnostics += DuplicateNameCheck().check(manifests)
        diagnostics += DuplicateRepositoryCheck().check(manifests)
        // Positions only place the diagnostics above; dropping them keeps a 10,000-model
        // audit about a third smaller.
        for index in manifests.indices { manifests[index].positions = [:] }

        let scorecards: [Scorecard]
        if let rubric, let licenses {
            let scorer = Scorer(rubric: rubric, licenses: licenses)
            scorecards = scoreMemoized(manifests, paths: manifestPaths, in: snapshot, scorer: scorer, memo: &memo)
        } else {
            scorecards = []
        }

        let scenarios = decodeMarkdown(in: "scenarios", snapshot: snapshot, dependingOn: ["rubric.yaml"], store: \.scenarios,
                                       memo: &memo, diagnostics: &diagnostics) { text, id, path in
            ScenarioDecoder(rubric: rubric, reader: reader).decode(text: text, id: id, file: path)
        }.sorted { ($0.order, $0.id) < ($1.order, $1.id) }
        if let today { diagnostics += Self.pastWindows(in: scenarios, today: today) }
        let pages = decodeMarkdown(in: "pages", snapshot: snapshot, store: \.pages, memo: &memo, diagnostics: &diagnostics) { text, id, path in
            PageDecoder(reader: reader).decode(text: text, id: id, file: path)
        }

        return AuditReport(
            site: site, rubric: rubric, licenses: licenses, manifests: manifests, scorecards: scorecards,
            scenarios: scenarios, pages: pages, coverage: coverage, diagnostics: diagnostics.sorted(),
            fileCount: snapshot.files.count, modelFileCount: modelPaths.count)
    }

    /// A fixed window that ended more than a year ago still decides a scenario today,
    /// which is rarely what its author meant.
    static func pastWindows(in scenarios: [Scenario], today: CalendarDate) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for scenario in scenarios {
            for signpost in scenario.signposts {
                guard let window = signpost.measure.filter.window, !window.isRolling else { continue }
                let end = window.days(asOf: today).upperBound
                guard today.dayNumber - end.dayNumber > 365 else { continue }
                warnings.append(.warning("past-window", "the window '\(window.text)' ended on \(end), more than a year before \(today), yet it still decides this signpost; expected a rolling window such as 'last-12-months' or 'since YYYY-MM-DD'", at: signpost.windowLocation ?? signpost.location))
            }
        }
        return warnings
    }

    private func collect<T>(_ result: (T?, [Diagnostic]), into diagnostics: inout [Diagnostic]) -> T? {
        diagnostics += result.1
        return result.0
    }

    /// Manifest files in models/, reporting files that look like manifests but would be ignored.
    private func manifestPaths(in snapshot: ContentSnapshot, diagnostics: inout [Diagnostic]) -> [String] {
        // Filtered before sorting: these are rare, and there can be 10,000 paths.
        for path in snapshot.files.keys.filter({ $0.hasPrefix("models/") && $0.hasSuffix(".yml") }).sorted() {
            diagnostics.append(.error("wrong-extension", "'\(path)' ends in .yml and would be ignored; expected manifests to end in .yaml", at: .start(of: snapshot.displayPath(path))))
        }
        // A snapshot from a git revision can hold `models/a/b.yaml`: the id would contain '/'.
        for path in snapshot.files.keys.filter({ $0.hasPrefix("models/") && $0.utf8.dropFirst("models/".utf8.count).contains(UInt8(ascii: "/")) }).sorted() {
            diagnostics.append(.error("nested-folder", "'\(path)' is in a folder inside models/ and would be ignored; expected each manifest directly in models/ as <id>.yaml", at: .start(of: snapshot.displayPath(path))))
        }
        return snapshot.paths(in: "models", withExtension: "yaml")
    }

    private static func loadManifest(_ relative: String, snapshot: ContentSnapshot, reader: YAMLReader,
                                     decoder: ManifestDecoder) -> (Manifest?, [Diagnostic]) {
        let path = snapshot.displayPath(relative)
        let fileName = String(relative.dropFirst("models/".count).dropLast(".yaml".count))
        var problems: [Diagnostic] = []
        let id = ManifestID(fileName)
        if id == nil {
            problems.append(.error("invalid-id", "the file name '\(fileName).yaml' is not a valid model id; expected lower-case letters, digits, '.' and '-' starting with a letter or digit, e.g. '\(ManifestID.suggestion(for: fileName)).yaml'", at: .start(of: path)))
        }
        guard let data = snapshot.files[relative] else { return (nil, problems) }
        let (document, yamlProblems) = reader.read(data, file: path)
        problems += yamlProblems
        guard let document else { return (nil, problems) }
        // Decode even with a bad id, so every problem of the file shows in one run.
        let (manifest, decodeProblems) = decoder.decode(document, id: id)
        problems += decodeProblems
        return (manifest, problems)
    }

    private func decodeMarkdown<T>(
        in folder: String, snapshot: ContentSnapshot, dependingOn dependencies: [String] = [],
        store: WritableKeyPath<AuditMemo, AuditMemo.Store<T>>, memo: inout AuditMemo, diagnostics: inout [Diagnostic],
        _ decode: (String, String, String) -> (T?, [Diagnostic])
    ) -> [T] {
        var values: [T] = []
        for relative in snapshot.paths(in: folder, withExtension: "md") {
            let path = snapshot.displayPath(relative)
            let id = String(relative.dropFirst(folder.count + 1).dropLast(".md".count))
            guard ManifestID.isValid(id) else {
                diagnostics.append(.error("invalid-id", "the file name '\(id).md' is not a valid id; expected lower-case letters, digits, '.' and '-', e.g. '\(ManifestID.suggestion(for: id)).md'", at: .start(of: path)))
                continue
            }
            guard let data = snapshot.files[relative] else { continue }
            let key = AuditMemo.key(relative, in: snapshot, dependingOn: dependencies)
            let result: (value: T?, diagnostics: [Diagnostic])
            if let key, let known = memo[keyPath: store][key] {
                result = known
            } else {
                memo.countDecoded()
                result = decodeMarkdownFile(data, id: id, path: path, decode)
                if let key { memo[keyPath: store][key] = result }
            }
            diagnostics += result.diagnostics
            if let value = result.value { values.append(value) }
        }
        return values
    }

    private func decodeMarkdownFile<T>(_ data: Data, id: String, path: String,
                                       _ decode: (String, String, String) -> (T?, [Diagnostic])) -> (value: T?, diagnostics: [Diagnostic]) {
        guard data.count <= limits.maxBytes else {
            return (nil, [.error("file-too-large", "the file is \(data.count) bytes; content files may be at most \(limits.maxBytes) bytes", at: .start(of: path))])
        }
        switch TextDecoding.decode(data, file: path) {
        case .failure(let problem):
            return (nil, [problem])
        case .success(let text):
            // The whole file, body too: a C1 control or a line separator in Markdown
            // is as invisible, and as unwanted on a page, as in the front matter.
            let forbidden = ForbiddenCharacterScan.diagnostics(in: text, file: path)
            guard forbidden.isEmpty else { return (nil, forbidden) }
            let (value, problems) = decode(text, id, path)
            return (value, problems)
        }
    }
}
