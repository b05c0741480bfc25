/// Downloads summed by origin, by tier and over time, from the models' adoption snapshots.
///
/// Every sum says how many models it covers: most models have no figure yet, and a group
/// without one has no data rather than 0 downloads. "Now" means each model's newest
/// downloads figure; "as of a day" means its newest figure on or before that day.
public struct AdoptionTally: Sendable {
    /// What the sums read of one model, taken once.
    public struct Row: Sendable, Hashable {
        public let id: ManifestID
        public let origin: CountryCode
        public let tierID: String
        /// Total parameters, when known.
        public let parameters: Double?
        public let released: CalendarDate?
        /// Oldest first; empty when the model has no downloads figure.
        public let figures: [DownloadFigure]

        public init(id: ManifestID, origin: CountryCode, tierID: String, parameters: Double?, released: CalendarDate?, figures: [DownloadFigure]) {
            self.id = id
            self.origin = origin
            self.tierID = tierID
            self.parameters = parameters
            self.released = released
            self.figures = figures
        }

        init(_ card: Scorecard) {
            self.init(id: card.id, origin: card.manifest.origin, tierID: card.tier.id, parameters: card.manifest.parameters?.value,
                      released: card.manifest.released, figures: card.manifest.adoption?.downloadFigures ?? [])
        }

        public var latest: DownloadFigure? { figures.last }
    }

    /// The sums on one snapshot date.
    public struct DatedTotals: Sendable, Hashable {
        public var date: CalendarDate
        public var byOrigin: [CountryCode: DownloadTotal]
        public var all: DownloadTotal
    }

    /// In scorecard order.
    public let rows: [Row]

    public init(scorecards: [Scorecard]) {
        rows = scorecards.map(Row.init)
    }

    public init(rows: [Row]) {
        self.rows = rows
    }

    public var modelCount: Int { rows.count }
    /// Models with at least one downloads figure.
    public var modelsWithFigures: Int { rows.countInPlace { !$0.figures.isEmpty } }
    /// The newest figure's date: the as-of date of every "now" sum.
    public var newestDate: CalendarDate? { rows.compactMap(\.latest?.date).max() }

    /// The newest figures of the models that match, summed.
    public func total(where matches: (Row) -> Bool = { _ in true }) -> DownloadTotal {
        var total = DownloadTotal.none
        for row in rows where matches(row) {
            if let latest = row.latest { total.add(latest.downloads) }
        }
        return total
    }

    /// How many models match, with or without figures (the "of N" in "figures for 3 of N").
    public func count(where matches: (Row) -> Bool) -> Int { rows.countInPlace(where: matches) }

    public func byOrigin() -> [CountryCode: DownloadTotal] {
        rows.reduce(into: [:]) { totals, row in
            if let latest = row.latest { totals[row.origin, default: .none].add(latest.downloads) }
        }
    }

    public func byTier() -> [String: DownloadTotal] {
        rows.reduce(into: [:]) { totals, row in
            if let latest = row.latest { totals[row.tierID, default: .none].add(latest.downloads) }
        }
    }

    /// Origin → tier id → the newest figures summed.
    public func byOriginAndTier() -> [CountryCode: [String: DownloadTotal]] {
        rows.reduce(into: [:]) { totals, row in
            if let latest = row.latest { totals[row.origin, default: [:]][row.tierID, default: .none].add(latest.downloads) }
        }
    }

    /// The sums at every date a figure was recorded, oldest first, each model counted with
    /// its newest figure on or before that date. One pass over the figures in date order,
    /// keeping each model's current figure, so it is linear in the number of snapshots
    /// however many dates there are.
    public func overTime() -> [DatedTotals] {
        var events: [(date: CalendarDate, row: Int, downloads: Int)] = []
        for (index, row) in rows.enumerated() {
            for figure in row.figures { events.append((figure.date, index, figure.downloads)) }
        }
        events.sort { ($0.date, $0.row) < ($1.date, $1.row) }
        var current = [Int?](repeating: nil, count: rows.count)
        var byOrigin: [CountryCode: DownloadTotal] = [:], all = DownloadTotal.none
        var result: [DatedTotals] = []
        for (position, event) in events.enumerated() {
            let origin = rows[event.row].origin
            if let old = current[event.row] {
                byOrigin[origin, default: .none].replace(old, with: event.downloads)
                all.replace(old, with: event.downloads)
            } else {
                byOrigin[origin, default: .none].add(event.downloads)
                all.add(event.downloads)
            }
            current[event.row] = event.downloads
            // A date is done when the next event is later (or there is none).
            if position + 1 == events.count || events[position + 1].date != event.date {
                result.append(DatedTotals(date: event.date, byOrigin: byOrigin, all: all))
            }
        }
        return result
    }
}
