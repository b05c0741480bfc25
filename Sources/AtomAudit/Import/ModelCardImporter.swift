import Foundation

/// Drafts a manifest from a Hugging Face model card, recording only what the card's
/// metadata can honestly show and listing, in the notes, what a reviewer must check.
public struct ModelCardImporter: Sendable {
    public var licenses: LicenseCatalog
    public var today: CalendarDate

    public init(licenses: LicenseCatalog, today: CalendarDate) {
        self.licenses = licenses
        self.today = today
    }

    public struct Draft: Sendable {
        public var id: ManifestID
        /// The manifest as YAML, ready to write.
        public var text: String
        /// What the reviewer must still check, one item each.
        public var toCheck: [String]
        /// The model's name and where it came from ("the card's title"), for the command to say.
        public var name: String
        public var nameSource: String
    }

    /// Hugging Face's license ids that differ from the catalog's beyond letter case.
    static let hubLicenseAliases = [
        "gpl-3.0": "GPL-3.0-only", "lgpl-3.0": "LGPL-3.0-only", "odc-by": "ODC-By-1.0",
        "cdla-permissive-2.0": "CDLA-Permissive-2.0", "openrail": "bigscience-openrail-m",
    ]

    /// The model's name, and where it came from: the card's metadata, the repository, the
    /// card's title, and last its base model (a fine-tune named after its base is marked as
    /// a derivative, and the reviewer is asked to rename it). Nil when the card gives none.
    static func name(for card: ModelCard, repoName: String?) -> (name: String, source: String)? {
        if let name = card.modelName { return (name, "the card's model_name") }
        if let repoName { return (repoName, "the repository's name") }
        if let title = card.title { return (title, "the card's title") }
        if let base = card.baseModels.first?.split(separator: "/").last {
            return ("\(base) derivative", "its base model, \(card.baseModels[0])")
        }
        return nil
    }

    /// - Parameters:
    ///   - repository: the Hub repository, `owner/name`, which the evidence links to.
    ///   - id: the manifest id; derived from the model's name when nil.
    /// - Returns: nil when neither the card nor the repository gives the model a name.
    public func draft(from card: ModelCard, repository: String?, id: ManifestID?) -> Draft? {
        let repoName = repository.flatMap { $0.split(separator: "/").last.map(String.init) }
        let owner = repository.flatMap { $0.contains("/") ? $0.split(separator: "/").first.map(String.init) : nil }
        guard let (name, nameSource) = Self.name(for: card, repoName: repoName) else { return nil }
        let manifestID = id ?? ManifestID.derived(from: repoName ?? name)
        var toCheck = [
            "origin: the ISO country code of the developer's home (the card does not say).",
            "developer: the organisation's full name\(owner.map { " (the Hub account is '\($0)')" } ?? "").",
        ]
        if !card.strippedKeys.isEmpty {
            let keys = card.strippedKeys.map { "'\($0)'" }.joined(separator: ", ")
            toCheck.insert("the card's \(keys) held control characters (such as terminal escape codes), which were stripped; compare those values with the card.", at: 0)
        }
        let otherBaseModels = card.baseModels.count(where: { !HubRepositoryID.isRepository($0) })
        if otherBaseModels > 0 {
            toCheck.append("base_model: " + (otherBaseModels == 1 ? "one value is not a Hub repository (owner/name) and was"
                                                                   : "\(otherBaseModels) values are not Hub repositories (owner/name) and were") + " left out of the notes.")
        }
        if repoName == nil, card.modelName == nil {
            toCheck.insert("name: '\(name)' comes from \(nameSource); check it is the model's own name.", at: 0)
        }
        let license = resolveLicense(card, toCheck: &toCheck)
        let cardURL = repository.map { "https://huggingface.co/\($0)" }
        if cardURL == nil { toCheck.append("weights.evidence: the model card's URL (pass --repo owner/name to fill it in).") }
        toCheck.append(card.hasGatingPrompt
            ? "weights.access: the card asks users to accept terms before downloading; if requests are reviewed case by case, the access is 'gated', not 'open'."
            : "weights.access: that the repository is not gated, and whether intermediate checkpoints are published (checkpoints: true).")
        toCheck.append(card.datasets.isEmpty
            ? "data.access: the card's metadata names no datasets; read the card and the paper to choose between undisclosed and described."
            : "data.access: whether the listed datasets are all the training data (documented or released) or only some stages (partial).")
        toCheck.append("code.access: the card's metadata says nothing about training code; check the developer's repositories.")
        toCheck.append("released and parameters: add them only where the card or paper states them.")

        var yaml = YAMLWriter()
        yaml.comment("Draft imported from a Hugging Face model card by `atom-audit import hf`.")
        yaml.comment("A reviewer must check every fact below against the evidence before merging.")
        yaml.field("name", name)
        yaml.field("developer", owner ?? "")
        yaml.field("origin", "")
        let modalities = modality(for: card.pipelineTag)
        if !modalities.isEmpty { yaml.list("modality", modalities, flow: true) }
        yaml.blank()
        yaml.open("weights")
        yaml.field("access", "open", indent: 1)
        if let license { yaml.field("license", license, indent: 1) }
        yaml.list("evidence", ([cardURL] + [license.flatMap { licenses.license($0)?.url }]).compactMap { $0 }, indent: 1)
        yaml.field("note", "The model card is public on the Hugging Face Hub\(license.map { " and gives the license '\($0)'" } ?? ""); gating and checkpoints still to be checked.", indent: 1)
        yaml.blank()
        yaml.open("data")
        if card.datasets.isEmpty {
            yaml.field("access", "undisclosed", indent: 1)
            yaml.list("evidence", [], indent: 1)
            yaml.field("note", "The card's metadata lists no training datasets.", indent: 1)
        } else {
            yaml.field("access", "partial", indent: 1)
            yaml.list("evidence", card.datasets.map { "https://huggingface.co/datasets/\($0)" }, indent: 1)
            yaml.field("note", "The card lists \(card.datasets.count == 1 ? "a dataset" : "\(card.datasets.count) datasets") on the Hub; whether they cover every training stage is still to be checked.", indent: 1)
        }
        yaml.blank()
        yaml.open("code")
        yaml.field("access", "none", indent: 1)
        yaml.list("evidence", [], indent: 1)
        yaml.field("note", "Not yet checked: the card's metadata does not mention training code.", indent: 1)
        yaml.blank()
        yaml.block("notes", notes(card, toCheck: toCheck))
        yaml.field("assessed", today.description)
        return Draft(id: manifestID, text: yaml.text, toCheck: toCheck, name: name, nameSource: nameSource)
    }

