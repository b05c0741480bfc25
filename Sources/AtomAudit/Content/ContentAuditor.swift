import Foundation

/// Loads, validates and scores a content snapshot. Pure: it reads the snapshot's
/// bytes and returns values; every problem becomes a diagnostic, none throws.
public struct ContentAuditor: Sendable {
    public var limits: YAMLLimits
    /// The day checks such as "assessed more than a year ago" measure from; nil skips them.
    public var today: CalendarDate?

    public init(limits: YAMLLimits = .default, today: CalendarDate? = nil) {
        self.limits = limits
        self.today = today
    }

    public func audit(_ snapshot: ContentSnapshot) -> AuditReport {
        var diagnostics = snapshot.readingDiagnostics
        let reader = YAMLReader(limits: limits)

        func document(_ relative: String, required: Bool) -> YAMLDocument? {
            let path = snapshot.displayPath(relative)
            guard let data = snapshot.files[relative] else {
                if required {
                    diagnostics.append(.error("missing-file", "'\(relative)' is missing from the content folder; expected it next to models/", at: .start(of: path)))
                }
                return nil
            }
            let (document, problems) = reader.read(data, file: path)
            diagnostics += problems
            return document
        }

        let site = document("site.yaml", required: true).flatMap { collect(SiteConfigDecoder().decode($0), into: &diagnostics) }
        let rubric = document("rubric.yaml", required: true).flatMap { collect(RubricDecoder().decode($0), into: &diagnostics) }
        let licenses = document("licenses.yaml", required: true).flatMap { collect(LicenseCatalogDecoder().decode($0), into: &diagnostics) }

        let modelPaths = manifestPaths(in: snapshot, diagnostics: &diagnostics)
        let decoder = ManifestDecoder(licenses: licenses)
        let today = self.today
        let loaded = modelPaths.parallelMap { relative -> (Manifest?, [Diagnostic]) in
            var (manifest, problems) = Self.loadManifest(relative, snapshot: snapshot, reader: reader, decoder: decoder)
            // The review checks read one manifest each, so they run here, on all cores;
            // afterwards only the name's position is needed (for duplicate names).
            if var loaded = manifest {
                if let today { problems += ReviewChecks(today: today).check(loaded) }
                loaded.positions = loaded.positions["name"].map { ["name": $0] } ?? [:]
                manifest = loaded
            }
            return (manifest, problems)
        }
        var manifests: [Manifest] = []
        for (manifest, problems) in loaded {
            diagnostics += problems
            if let manifest { manifests.append(manifest) }
        }
        diagnostics += DuplicateNameCheck().check(manifests)
        // Positions only place the diagnostics above; dropping them keeps a 10,000-model
        // audit about a third smaller.
        for index in manifests.indices { manifests[index].positions = [:] }

        let scorecards: [Scorecard]
        if let rubric, let licenses {
            let scorer = Scorer(rubric: rubric, licenses: licenses)
            scorecards = manifests.parallelMap(scorer.score)
        } else {
            scorecards = []
        }

        let scenarios = decodeMarkdown(in: "scenarios", snapshot: snapshot, diagnostics: &diagnostics) { text, id, path in
            ScenarioDecoder(rubric: rubric, reader: reader).decode(text: text, id: id, file: path)
        }.sorted { ($0.order, $0.id) < ($1.order, $1.id) }
        let pages = decodeMarkdown(in: "pages", snapshot: snapshot, diagnostics: &diagnostics) { text, id, path in
            PageDecoder(reader: reader).decode(text: text, id: id, file: path)
        }

        return AuditReport(
            site: site, rubric: rubric, licenses: licenses, manifests: manifests, scorecards: scorecards,
            scenarios: scenarios, pages: pages, diagnostics: diagnostics.sorted(),
            fileCount: snapshot.files.count, modelFileCount: modelPaths.count)
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
        in folder: String, snapshot: ContentSnapshot, diagnostics: inout [Diagnostic],
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
            guard data.count <= limits.maxBytes else {
                diagnostics.append(.error("file-too-large", "the file is \(data.count) bytes; content files may be at most \(limits.maxBytes) bytes", at: .start(of: path)))
                continue
            }
            switch TextDecoding.decode(data, file: path) {
            case .failure(let problem):
                diagnostics.append(problem)
            case .success(let text):
                // The whole file, body too: a C1 control or a line separator in Markdown
                // is as invisible, and as unwanted on a page, as in the front matter.
                let forbidden = ForbiddenCharacterScan.diagnostics(in: text, file: path)
                guard forbidden.isEmpty else {
                    diagnostics += forbidden
                    continue
                }
                let (value, problems) = decode(text, id, path)
                diagnostics += problems
                if let value { values.append(value) }
            }
        }
        return values
    }
}
