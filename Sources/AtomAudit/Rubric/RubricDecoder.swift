/// Reads `rubric.yaml` and checks it against the level vocabulary manifests use.
struct RubricDecoder {
    static let topKeys = ["version", "title", "summary", "sources", "axes", "tiers"]
    static let sourceKeys = ["id", "title", "url", "note"]
    static let axisKeys = ["label", "question", "levels", "sources"]
    static let levelKeys = ["id", "label", "points", "definition"]
    static let tierKeys = ["id", "label", "summary", "requires"]
    /// Far above any real rubric (ATOM's uses single digits), far below overflow.
    static let maxLevelPoints = 1000

    func decode(_ document: YAMLDocument) -> (rubric: Rubric?, diagnostics: [Diagnostic]) {
        var reader = FieldReader(file: document.file)
        guard let root = document.root,
              let map = reader.mapping(root, named: "the rubric", expected: "a mapping with 'version', 'axes' and 'tiers'")
        else {
            if document.root == nil { reader.error("empty-file", "the rubric is empty; expected 'version', 'axes' and 'tiers'", at: .start(of: document.file)) }
            return (nil, reader.diagnostics)
        }
        reader.checkKeys(map, named: "the rubric", allowed: Self.topKeys, required: Self.topKeys)
        let version = reader.string(map, "version", in: "the rubric")
        let title = reader.string(map, "title", in: "the rubric")
        let summary = reader.string(map, "summary", in: "the rubric")
        let sources = decodeSources(map, reader: &reader)
        let axes = decodeAxes(map, sourceIDs: Set(sources.map { ExactKey($0.id) }), reader: &reader)
        let tiers = decodeTiers(map, axes: axes, reader: &reader)
        guard !reader.diagnostics.containsErrors, let version, let title, let summary,
              axes.count == Axis.allCases.count else { return (nil, reader.diagnostics) }
        return (Rubric(version: version.value, title: title.value, summary: summary.value,
                       sources: sources, axes: axes, tiers: tiers), reader.diagnostics)
    }

    private func decodeSources(_ map: YAMLMapping, reader: inout FieldReader) -> [RubricSource] {
        var sources: [RubricSource] = []
        var seen: Set<ExactKey> = []  // a set keeps a long list linear; exact, as ids are
        for item in reader.list(map, "sources", in: "the rubric", expected: "sources") ?? [] {
            guard let entry = reader.mapping(item, named: "a source", expected: "a mapping with 'id', 'title' and 'url'") else { continue }
            reader.checkKeys(entry, named: "a source", allowed: Self.sourceKeys, required: ["id", "title", "url"])
            let id = reader.string(entry, "id", in: "a source")
            let title = reader.string(entry, "title", in: "a source")
            let url = entry.value("url").flatMap { reader.url($0, named: "the source url") }
            let note = reader.string(entry, "note", in: "a source")
            guard let id, let title, let url else { continue }
            guard seen.insert(ExactKey(id.value)).inserted else {
                reader.error("duplicate-id", "source id '\(id.value)' is defined twice; expected each id once", at: id.location)
                continue
            }
            sources.append(RubricSource(id: id.value, title: title.value, url: url.value, note: note?.value))
        }
        return sources
    }

    private func decodeAxes(_ map: YAMLMapping, sourceIDs: Set<ExactKey>, reader: inout FieldReader) -> [RubricAxis] {
        guard let node = map.value("axes"),
              let axesMap = reader.mapping(node, named: "axes", expected: "a mapping with 'weights', 'data', 'code' and 'license'")
        else { return [] }
        let names = Axis.allCases.map(\.rawValue)
        reader.checkKeys(axesMap, named: "axes", allowed: names, required: names, missingAt: map.entry("axes")?.keyLocation)
        var axes: [RubricAxis] = []
        for axis in Axis.allCases {
            guard let entry = axesMap.entry(axis.rawValue),
                  let axisMap = reader.mapping(entry.value, named: "axis '\(axis.rawValue)'", expected: "a mapping with 'label', 'question' and 'levels'")
            else { continue }
            let name = "axis '\(axis.rawValue)'"
            reader.checkKeys(axisMap, named: name, allowed: Self.axisKeys, required: ["label", "question", "levels"], missingAt: entry.keyLocation)
            let label = reader.string(axisMap, "label", in: name)
            let question = reader.string(axisMap, "question", in: name)
            var sources: [String] = []
            let knownSources = sourceIDs.map(\.text).sorted().quotedAlternatives
            for item in reader.list(axisMap, "sources", in: name, expected: "source ids") ?? [] {
                guard case .scalar(let scalar) = item, sourceIDs.contains(ExactKey(scalar.string)) else {
                    reader.error("unknown-source", "\(FieldReader.describe(item)) in \(name).sources is not a source of the rubric; expected one of \(knownSources)", at: reader.location(of: item))
                    continue
                }
                sources.append(scalar.string)
            }
            let levels = decodeLevels(axisMap, axis: axis, owner: entry.keyLocation, reader: &reader)
            guard let label, let question, let levels else { continue }
            axes.append(RubricAxis(axis: axis, label: label.value, question: question.value, levels: levels, sources: sources))
        }
        return axes
    }

