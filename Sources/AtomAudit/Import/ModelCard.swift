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
        func value(_ key: String) -> YAMLNode? { map.first { $0.key.string == key }?.value }
        func string(_ key: String) -> String? {
            guard let scalar = value(key)?.scalar, !scalar.string.isEmpty else { return nil }
            return scalar.string
        }
        func strings(_ key: String) -> [String] {
            switch value(key) {
            case .scalar(let scalar)?: scalar.string.isEmpty ? [] : [scalar.string]
            case .sequence(let sequence)?: sequence.compactMap { $0.scalar?.string }.filter { !$0.isEmpty }
            default: []
            }
        }
        var modelName = string("model_name")
        if modelName == nil, case .sequence(let index)? = value("model-index"), case .mapping(let first)? = index.first {
            modelName = first.first { $0.key.string == "name" }?.value.scalar?.string
        }
        let card = ModelCard(
            license: string("license"), licenseName: string("license_name"), licenseLink: string("license_link"),
            baseModels: strings("base_model"), datasets: strings("datasets"), pipelineTag: string("pipeline_tag"),
            languages: strings("language"), tags: strings("tags"), libraryName: string("library_name"),
            modelName: modelName,
            hasGatingPrompt: map.contains { ($0.key.string ?? "").hasPrefix("extra_gated") })
        return (card, problems)
    }
}
