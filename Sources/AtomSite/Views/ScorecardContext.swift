import AtomAudit

/// A model as templates read it (the `model` of a scorecard page, a leaderboard row, an
/// entry of the brief), answering each lookup straight from the scorecard. Building a
/// dictionary of every key for each of 10,000 models cost more than the lookups the
/// pages make; the keys are listed in Templates/README.md.
struct ScorecardContext: TemplateLookup {
    let card: Scorecard
    /// The prefix that links from the page being rendered reach the site root with.
    let root: String
    let position: Int?
    /// The highest level rank of each axis, in `Axis.allCases` order.
    let maxRanks: [Int]
    let codeLicense: License?
    /// The notes as HTML and as Markdown, rendered once (each edition reads its own).
    let notes: (html: String, markdown: String)?
    /// Days from the assessment to the data's as-of date, and whether that is too long.
    let assessmentAge: Int
    let isStale: Bool

    init(card: Scorecard, root: String, position: Int?, siteData: SiteData, markdown: MarkdownRenderer?) {
        self.card = card
        self.root = root
        self.position = position
        maxRanks = siteData.axisMaxRanks
        codeLicense = card.manifest.code.license.flatMap(siteData.licenses.license)
        assessmentAge = siteData.assessmentAge(card)
        isStale = siteData.isStale(card)
        notes = markdown.flatMap { markdown in
            card.manifest.notes.map(markdown.render)
        }
    }

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "id": return .text(card.manifest.id.rawValue)
        case "name": return .text(card.manifest.name)
        case "developer": return .text(card.manifest.developer)
        case "origin": return .text(card.manifest.origin.code)
        case "originName": return .text(card.manifest.origin.name)
        case "assessed": return .text(card.manifest.assessed.description)
        case "assessmentAge": return .text(NumberFormat.plural(assessmentAge, "day"))
        // "11 days before the data's date"; on the day itself, no "0 days".
        case "assessedRelative":
            switch assessmentAge {
            case 0: return .text("the data's date")
            case ..<0: return .text(NumberFormat.plural(-assessmentAge, "day") + " after the data's date")
            default: return .text(NumberFormat.plural(assessmentAge, "day") + " before the data's date")
            }
        case "family": return .text(card.manifest.family ?? "")
        // The newest snapshot that has a downloads figure, with its date; none reads "no data".
        case "downloadCount": return card.manifest.adoption?.latestDownloads.map { .text(NumberFormat.grouped($0.downloads)) }
        case "downloadCountAsOf": return .text(card.manifest.adoption?.latestDownloads?.date.description)
        // Empty without a figure: the leaderboard's script sorts such rows last in either direction.
        case "downloadCountSort": return card.manifest.adoption?.latestDownloads.map { .number($0.downloads) } ?? .text("")
        case "isStale": return .flag(isStale)
        case "url": return .text(root + SitePaths.model(card.manifest.id.rawValue))
        case "markdownURL": return .text(root + SitePaths.markdown(of: SitePaths.model(card.manifest.id.rawValue)))
        case "points": return .number(card.points)
        case "maxPoints": return .number(card.maxPoints)
        case "tier": return .lookup(TierValue(tier: card.tier))
        case "tierReason": return .text(card.tierReason)
        case "axes":
            return .list(card.axes.indices.map { index in
                .lookup(AxisContext(card: card, index: index, maxRank: index < maxRanks.count ? maxRanks[index] : 0))
            })
        case "badge": return .text(root + SitePaths.badge(card.manifest.id.rawValue))
        case "json": return .text(root + SitePaths.modelJSON(card.manifest.id.rawValue))
        case "releasedSort": return .text(card.manifest.released?.description ?? "")
        case "parametersSort": return .text(card.manifest.parameters.map { NumberFormat.compact($0.billions) } ?? "")
        case "position": return position.map(TemplateValue.number)
        case "released": return .text(card.manifest.released?.description)
        case "parameters": return .text(card.manifest.parameters?.text)
        case "activeParameters": return .text(card.manifest.activeParameters?.text)
        // Looked for and not published: the header says so rather than dropping the fact.
        case "releasedUnknown": return .flag(card.manifest.unknownFacts.contains("released"))
        case "parametersUnknown": return .flag(card.manifest.unknownFacts.contains("parameters"))
        case "reference": return .text(card.manifest.reference)
        case "modality": return card.manifest.modality.isEmpty ? nil : .text(card.manifest.modality.map(\.rawValue).joined(separator: ", "))
        case "notesHTML": return .text(notes?.html)
        case "notesMarkdown": return .text(notes?.markdown)
        case "license":
            return card.license.map { license in
                ["id": .text(license.id), "name": .text(license.name), "url": .text(license.url), "summary": .text(license.summary),
                 "osiApproved": .flag(license.osiApproved), "level": .text(license.level.rawValue)]
            }
        case "codeLicense":
            return codeLicense.map { license in ["id": .text(license.id), "name": .text(license.name), "url": .text(license.url)] }
        case "nextTier":
            return card.nextTier.map { gap in
                [
                    "tier": .lookup(TierValue(tier: gap.tier)),
                    "shortfalls": .list(gap.shortfalls.map { shortfall in
                        ["axis": .text(shortfall.axis.displayName), "current": .text(shortfall.current.label),
                         "required": .text(shortfall.required.label), "definition": .text(shortfall.required.definition),
                         "summary": .text(shortfall.summary)]
                    }),
                ]
            }
        default: return nil
        }
    }
}

