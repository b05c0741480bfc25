import AtomAudit
import Mustache

/// One model as a leaderboard row, answering Mustache's lookups straight from the
/// scorecard. The leaderboard renders 10,000 rows twice; building a dictionary of boxed
/// values for each cost a third of the memory of a large build and much of its time.
/// Keys are those of `ContextBuilder.card` that a row needs (see Templates/README.md).
struct LeaderboardRow: MustacheParent, Sendable {
    let card: Scorecard
    let root: String
    let position: Int
    /// The highest level rank of each axis, in `Axis.allCases` order.
    let maxRanks: [Int]

    func child(named name: String) -> Any? {
        let m = card.manifest
        switch name {
        case "id": return m.id.rawValue
        case "name": return m.name
        case "developer": return m.developer
        case "origin": return m.origin.code
        case "originName": return m.origin.name
        case "position": return position
        case "url": return root + SitePaths.model(m.id.rawValue)
        case "markdownURL": return root + SitePaths.markdown(of: SitePaths.model(m.id.rawValue))
        case "points": return card.points
        case "maxPoints": return card.maxPoints
        case "released": return m.released?.description
        case "parameters": return m.parameters?.text
        case "assessed": return m.assessed.description
        case "tier": return TierValue(tier: card.tier)
        case "axes": return card.axes.enumerated().map { AxisCell(score: $1, maxRank: $0 < maxRanks.count ? maxRanks[$0] : 0) }
        default: return nil
        }
    }
}

/// A tier inside a row: `{{tier.id}}`, `{{tier.label}}`, `{{tier.rank}}`.
struct TierValue: MustacheParent, Sendable {
    let tier: Tier

    func child(named name: String) -> Any? {
        switch name {
        case "id": tier.id
        case "label": tier.label
        case "rank": tier.rank
        case "summary": tier.summary
        case "color": TierStyle.color(for: tier.id)
        default: nil
        }
    }
}

/// An axis level inside a row.
struct AxisCell: MustacheParent, Sendable {
    let score: AxisScore
    let maxRank: Int

    func child(named name: String) -> Any? {
        switch name {
        case "axis": score.axis.rawValue
        case "label": score.axis.displayName
        case "levelID": score.level.id
        case "levelLabel": score.level.label
        case "points": score.level.points
        case "maxPoints": score.maxPoints
        case "rank": score.level.rank
        case "maxRank": maxRank
        case "isTop": score.isTop
        default: nil
        }
    }
}
