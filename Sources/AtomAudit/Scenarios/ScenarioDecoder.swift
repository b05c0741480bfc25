/// Reads a scenario file: front matter with signposts, then a Markdown narrative.
struct ScenarioDecoder {
    /// Tiers and levels signposts may name; nil when the rubric failed to load.
    var rubric: Rubric?
    var reader = YAMLReader()

    static let keys = ["title", "order", "summary", "signposts"]
    static let filterKeys = ["origin", "min-parameters", "window"]
    /// `half-year: 2025-H2` is the older spelling of `window: 2025-H2`.
    static let signpostKeys = ["text", "indicator", "counting", "half-year"] + Indicator.Parameter.allCases.map(\.rawValue) + filterKeys + Comparison.allCases.map(\.rawValue)

    func decode(text: String, id: String, file: String) -> (scenario: Scenario?, diagnostics: [Diagnostic]) {
        guard let split = FrontMatter(splitting: text) else {
            return (nil, [.error("missing-front-matter", "the scenario has no front matter; expected it to start with a '---' line holding 'title', 'order', 'summary' and 'signposts', closed by another '---' line", at: .start(of: file))])
        }
        let (document, problems) = reader.read(text: split.yaml, file: file)
        guard let document else { return (nil, problems) }
        var fields = FieldReader(file: file)
        guard let root = document.root,
              let map = fields.mapping(root, named: "the front matter", expected: "a mapping with 'title', 'order', 'summary' and 'signposts'")
        else {
            if document.root == nil { fields.error("missing-key", "the front matter is empty; expected 'title', 'order', 'summary' and 'signposts'", at: .start(of: file)) }
            return (nil, problems + fields.diagnostics)
        }
        fields.checkKeys(map, named: "the front matter", allowed: Self.keys, required: Self.keys)
        let title = fields.string(map, "title", in: "the front matter")
        let order = fields.integer(map, "order", in: "the front matter")
        let summary = fields.string(map, "summary", in: "the front matter")
        var signposts: [Signpost] = []
        for item in fields.list(map, "signposts", in: "the front matter", expected: "signposts") ?? [] {
            if let signpost = decodeSignpost(item, fields: &fields) { signposts.append(signpost) }
        }
        guard !fields.diagnostics.containsErrors, let title, let order, let summary else {
            return (nil, problems + fields.diagnostics)
        }
        return (Scenario(id: id, path: file, title: title.value, order: order.value, summary: summary.value,
                         signposts: signposts, body: split.body), problems + fields.diagnostics)
    }