    private func decodeLevels(_ map: YAMLMapping, axis: Axis, owner: SourceLocation, reader: inout FieldReader) -> [RubricLevel]? {
        let name = "axis '\(axis.rawValue)'"
        guard let items = reader.list(map, "levels", in: name, expected: "levels") else { return nil }
        var levels: [RubricLevel] = []
        var failed = false
        for (rank, item) in items.enumerated() {
            guard let entry = reader.mapping(item, named: "a level of \(name)", expected: "a mapping with 'id', 'label', 'points' and 'definition'") else { failed = true; continue }
            reader.checkKeys(entry, named: "a level of \(name)", allowed: Self.levelKeys, required: Self.levelKeys)
            let expectedID = rank < axis.levelIDs.count ? axis.levelIDs[rank] : nil
            let id = reader.string(entry, "id", in: "a level of \(name)")
            let label = reader.string(entry, "label", in: "a level of \(name)")
            let points = reader.integer(entry, "points", in: "a level of \(name)")
            let definition = reader.string(entry, "definition", in: "a level of \(name)")
            if let id, !(expectedID.map(id.value.isIdentical) ?? false) {
                let expected = expectedID.map { "'\($0)' here (levels run, lowest first: \(axis.levelIDs.quotedAlternatives.replacingOccurrences(of: " or ", with: ", ")))" } ?? "no more levels after '\(axis.levelIDs.last ?? "")'"
                reader.error("level-mismatch", "level '\(id.value)' of \(name) does not match the manifest vocabulary; expected \(expected)", at: id.location)
                failed = true
            }
            if let points, points.value < 0 {
                reader.error("invalid-value", "points of level '\(id?.value ?? "?")' are negative; expected 0 or more", at: points.location)
                failed = true
            }
            // Totals add the points of every axis; a near-Int.max value would overflow them.
            if let points, points.value > Self.maxLevelPoints {
                reader.error("invalid-value", "points of level '\(id?.value ?? "?")' are \(points.value); expected at most \(Self.maxLevelPoints)", at: points.location)
                failed = true
            }
            if let points, let previous = levels.last, points.value < previous.points {
                reader.error("invalid-value", "level '\(id?.value ?? "?")' of \(name) has fewer points (\(points.value)) than the level below it (\(previous.points)); expected points that never decrease", at: points.location)
                failed = true
            }
            guard let id, let label, let points, let definition else { failed = true; continue }
            levels.append(RubricLevel(id: id.value, label: label.value, points: points.value, definition: definition.value, rank: rank))
        }
        if !failed, levels.count < axis.levelIDs.count {
            let missing = axis.levelIDs.dropFirst(levels.count)
            reader.error("level-mismatch", "\(name) lacks levels \(Array(missing).quotedAlternatives.replacingOccurrences(of: " or ", with: " and ")); expected every level of the manifest vocabulary", at: owner)
            failed = true
        }
        return failed ? nil : levels
    }

    private func decodeTiers(_ map: YAMLMapping, axes: [RubricAxis], reader: inout FieldReader) -> [Tier] {
        guard let items = reader.list(map, "tiers", in: "the rubric", expected: "tiers") else { return [] }
        var tiers: [Tier] = []
        var tierIDs: Set<String> = []  // a set keeps a long list linear
        for item in items {
            guard let entry = reader.mapping(item, named: "a tier", expected: "a mapping with 'id', 'label', 'summary' and 'requires'") else { continue }
            reader.checkKeys(entry, named: "a tier", allowed: Self.tierKeys, required: Self.tierKeys)
            let id = reader.string(entry, "id", in: "a tier")
            let label = reader.string(entry, "label", in: "a tier")
            let summary = reader.string(entry, "summary", in: "a tier")
            let requirements = decodeRequirements(entry, axes: axes, reader: &reader)
            if let id, !ManifestID.isValid(id.value) {
                reader.error("invalid-id", "tier id '\(id.value)' is not a lower-case slug; expected letters, digits and '-' such as 'open-weights'", at: id.location)
                continue
            }
            if let id, tierIDs.contains(id.value) {
                reader.error("duplicate-id", "tier id '\(id.value)' is defined twice; expected each id once", at: id.location)
                continue
            }
            guard let id, let label, let summary, let requirements else { continue }
            tiers.append(Tier(id: id.value, label: label.value, summary: summary.value, requirements: requirements, rank: tiers.count))
            tierIDs.insert(id.value)
        }
        if let last = tiers.last, !last.requirements.isEmpty, let location = items.last.map({ reader.location(of: $0) }) {
            reader.error("no-catch-all-tier", "the last tier '\(last.id)' has requirements, so some models would get no tier; expected the last tier to require nothing ('requires: {}')", at: location)
        }
        if tiers.isEmpty, reader.diagnostics.errorCount == 0 {
            reader.error("missing-key", "the rubric defines no tiers; expected at least one", at: map.entry("tiers")?.keyLocation)
        }
        return tiers
    }

    private func decodeRequirements(_ map: YAMLMapping, axes: [RubricAxis], reader: inout FieldReader) -> [TierRequirement]? {
        guard let node = map.value("requires") else { return nil }
        if case .scalar(let scalar) = node, FieldReader.isNull(scalar) { return [] }
        guard let requires = reader.mapping(node, named: "requires", expected: "a mapping from axis to its lowest accepted level, e.g. {weights: open}") else { return nil }
        let names = Axis.allCases.map(\.rawValue)
        reader.checkKeys(requires, named: "requires", allowed: names, required: [])
        var requirements: [TierRequirement] = []
        for axis in Axis.allCases {
            guard let level = reader.choice(requires, axis.rawValue, in: "requires", allowed: axis.levelIDs) else { continue }
            requirements.append(TierRequirement(axis: axis, minimumLevel: level.value))
        }
        return requirements
    }
}
