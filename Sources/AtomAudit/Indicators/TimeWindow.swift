/// Which release dates a signpost counts. Rolling windows move with the data's as-of
/// date, so a signpost keeps meaning the same thing a year on; a fixed window (a
/// half-year, a date range) is history, and `check` warns once it ended long ago.
public enum TimeWindow: Sendable, Hashable {
    /// The `months` months up to and including the as-of date.
    case lastMonths(Int)
    /// From a day up to the as-of date.
    case since(CalendarDate)
    /// A fixed half-year, e.g. 2025-H2.
    case halfYear(year: Int, second: Bool)

    /// Reads `last-6-months`, `last-12-months`, `since 2025-07-01` or `2025-H2`.
    public init?(_ text: String) {
        // ASCII only: `Int` takes "+202", and String comparison takes look-alikes.
        guard text.utf8.allSatisfy({ $0 < 0x80 }), !text.contains("+") else { return nil }
        let parts = text.split(separator: "-")
        if text.hasPrefix("last-"), text.hasSuffix("-months"), parts.count == 3, let months = Int(parts[1]), (1...120).contains(months) {
            self = .lastMonths(months)
        } else if text.hasPrefix("since "), let date = CalendarDate(String(text.dropFirst("since ".count))) {
            self = .since(date)
        } else if parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), (1...9999).contains(year), parts[1] == "H1" || parts[1] == "H2" {
            self = .halfYear(year: year, second: parts[1] == "H2")
        } else {
            return nil
        }
    }

    /// The first and last day counted, as of a day.
    public func days(asOf: CalendarDate) -> ClosedRange<CalendarDate> {
        switch self {
        case .lastMonths(let months):
            return asOf.addingMonths(-months).nextDay...asOf
        case .since(let start):
            return start...max(start, asOf)
        case .halfYear(let year, let second):
            let start = CalendarDate(year: year, month: second ? 7 : 1, day: 1) ?? asOf
            let end = CalendarDate(year: year, month: second ? 12 : 6, day: second ? 31 : 30) ?? asOf
            return start...end
        }
    }

    /// Rolling windows move with the as-of date; fixed ones do not.
    public var isRolling: Bool {
        switch self {
        case .lastMonths, .since: true
        case .halfYear: false
        }
    }

    /// "in the 12 months to 2026-12-06", "since 2025-07-01", "in 2025-H2".
    public func phrase(asOf: CalendarDate) -> String {
        switch self {
        case .lastMonths(let months):
            return "released in the \(months) month\(months == 1 ? "" : "s") to \(asOf)"
        case .since(let start):
            return "released from \(start) to \(asOf)"
        case .halfYear(let year, let second):
            return "released in the \(second ? "second" : "first") half of \(year)"
        }
    }

    public var text: String {
        switch self {
        case .lastMonths(let months): "last-\(months)-months"
        case .since(let date): "since \(date)"
        case .halfYear(let year, let second): "\(year)-H\(second ? 2 : 1)"
        }
    }
}

extension CalendarDate {
    /// The same day `months` months later (earlier when negative), clamped to the month's
    /// last day (2026-03-31 minus one month is 2026-02-28).
    public func addingMonths(_ months: Int) -> CalendarDate {
        let index = year * 12 + (month - 1) + months
        let newYear = index / 12, newMonth = index % 12 + 1
        return CalendarDate(year: newYear, month: newMonth, day: min(day, Self.daysIn(month: newMonth, year: newYear))) ?? self
    }

    public var nextDay: CalendarDate { CalendarDate(dayNumber: dayNumber + 1) ?? self }
}
