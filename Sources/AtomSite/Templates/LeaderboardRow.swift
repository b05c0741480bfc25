import AtomAudit

/// One model as a leaderboard row, answering template lookups straight from the
/// scorecard. The leaderboard renders 10,000 rows twice; a dictionary per row would hold
/// every key of a scorecard in memory at once for the few a row shows.
/// Keys are those of `ContextBuilder.card` that a row needs (see Templates/README.md).
struct LeaderboardRow: TemplateLookup {
    let card: Scorecard
    let root: String
    let position: Int
    /// The highest level rank of each axis, in `Axis.allCases` order.
    let maxRanks: [Int]

    func value(named name: String) -> TemplateValue? {
        let m = card.manifest
        switch name {
        case "id": return .text(m.id.rawValue)
        case "name": return .text(m.name)
        case "developer": return .text(m.developer)
        case "origin": return .text(m.origin.code)
        case "originName": return .text(m.origin.name)
        case "position": return .number(position)
        case "url": return .text(root + SitePaths.model(m.id.rawValue))
        case "markdownURL": return .text(root + SitePaths.markdown(of: SitePaths.model(m.id.rawValue)))
        case "points": return .number(card.points)
        case "maxPoints": return .number(card.maxPoints)
        case "released": return .text(m.released?.description)
        case "parameters": return .text(m.parameters?.text)
        case "assessed": return .text(m.assessed.description)
        case "tier": return .lookup(TierValue(tier: card.tier))
        case "axes": return .list(card.axes.enumerated().map { .lookup(AxisCell(score: $1, maxRank: $0 < maxRanks.count ? maxRanks[$0] : 0)) })
        default: return nil
        }
    }
}

/// A tier inside a row: `{{tier.id}}`, `{{tier.label}}`, `{{tier.rank}}`.
struct TierValue: TemplateLookup {
    let tier: Tier

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "id": .text(tier.id)
        case "label": .text(tier.label)
        case "rank": .number(tier.rank)
        case "summary": .text(tier.summary)
        case "color": .text(TierStyle.color(for: tier.id))
        default: nil
        }
    }
}

/// An axis level inside a row.
struct AxisCell: TemplateLookup {
    let score: AxisScore
    let maxRank: Int

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "axis": .text(score.axis.rawValue)
        case "label": .text(score.axis.displayName)
        case "levelID": .text(score.level.id)
        case "levelLabel": .text(score.level.label)
        case "points": .number(score.level.points)
        case "maxPoints": .number(score.maxPoints)
        case "rank": .number(score.level.rank)
        case "maxRank": .number(maxRank)
        case "isTop": .flag(score.isTop)
        default: nil
        }
    }
}
