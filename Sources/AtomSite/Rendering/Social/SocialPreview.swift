import AtomAudit

/// `social/preview.png`, the picture link previews show (OpenGraph and Twitter cards):
/// the site's title and its headline numbers, 1200 × 630 pixels as the networks ask.
/// Deterministic: the same data gives the same bytes.
struct SocialPreview {
    static let width = 1200, height = 630
    static let margin = 64

    let siteData: SiteData

    /// The palette: indices the drawing uses, then one colour per tier in rubric order.
    private enum Ink: UInt8 {
        case paper = 0, text, muted, band, rule
        static let colors: [UInt32] = [0xFFFFFF, 0x1F2328, 0x57606A, 0x116329, 0xD0D7DE]
    }

    /// The headline numbers, one sentence a line, as the picture shows them.
    var statements: [String] {
        let cards = siteData.cards
        let us = CountryCode("US"), cn = CountryCode("CN")
        func openWeights(_ origin: CountryCode?) -> String {
            "\(siteData.count(atLeast: "open-weights", origin: origin)) of \(cards.countInPlace { $0.manifest.origin == origin })"
        }
        return [
            "\(cards.count) models assessed · \(siteData.count(atLeast: "truly-open")) truly open",
            "US: \(openWeights(us)) open weights or better",
            "China: \(openWeights(cn)) open weights or better",
        ]
    }

    /// Each tier with its number of models: "Truly open 12".
    var tierCounts: [(tier: Tier, count: Int)] {
        siteData.rubric.tiers.map { tier in (tier, siteData.cards.countInPlace { $0.tier.id == tier.id }) }
    }

    /// What the picture says, for `og:image:alt` and `twitter:image:alt`.
    var altText: String {
        ([siteData.site.title] + statements + [tierCounts.map { "\($0.tier.label) \($0.count)" }.joined(separator: ", ")])
            .joined(separator: ". ") + "."
    }

    func png() -> [UInt8] {
        let tierInk = UInt8(Ink.colors.count)
        var canvas = Canvas(width: Self.width, height: Self.height, background: Ink.paper.rawValue)
        let inner = Self.width - 2 * Self.margin

        // The title, white on the site's green, on up to three lines.
        let title = Canvas.wrap(siteData.site.title, maxWidth: inner, scale: 6, maxLines: 3)
        let bandHeight = 48 + title.count * 66 + 26
        canvas.fill(x: 0, y: 0, width: Self.width, height: bandHeight, color: Ink.band.rawValue)
        for (index, line) in title.enumerated() {
            canvas.text(line, x: Self.margin, y: 48 + index * 66, scale: 6, color: Ink.paper.rawValue)
        }

        var y = bandHeight + 40
        for statement in statements {
            let line = Canvas.wrap(statement, maxWidth: inner, scale: 4, maxLines: 1).first ?? ""
            canvas.text(line, x: Self.margin, y: y, scale: 4, color: Ink.text.rawValue)
            y += 56
        }

        // Every model as a slice of one bar, coloured by tier, with the counts in words below.
        let counts = tierCounts, total = max(1, siteData.cards.count)
        y += 8
        canvas.fill(x: Self.margin, y: y, width: inner, height: 36, color: Ink.rule.rawValue)
        var left = Self.margin, sum = 0
        for (index, entry) in counts.enumerated() {
            sum += entry.count
            let right = Self.margin + inner * sum / total
            canvas.fill(x: left, y: y, width: right - left, height: 36, color: tierInk + UInt8(min(index, 250)))
            left = right
        }
        let legend = counts.map { "\($0.tier.label) \($0.count)" }.joined(separator: " · ")
        canvas.text(Canvas.wrap(legend, maxWidth: inner, scale: 2, maxLines: 1).first ?? "", x: Self.margin, y: y + 48, scale: 2, color: Ink.text.rawValue)

        let host = siteData.site.baseURL.split(separator: "/", omittingEmptySubsequences: true).dropFirst().joined(separator: "/")
        let footer = Canvas.wrap("\(host) · rubric \(siteData.rubric.version)", maxWidth: inner, scale: 3, maxLines: 1).first ?? ""
        canvas.text(footer, x: Self.margin, y: Self.height - 64, scale: 3, color: Ink.muted.rawValue)

        let tierColors = counts.prefix(250).map { Self.rgb(TierStyle.color(for: $0.tier.id)) }
        return PNGEncoder(palette: Ink.colors + tierColors).encode(width: Self.width, height: Self.height, pixels: canvas.pixels)
    }

    /// 0xRRGGBB from "#rrggbb"; grey for anything else.
    static func rgb(_ hex: String) -> UInt32 {
        guard hex.utf8.count == 7, hex.hasPrefix("#"), let value = UInt32(hex.dropFirst(), radix: 16) else { return 0x57606A }
        return value
    }
}
