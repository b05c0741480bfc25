import Foundation

/// The metadata of a Hugging Face model card: the YAML front matter of its README.md.
/// Hub cards vary (a string here, a list there), so every field is read leniently.
public struct ModelCard: Sendable, Hashable {
    public var license: String?
    public var licenseName: String?
    public var licenseLink: String?
    public var baseModels: [String]
    public var datasets: [String]
    public var pipelineTag: String?
    public var languages: [String]
    public var tags: [String]
    public var libraryName: String?
    /// `model-index[0].name` or `model_name`, when the card gives one.
    public var modelName: String?
    /// True when the front matter asks users to accept terms before downloading.
    public var hasGatingPrompt: Bool
    /// The card's keys whose values held control characters, which were stripped (see `CardText`).
    public var strippedKeys: [String] = []
    /// The card's first top-level heading ("# Qwen2.5-Math-PRM-7B"), without a leading
    /// "Model card for": a name when the card is imported without its repository.
    public var title: String? = nil

    /// Reads the front matter of a model card; nil with a diagnostic when there is none
    /// or it is not valid YAML.
    public static func parse(_ text: String, file: String) -> (card: ModelCard?, diagnostics: [Diagnostic]) {
        guard let split = FrontMatter(splitting: text) else {
            return (nil, [.error("missing-front-matter", "the model card has no YAML front matter; expected a README.md that starts with a '---' line, as Hugging Face model cards do", at: .start(of: file))])
        }
        let (document, problems) = YAMLReader().read(text: split.yaml, file: file)
        guard let document, case .mapping(let map)? = document.root else {
            return (nil, problems.isEmpty ? [.error("wrong-type", "the model card's front matter is not a mapping; expected keys such as 'license:'", at: .start(of: file))] : problems)
        }
        var strippedKeys: [String] = []
        func clean(_ text: String, _ key: String) -> String {
            let stripped = CardText.stripped(text)
            if stripped != text, !strippedKeys.contains(key) { strippedKeys.append(key) }
            return stripped
        }
        func value(_ key: String) -> YAMLNode? { map.first { $0.key.string == key }?.value }
        func string(_ key: String) -> String? {
            guard let scalar = value(key)?.scalar else { return nil }
            let text = clean(scalar.string, key)
            return text.isEmpty ? nil : text
        }
        func strings(_ key: String) -> [String] {
            switch value(key) {
            case .scalar(let scalar)?: [clean(scalar.string, key)].filter { !$0.isEmpty }
            case .sequence(let sequence)?: sequence.compactMap { $0.scalar.map { clean($0.string, key) } }.filter { !$0.isEmpty }
            default: []
            }
        }
        func position(_ key: String) -> Int { map.firstIndex { $0.key.string == key } ?? .max }
        var modelName = string("model_name")
        if modelName == nil, case .sequence(let index)? = value("model-index"), case .mapping(let first)? = index.first,
           let name = first.first(where: { $0.key.string == "name" })?.value.scalar {
            modelName = clean(name.string, "model-index")
        }
        let card = ModelCard(
            license: string("license"), licenseName: string("license_name"), licenseLink: string("license_link"),
            baseModels: strings("base_model"), datasets: strings("datasets"), pipelineTag: string("pipeline_tag"),
            languages: strings("language"), tags: strings("tags"), libraryName: string("library_name"),
            modelName: modelName,
            hasGatingPrompt: map.contains { ($0.key.string ?? "").hasPrefix("extra_gated") },
            // In the card's order, whichever order the fields were read in.
            strippedKeys: strippedKeys.sorted { position($0) < position($1) },
            title: title(of: split.body).map(CardText.stripped))
        return (card, problems)
    }

    /// The text of the body's first `# ` heading outside code blocks, trimmed of a
    /// "Model card for" prefix and of Markdown emphasis.
    static func title(of body: String) -> String? {
        var inFence = false
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle() }
            guard !inFence, line.hasPrefix("# ") else { continue }
            var title = String(line.dropFirst(2))
            for prefix in ["model card for ", "model card of ", "model card: "] where title.lowercased().hasPrefix(prefix) {
                title = String(title.dropFirst(prefix.count))
            }
            title = title.trimmingCharacters(in: CharacterSet(charactersIn: " #*_`"))
            return title.contains(where: { $0.isLetter || $0.isNumber }) ? title : nil
        }
        return nil
    }
}
