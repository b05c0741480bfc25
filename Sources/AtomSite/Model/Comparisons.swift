import AtomAudit

/// Models side by side. The featured ones are rendered as pages of their own, so the
/// comparisons a policy reader most needs work without JavaScript; any other pick is put
/// together in the browser from the per-model data.
struct Comparison: Sendable {
    /// `<a>-vs-<b>`: the folder under `compare/`.
    let id: String
    let title: String
    /// Why these models: "The top US and the top Chinese model".
    let reason: String
    let cards: [Scorecard]

    init(reason: String, cards: [Scorecard]) {
        id = cards.map(\.id.rawValue).joined(separator: "-vs-")
        title = cards.map(\.manifest.name).joined(separator: " and ")
        self.reason = reason
        self.cards = cards
    }

    /// The most it makes sense to read side by side.
    static let maxModels = 4

    /// The two origins the site's policy question compares.
    static let us = CountryCode("US"), china = CountryCode("CN")

    /// The top US model against the top Chinese one, then the same within each tier,
    /// skipping a pair already shown; leaderboard order decides "top".
    static func featured(in siteData: SiteData, best: BestByOrigin) -> [Comparison] {
        var comparisons: [Comparison] = []
        var seen: Set<String> = []
        func add(_ reason: String, _ a: Scorecard?, _ b: Scorecard?) {
            guard let a, let b else { return }
            let comparison = Comparison(reason: reason, cards: [a, b])
            if seen.insert(comparison.id).inserted { comparisons.append(comparison) }
        }
        add("The top US model and the top Chinese model", us.flatMap { best.overall[$0] }, china.flatMap { best.overall[$0] })
        for tier in siteData.rubric.tiers {
            add("The top US and Chinese models in the \(tier.label) tier",
                us.flatMap { best.inTier[tier.id]?[$0] }, china.flatMap { best.inTier[tier.id]?[$0] })
        }
        return comparisons
    }
}

/// The first model of each origin on the leaderboard, overall and within each tier: who
/// a model is measured against. Built in one pass, so every scorecard can look it up.
struct BestByOrigin: Sendable {
    private(set) var overall: [CountryCode: Scorecard] = [:]
    private(set) var inTier: [String: [CountryCode: Scorecard]] = [:]

    /// - Parameter cards: in leaderboard order.
    init(_ cards: [Scorecard]) {
        for card in cards {
            let origin = card.manifest.origin
            if overall[origin] == nil { overall[origin] = card }
            if inTier[card.tier.id, default: [:]][origin] == nil { inTier[card.tier.id, default: [:]][origin] = card }
        }
    }

    /// Whom to compare `card` with: for each of the US and China other than its own
    /// origin, that origin's top model in the same tier, or its top model overall.
    func counterparts(of card: Scorecard) -> [(card: Scorecard, reason: String)] {
        [Comparison.us, Comparison.china].compactMap { origin -> (Scorecard, String)? in
            guard let origin, origin != card.manifest.origin else { return nil }
            let country = origin == Comparison.us ? "US" : "Chinese"
            if let peer = inTier[card.tier.id]?[origin], peer.id != card.id {
                return (peer, "the top \(country) model in its tier")
            }
            guard let top = overall[origin], top.id != card.id else { return nil }
            return (top, "the top \(country) model")
        }
    }
}
