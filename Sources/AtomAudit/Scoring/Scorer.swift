import Foundation

/// Scores manifests against the rubric, deriving the license axis from the catalog.
public struct Scorer: Sendable {
    public let rubric: Rubric
    public let licenses: LicenseCatalog

    public init(rubric: Rubric, licenses: LicenseCatalog) {
        self.rubric = rubric
        self.licenses = licenses
    }

    public func score(_ manifest: Manifest) -> Scorecard {
        let license = manifest.weights.license.flatMap(licenses.license)
        let axes = Axis.allCases.compactMap { axisScore($0, manifest: manifest, license: license) }
        let ranks = Dictionary(uniqueKeysWithValues: axes.map { ($0.axis, $0.level.rank) })
        let tier = rubric.tiers.first { meets($0, ranks: ranks) } ?? fallbackTier
        let gap = tier.rank > 0 ? gapTo(rubric.tiers[tier.rank - 1], axes: axes) : nil
        let points = axes.reduce(0) { $0 + $1.level.points }
        return Scorecard(
            manifest: manifest, axes: axes, points: points,
            maxPoints: rubric.maxPoints, tier: tier, tierReason: reason(for: tier, axes: axes, points: points, gap: gap),
            nextTier: gap, license: license, rubricVersion: rubric.version)
    }

    // MARK: Axes

    private func axisScore(_ axis: Axis, manifest: Manifest, license: License?) -> AxisScore? {
        guard let rubricAxis = rubric.axis(axis) else { return nil }
        let (levelID, reason, evidence, note) = facts(for: axis, manifest: manifest, license: license)
        guard let level = rubricAxis.level(levelID) ?? rubricAxis.levels.first else { return nil }
        return AxisScore(axis: axis, level: level, maxPoints: rubricAxis.maxPoints, reason: reason,
                         evidence: evidence, note: note, isTop: level.rank == rubricAxis.levels.count - 1)
    }

    /// The level an axis gets from the manifest, and why, in words a reader who never saw
    /// the manifest understands: the rubric's level name, its place on the axis (counted
    /// from 1) and the fact that put it there.
    private func facts(for axis: Axis, manifest: Manifest, license: License?)
        -> (level: String, reason: String, evidence: [String], note: String?) {
        let place = { (levelID: String) -> String in
            guard let levels = self.rubric.axis(axis)?.levels, let level = levels.first(where: { $0.id == levelID }) else { return levelID }
            return "\(level.label), level \(level.rank + 1) of \(levels.count)"
        }
        switch axis {
        case .weights:
            let weights = manifest.weights
            let fact: String
            switch weights.level {
            case .hosted: fact = "the model can only be used through an API or a product; no weights can be downloaded"
            case .gated: fact = "the weights can be downloaded only after an application that is reviewed case by case"
            case .open: fact = "anyone can download the final weights, but not the base model together with intermediate training checkpoints"
            case .openWithCheckpoints: fact = "anyone can download the final weights, the base model and intermediate training checkpoints"
            }
            return (weights.level.rawValue, "\(place(weights.level.rawValue)): \(fact).", weights.evidence, weights.note)
        case .data:
            let data = manifest.data
            let fact: String
            switch data.access {
            case .undisclosed: fact = "nothing is published about the training data beyond general statements"
            case .described: fact = "a model card, data card or paper names the kinds and main sources of the training data, but none of it can be downloaded"
            case .partial: fact = "some of the training data (for example one stage, or the post-training sets) can be downloaded"
            case .documented: fact = "every source of the training data is listed and described completely enough to rebuild an equivalent dataset"
            case .released: fact = "all the training data, for pre- and post-training, can be downloaded under open terms"
            }
            return (data.access.rawValue, "\(place(data.access.rawValue)): \(fact).", data.evidence, data.note)
        case .code:
            let code = manifest.code
            let fact: String
            switch code.access {
            case .none: fact = "no code is published"
            case .inference: fact = "code to load and run the model is published, but none of the training code"
            case .partialTraining: fact = "some training code is published, such as fine-tuning or post-training recipes, but not the whole pipeline"
            case .fullPipeline: fact = "the whole pipeline is published: data processing, pre-training, post-training, evaluation and configurations"
            }
            return (code.access.rawValue, "\(place(code.access.rawValue)): \(fact).", code.evidence, code.note)
        case .license:
            guard let license else {
                let reason = manifest.weights.license == nil
                    ? "\(place(LicenseLevel.proprietary.rawValue)): no weights are distributed, so no rights to them are granted."
                    : "\(place(LicenseLevel.proprietary.rawValue)): the weights license '\(manifest.weights.license ?? "")' is not in the license catalog."
                return (LicenseLevel.proprietary.rawValue, reason, [], nil)
            }
            let terms = license.terms.filter { $0 != .notice }
            let because = terms.isEmpty
                ? "its only condition is keeping the notices"
                : "of its terms: " + terms.map { $0.definition.lowercasedFirst.trimmingCharacters(in: CharacterSet(charactersIn: ".")) }.joined(separator: "; ")
            let reason = "\(place(license.level.rawValue)): the weights are under the \(license.name), at this level because \(because)."
            return (license.level.rawValue, reason, [license.url], nil)
        }
    }

    // MARK: Tiers

    private func meets(_ tier: Tier, ranks: [Axis: Int]) -> Bool {
        tier.requirements.allSatisfy { requirement in
            guard let required = rubric.axis(requirement.axis)?.level(requirement.minimumLevel) else { return false }
            return (ranks[requirement.axis] ?? -1) >= required.rank
        }
    }

    /// The decoder guarantees a catch-all last tier; this only guards hand-built rubrics.
    private var fallbackTier: Tier {
        rubric.tiers.last ?? Tier(id: "unrated", label: "Unrated", summary: "", requirements: [], rank: 0)
    }

    private func gapTo(_ tier: Tier, axes: [AxisScore]) -> TierGap {
        var shortfalls: [AxisShortfall] = []
        for requirement in tier.requirements {
            guard let score = axes.first(where: { $0.axis == requirement.axis }),
                  let required = rubric.axis(requirement.axis)?.level(requirement.minimumLevel),
                  score.level.rank < required.rank else { continue }
            shortfalls.append(AxisShortfall(axis: requirement.axis, current: score.level, required: required))
        }
        return TierGap(tier: tier, shortfalls: shortfalls)
    }

    /// Why the model is in its tier and not the one above, in one or two sentences; and,
    /// where its points would surprise a reader, why the total does not decide the tier.
    private func reason(for tier: Tier, axes: [AxisScore], points: Int, gap: TierGap?) -> String {
        guard let gap else { return "\(tier.label): every axis is at its highest level." }
        let missing = gap.shortfalls.map { "its \($0.axis.displayName.lowercased()) \($0.axis == .weights ? "are" : "is") \($0.current.label) where \($0.required.label) is needed" }
        var text = "\(tier.label), not \(gap.tier.label), because " + missing.listedInProse + "."
        let least = minimumPoints(of: gap.tier)
        if points > least {
            text += " Its \(points) points exceed the \(least) of the least open model that can be \(gap.tier.label): a tier is decided by the axes it requires, not by the total."
        }
        return text
    }

    /// The fewest points a model in `tier` can have: its required levels, the lowest elsewhere.
    private func minimumPoints(of tier: Tier) -> Int {
        rubric.axes.reduce(0) { total, axis in
            let required = tier.requirements.first { $0.axis == axis.axis }.flatMap { axis.level($0.minimumLevel) }
            return total + ((required ?? axis.levels.first)?.points ?? 0)
        }
    }
}
