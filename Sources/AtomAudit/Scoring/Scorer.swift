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
        return Scorecard(
            manifest: manifest, axes: axes, points: axes.reduce(0) { $0 + $1.level.points },
            maxPoints: rubric.maxPoints, tier: tier, tierReason: reason(for: tier, axes: axes),
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

    private func facts(for axis: Axis, manifest: Manifest, license: License?)
        -> (level: String, reason: String, evidence: [String], note: String?) {
        switch axis {
        case .weights:
            let weights = manifest.weights
            let reason: String
            switch weights.level {
            case .hosted: reason = "weights.access is 'hosted': the model is only available through an API or product."
            case .gated: reason = "weights.access is 'gated': downloading the weights needs an approved application or is limited to research."
            case .open: reason = "weights.access is 'open' and checkpoints is not true: the final weights can be downloaded, but not the base model with intermediate checkpoints."
            case .openWithCheckpoints: reason = "weights.access is 'open' and checkpoints is true: the final weights, the base model and intermediate checkpoints can be downloaded."
            }
            return (weights.level.rawValue, reason, weights.evidence, weights.note)
        case .data:
            let data = manifest.data
            return (data.access.rawValue, "data.access is '\(data.access.rawValue)'.", data.evidence, data.note)
        case .code:
            let code = manifest.code
            return (code.access.rawValue, "code.access is '\(code.access.rawValue)'.", code.evidence, code.note)
        case .license:
            guard let license else {
                let reason = manifest.weights.license == nil
                    ? "No weights license: the weights are not distributed, so no rights are granted."
                    : "The weights license '\(manifest.weights.license ?? "")' is not in the license catalog."
                return (LicenseLevel.proprietary.rawValue, reason, [], nil)
            }
            let reason = "The weights are under \(license.name) (\(license.id)), which the license catalog puts at '\(license.level.rawValue)': \(license.summary)"
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

    private func reason(for tier: Tier, axes: [AxisScore]) -> String {
        guard !tier.requirements.isEmpty else {
            return "\(tier.label): it does not meet the requirements of any higher tier."
        }
        let met = tier.requirements.compactMap { requirement -> String? in
            guard let score = axes.first(where: { $0.axis == requirement.axis }),
                  let required = rubric.axis(requirement.axis)?.level(requirement.minimumLevel) else { return nil }
            return score.level.rank == required.rank
                ? "\(requirement.axis.rawValue) is \(score.level.label)"
                : "\(requirement.axis.rawValue) is \(score.level.label) (at least \(required.label) needed)"
        }
        return "\(tier.label): \(met.joined(separator: ", "))."
    }
}