/// One axis of a model: `{{#axes}}...{{/axes}}`. It keeps the scorecard and the axis's
/// position rather than a copy of the score: a copy is a dozen references to retain,
/// and a page reads only a few fields of each axis.
struct AxisContext: TemplateLookup {
    let card: Scorecard
    let index: Int
    let maxRank: Int

    func value(named name: String) -> TemplateValue? {
        let axes = card.axes
        switch name {
        case "axis": return .text(axes[index].axis.rawValue)
        case "label": return .text(axes[index].axis.displayName)
        case "levelID": return .text(axes[index].level.id)
        case "levelLabel": return .text(axes[index].level.label)
        case "definition": return .text(axes[index].level.definition)
        case "points": return .number(axes[index].level.points)
        case "maxPoints": return .number(axes[index].maxPoints)
        case "rank": return .number(axes[index].level.rank)
        case "maxRank": return .number(maxRank)
        // Readers count levels from 1: "level 2 of 4" for the second of four.
        case "rankFromOne": return .number(axes[index].level.rank + 1)
        case "levelCount": return .number(maxRank + 1)
        case "isTop": return .flag(axes[index].isTop)
        case "reason": return .text(axes[index].reason)
        case "evidence": return .list(axes[index].evidence.map { .lookup(EvidenceLink(url: $0)) })
        case "hasEvidence": return .flag(!axes[index].evidence.isEmpty)
        case "note": return .text(axes[index].note)
        default: return nil
        }
    }
}

/// One evidence link: its URL, and the shortened label only the narrow comparison columns
/// read (shortening every URL of 10,000 scorecards that never show it cost 2% of a build).
struct EvidenceLink: TemplateLookup {
    let url: String

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "url": .text(url)
        case "label": .text(AxisContext.shortLabel(url))
        default: nil
        }
    }
}

extension AxisContext {
    /// A link's text where a whole URL would not fit (a comparison's narrow columns): no
    /// scheme or `www.`, and at most 40 characters.
    static func shortLabel(_ url: String) -> String {
        var text = Substring(url)
        for prefix in ["https://", "http://", "www."] where text.hasPrefix(prefix) { text = text.dropFirst(prefix.count) }
        while text.hasSuffix("/") { text = text.dropLast() }
        // Forty bytes hold at most forty characters; and in ASCII without a carriage return
        // (which joins a following line feed into one character) a byte is a character.
        // Either way most URLs skip grapheme breaking, which 10,000 pages notice.
        let bytes = text.utf8
        guard bytes.count > 40 else { return String(text) }
        if bytes.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\r") }) {
            return String(decoding: bytes.prefix(39), as: UTF8.self) + "…"
        }
        return text.count > 40 ? text.prefix(39) + "…" : String(text)
    }
}

/// A tier: `{{tier.id}}`, `{{tier.label}}`, `{{tier.rank}}`, `{{tier.summary}}`, `{{tier.color}}`.
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

/// A lookup with some keys answered differently or added (the brief's list of models
/// links to their Markdown pages and says what each is missing).
struct OverlaidLookup: TemplateLookup {
    let base: any TemplateLookup
    let overlay: TemplateObject

    func value(named name: String) -> TemplateValue? {
        overlay[name] ?? base.value(named: name)
    }
}