    private func decodeSignpost(_ node: YAMLNode, fields: inout FieldReader) -> Signpost? {
        let name = "a signpost"
        guard let map = fields.mapping(node, named: name, expected: "a mapping with 'text', 'indicator' and a comparison such as 'above: 0'") else { return nil }
        fields.checkKeys(map, named: name, allowed: Self.signpostKeys, required: ["text", "indicator"])
        let text = fields.string(map, "text", in: name)
        guard let indicatorText = fields.choice(map, "indicator", in: name, allowed: Indicator.allCases.map(\.rawValue)),
              let indicator = Indicator(rawValue: indicatorText.value) else { return nil }
        let errorsBefore = fields.diagnostics.errorCount

        // Parameters: required ones present, others absent.
        for parameter in Indicator.Parameter.allCases {
            let present = map.entry(parameter.rawValue)
            if indicator.parameters.contains(parameter), present == nil {
                fields.error("missing-key", "indicator '\(indicator.rawValue)' needs '\(parameter.rawValue)'; expected e.g. \(example(for: parameter))", at: indicatorText.location)
            } else if let present, !indicator.parameters.contains(parameter) {
                fields.error("unknown-key", "'\(parameter.rawValue)' does not apply to indicator '\(indicator.rawValue)'; expected only \(indicator.parameters.isEmpty ? "filters ('origin', 'min-parameters')" : indicator.parameters.map(\.rawValue).quotedAlternatives.replacingOccurrences(of: " or ", with: " and ") + " and filters")", at: present.keyLocation)
            }
        }
        let tier = decodeTier(map, fields: &fields)
        let axis = fields.choice(map, "axis", in: name, allowed: Axis.allCases.map(\.rawValue)).flatMap { Axis(rawValue: $0.value) }
        let level = decodeLevel(map, axis: axis, fields: &fields)
        let window = decodeWindow(map, indicator: indicator, at: indicatorText.location, fields: &fields)
        let counting = decodeCounting(map, indicator: indicator, fields: &fields)
        let origin = decodeOrigin(map, "origin", fields: &fields)
        let minParameters = fields.string(map, "min-parameters", in: name).flatMap { text -> ParameterCount? in
            guard let count = ParameterCount(text.value) else {
                fields.error("invalid-value", "'\(text.value)' is not a parameter count\(ForeignCharacter.phrase(in: text.value)); expected e.g. 100B", at: text.location)
                return nil
            }
            return count
        }
        let measure = Measure(indicator: indicator, tier: tier, axis: axis, level: level,
                              filter: ModelFilter(origin: origin, minParameters: minParameters, window: window?.value),
                              counting: counting)

        let comparisons = Comparison.allCases.filter { map.entry($0.rawValue) != nil }
        guard comparisons.count == 1, let comparison = comparisons.first, let entry = map.entry(comparison.rawValue) else {
            let location = comparisons.count > 1 ? map.entry(comparisons[1].rawValue)?.keyLocation : indicatorText.location
            fields.error("malformed-threshold", comparisons.isEmpty
                ? "the signpost has no threshold; expected exactly one of \(Comparison.allCases.map(\.rawValue).quotedAlternatives), e.g. 'above: 0' or 'above: {origin: US}'"
                : "the signpost has \(comparisons.count) thresholds; expected exactly one of \(Comparison.allCases.map(\.rawValue).quotedAlternatives)", at: location)
            return nil
        }
        let threshold = decodeThreshold(entry, comparison: comparison, measure: measure, fields: &fields)
        guard fields.diagnostics.errorCount == errorsBefore, let text, let threshold else { return nil }
        return Signpost(text: text.value, measure: measure, comparison: comparison, threshold: threshold,
                        location: text.location, windowLocation: window?.location)
    }

    private func decodeThreshold(_ entry: YAMLMapping.Entry, comparison: Comparison, measure: Measure,
                                 fields: inout FieldReader) -> Threshold? {
        switch entry.value {
        case .scalar(let scalar):
            guard let number = Double(scalar.string), number.isFinite else {
                fields.error("malformed-threshold", "'\(comparison.rawValue)' is \(FieldReader.describe(entry.value)); expected a number, or {origin: XX} to compare with another origin", at: fields.location(of: entry.value))
                return nil
            }
            return .number(number)
        case .mapping:
            guard let map = fields.mapping(entry.value, named: "'\(comparison.rawValue)'", expected: "{origin: XX}") else { return nil }
            fields.checkKeys(map, named: "'\(comparison.rawValue)'", allowed: ["origin"], required: ["origin"], missingAt: entry.keyLocation)
            guard let origin = decodeOrigin(map, "origin", fields: &fields) else { return nil }
            if measure.filter.origin == nil {
                fields.error("malformed-threshold", "the signpost compares with origin \(origin.code) but has no 'origin' of its own; expected 'origin' on the signpost too", at: entry.keyLocation)
                return nil
            }
            return .origin(origin)
        default:
            fields.error("malformed-threshold", "'\(comparison.rawValue)' is \(FieldReader.describe(entry.value)); expected a number, or {origin: XX} to compare with another origin", at: fields.location(of: entry.value))
            return nil
        }
    }

