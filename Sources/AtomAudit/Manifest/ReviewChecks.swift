import Foundation

/// Warnings where a reviewer should look twice: nothing is wrong with the file's
/// shape, but a fact looks stale, impossible or stronger than its evidence.
struct ReviewChecks {
    let today: CalendarDate
    /// `stale-after-days` from site.yaml.
    var staleAfterDays = SiteConfig.defaultStaleAfterDays
    /// `census-from` in site.yaml.
    var censusFrom: CalendarDate?

    /// Hosts and paths that serve datasets, for the "released data needs a dataset link" check.
    static let datasetMarkers = ["/datasets/", "dataset", "commoncrawl.org", "zenodo.org", "data.", "/data/"]

    func check(_ manifest: Manifest) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        let at = { (key: String) in manifest.positions[key] ?? .start(of: manifest.path) }
        if today.dayNumber - manifest.assessed.dayNumber > staleAfterDays {
            warnings.append(.warning("stale-assessment", "assessed \(manifest.assessed) is more than \(staleAfterDays) days ago (stale-after-days in site.yaml); expected the facts to be checked again and 'assessed' updated", at: at("assessed")))
        }
        if manifest.assessed > today {
            warnings.append(.warning("future-date", "assessed \(manifest.assessed) is in the future; expected the day the facts were checked", at: at("assessed")))
        }
        if let released = manifest.released {
            if released > today {
                warnings.append(.warning("future-date", "released \(released) is in the future; expected the day the model was published", at: at("released")))
            } else if released > manifest.assessed {
                warnings.append(.warning("released-after-assessed", "released \(released) is after assessed \(manifest.assessed); expected the assessment to follow the release", at: at("released")))
            }
        }
        if manifest.data.access == .released, !manifest.data.evidence.contains(where: Self.looksLikeDataset) {
            warnings.append(.warning("weak-evidence", "data.access is 'released' but no data.evidence URL points at a dataset; expected a link to the downloadable data (e.g. https://huggingface.co/datasets/...)", at: at("data.access")))
        }
        if manifest.code.access == .fullPipeline, manifest.code.evidence.count < 1 {
            warnings.append(.warning("weak-evidence", "code.access is 'full-pipeline' but no repository is linked; expected the training repository", at: at("code.access")))
        }
        if manifest.weights.checkpoints, manifest.weights.evidence.count < 2 {
            warnings.append(.warning("weak-evidence", "weights.checkpoints is true with a single evidence URL; expected a link that shows the intermediate checkpoints as well as the model card", at: at("weights.checkpoints")))
        }
        warnings += completeness(manifest, at: at)
        if let censusFrom, let released = manifest.released, released < censusFrom, manifest.reference == nil {
            warnings.append(.warning("outside-policy", "released \(released) is before the census starts (census-from: \(censusFrom) in site.yaml); expected a 'reference' saying why this model is kept, or its removal", at: at("released")))
        }
        if let last = manifest.adoption?.latest, last.date > today {
            warnings.append(.error("future-date", "the adoption snapshot as of \(last.date) is in the future; expected figures read on or before today (\(today))", at: at("adoption.snapshots.last")))
        }
        return warnings
    }

    /// Facts every indicator needs: without them a model silently drops out of a count.
    private func completeness(_ manifest: Manifest, at: (String) -> SourceLocation) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        if manifest.family == nil {
            warnings.append(.warning("missing-family", "the manifest has no 'family'; expected the generation it belongs to (e.g. 'qwen3', 'llama-3.1'), which indicators counting families need", at: .start(of: manifest.path)))
        }
        if manifest.released == nil, !manifest.unknownFacts.contains("released") {
            warnings.append(.warning("missing-released", "the manifest has no 'released' date; expected the day the model was first published, or 'unknown' (saying in notes where you looked), or the release-window indicators leave it out silently", at: .start(of: manifest.path)))
        }
        if manifest.weights.access != .hosted, manifest.parameters == nil, !manifest.unknownFacts.contains("parameters") {
            warnings.append(.warning("missing-parameters", "weights are downloadable but 'parameters' is missing; expected the total parameter count (and 'active-parameters' for a mixture of experts), or 'unknown' if the developer never published it, or the size indicators leave the model out silently", at: at("weights.access")))
        }
        if manifest.weights.access != .hosted, manifest.adoption?.repositories.isEmpty ?? true {
            warnings.append(.warning("missing-repositories", "weights are downloadable but adoption.repositories is empty; expected the official Hugging Face repositories whose downloads count for the model", at: at("weights.access")))
        }
        return warnings
    }

    static func looksLikeDataset(_ url: String) -> Bool {
        let lowered = url.lowercased()
        return datasetMarkers.contains { lowered.contains($0) }
    }
}
