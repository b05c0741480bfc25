import AtomAudit

/// A day of the proleptic Gregorian calendar, converted to and from days since 1970-01-01.
///
/// Charts receive dates as day numbers. Converting with integer arithmetic rather than
/// `Calendar` keeps the result independent of time zones and of the machine's settings.
struct ChartDate: Hashable, Comparable, Sendable {
    let year: Int
    let month: Int
    let day: Int

    /// Day numbers the charts accept: 0001-01-01 through 9999-12-31. Anything outside is
    /// treated as a broken date rather than drawn thousands of years away.
    static let supportedDays = -719_162...2_932_896

    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day `dayNumber` days after 1970-01-01; callers keep to `supportedDays`.
    init(dayNumber: Int) {
        let date = CalendarDate(dayNumber: min(max(dayNumber, Self.supportedDays.lowerBound), Self.supportedDays.upperBound))
        self.init(year: date?.year ?? 1970, month: date?.month ?? 1, day: date?.day ?? 1)
    }

    /// The day a (possibly fractional) chart coordinate falls on, or nil when it is not a
    /// finite number within `supportedDays`.
    init?(coordinate: Double) {
        guard coordinate.isFinite else { return nil }
        let floored = coordinate.rounded(.down)
        guard floored >= Double(Self.supportedDays.lowerBound),
              floored <= Double(Self.supportedDays.upperBound) else { return nil }
        self.init(dayNumber: Int(floored))
    }

    var dayNumber: Int {
        CalendarDate(year: year, month: month, day: day)?.dayNumber ?? 0
    }

    /// `YYYY-MM-DD`.
    var iso: String {
        "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// "2024-H1" for January to June, "2024-H2" for July to December.
    var halfYear: String { "\(pad(year, 4))-H\(month <= 6 ? 1 : 2)" }

    /// January 1 or July 1 of the half-year this day is in.
    var startOfHalfYear: ChartDate { ChartDate(year: year, month: month <= 6 ? 1 : 7, day: 1) }

    /// The first day of the next half-year.
    var startOfNextHalfYear: ChartDate {
        month <= 6 ? ChartDate(year: year, month: 7, day: 1) : ChartDate(year: year + 1, month: 1, day: 1)
    }

    static func < (a: ChartDate, b: ChartDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