    private func decodeTier(_ map: YAMLMapping, fields: inout FieldReader) -> String? {
        guard let tier = fields.string(map, "tier", in: "a signpost") else { return nil }
        if let rubric, rubric.tier(tier.value) == nil {
            let ids = rubric.tiers.map(\.id)
            fields.error("unknown-value", "'\(tier.value)' is not a tier of the rubric\(ForeignCharacter.phrase(in: tier.value))\(Suggestion.phrase(for: tier.value, in: ids)); expected \(ids.quotedAlternatives)", at: tier.location)
            return nil
        }
        return tier.value
    }

    private func decodeLevel(_ map: YAMLMapping, axis: Axis?, fields: inout FieldReader) -> String? {
        guard let level = fields.string(map, "level", in: "a signpost") else { return nil }
        guard let axis else { return level.value }
        guard axis.levelIDs.containsIdentical(level.value) else {
            fields.error("unknown-value", "'\(level.value)' is not a level of axis '\(axis.rawValue)'\(ForeignCharacter.phrase(in: level.value))\(Suggestion.phrase(for: level.value, in: axis.levelIDs)); expected \(axis.levelIDs.quotedAlternatives)", at: level.location)
            return nil
        }
        return level.value
    }

    /// `window: last-12-months`, `window: since 2025-07-01`, `window: 2025-H2` (or the older `half-year: 2025-H2`).
    private func decodeWindow(_ map: YAMLMapping, indicator: Indicator, at indicatorLocation: SourceLocation,
                              fields: inout FieldReader) -> Located<TimeWindow>? {
        if map.entry("window") != nil, let halfYear = map.entry("half-year") {
            fields.error("malformed-window", "the signpost has both 'window' and 'half-year'; expected only 'window'", at: halfYear.keyLocation)
            return nil
        }
        guard let text = fields.string(map, "window", in: "a signpost") ?? fields.string(map, "half-year", in: "a signpost") else {
            if indicator == .openWeightReleases {
                fields.error("missing-key", "indicator 'open-weight-releases' needs 'window'; expected e.g. 'window: last-12-months', 'window: since 2025-07-01' or 'window: 2025-H2'", at: indicatorLocation)
            }
            return nil
        }
        guard let window = TimeWindow(text.value) else {
            fields.error("invalid-value", "'\(text.value)' is not a window\(ForeignCharacter.phrase(in: text.value)); expected 'last-6-months', 'last-12-months' (any 'last-N-months'), 'since YYYY-MM-DD' or a half-year such as '2025-H2'", at: text.location)
            return nil
        }
        return Located(window, at: text.location)
    }

    /// `counting: families` counts distinct families instead of releases (counting indicators only).
    private func decodeCounting(_ map: YAMLMapping, indicator: Indicator, fields: inout FieldReader) -> Counting {
        guard let text = fields.choice(map, "counting", in: "a signpost", allowed: Counting.allCases.map(\.rawValue)),
              let counting = Counting(rawValue: text.value) else { return .releases }
        if counting == .families, !indicator.counts {
            fields.error("invalid-value", "indicator '\(indicator.rawValue)' does not count models, so it cannot count families; expected 'counting' only on count indicators", at: text.location)
        }
        return counting
    }

    private func decodeOrigin(_ map: YAMLMapping, _ key: String, fields: inout FieldReader) -> CountryCode? {
        guard let text = fields.string(map, key, in: "a signpost") else { return nil }
        guard let code = CountryCode(text.value) else {
            fields.error("invalid-origin", "'\(text.value)' is not an ISO 3166-1 alpha-2 country code\(CountryCode.hint(for: text.value)); expected two capital letters such as 'US' or 'CN'", at: text.location)
            return nil
        }
        return code
    }

    private func example(for parameter: Indicator.Parameter) -> String {
        switch parameter {
        case .tier: "'tier: open-weights'"
        case .axis: "'axis: data'"
        case .level: "'level: released'"
        }
    }
}