    /// The catalog id of the card's license: its Hub id, or for `license: other` (the Hub's
    /// value for any license it does not list) the `license_name` as a catalog id or the
    /// `license_link` as a catalog entry's URL.
    private func resolveLicense(_ card: ModelCard, toCheck: inout [String]) -> String? {
        let isOther = card.license?.lowercased() == "other"
        let candidates = [card.license, isOther ? card.licenseName : nil].compactMap { $0 }.filter { $0.lowercased() != "other" }
        for candidate in candidates.reversed() {
            if let alias = Self.hubLicenseAliases[candidate.lowercased()], licenses.license(alias) != nil { return alias }
            if let match = licenses.ids.first(where: { $0.lowercased() == candidate.lowercased() }) { return match }
        }
        if isOther || card.license == nil, let link = card.licenseLink.map(Self.comparableURL),
           let match = licenses.licenses.first(where: { Self.comparableURL($0.url) == link }) {
            toCheck.insert("weights.license: '\(match.id)' because the card's license_link is that license's URL in licenses.yaml; check the terms are the same.", at: 0)
            return match.id
        }
        let shown = card.licenseName ?? card.license ?? "none"
        toCheck.insert("weights.license: the card's license '\(shown)'\(card.licenseLink.map { " (\($0))" } ?? "") is not in licenses.yaml; add it there with its level, then set weights.license.", at: 0)
        return nil
    }

    /// A URL as two links to the same text compare: without scheme, `www.`, query,
    /// fragment or trailing slash, and with the Hub's `resolve`/`raw` views read as `blob`.
    static func comparableURL(_ url: String) -> String {
        var text = url.lowercased()
        for prefix in ["https://", "http://"] where text.hasPrefix(prefix) { text.removeFirst(prefix.count) }
        if text.hasPrefix("www.") { text.removeFirst(4) }
        text = String(text.prefix { $0 != "?" && $0 != "#" })
        while text.hasSuffix("/") { text.removeLast() }
        for view in ["/resolve/", "/raw/"] { text = text.replacingOccurrences(of: view, with: "/blob/") }
        return text
    }

    private func modality(for pipelineTag: String?) -> [String] {
        switch pipelineTag {
        case "image-text-to-text", "visual-question-answering", "image-to-text", "text-to-image", "image-text-to-image": ["text", "image"]
        case "automatic-speech-recognition", "text-to-speech", "audio-text-to-text", "text-to-audio": ["text", "audio"]
        case "video-text-to-text", "text-to-video": ["text", "video"]
        case "text-generation", "text2text-generation", "text-classification", "fill-mask", "question-answering",
             "summarization", "translation", "feature-extraction", "sentence-similarity", "token-classification": ["text"]
        default: []
        }
    }

    private func notes(_ card: ModelCard, toCheck: [String]) -> String {
        var lines: [String] = []
        // Only names shaped like Hub repositories become links: anything else could
        // close the link and start Markdown of its own in the notes.
        let baseModels = card.baseModels.filter(HubRepositoryID.isRepository)
        if !baseModels.isEmpty {
            lines.append("Built on " + baseModels.map { "[\($0)](https://huggingface.co/\($0))" }.joined(separator: ", ") + " according to the model card.")
        }
        if !card.languages.isEmpty { lines.append("Languages listed on the card: \(card.languages.joined(separator: ", ")).") }
        lines.append("")
        lines.append("**Draft imported from the model card.** Still to check:")
        lines += toCheck.map { "- \($0)" }
        return lines.joined(separator: "\n")
    }
}
