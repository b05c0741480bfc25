/// A time axis over whole days and where its labelled ticks go: days for a span of a few
/// months (a history may be a fortnight old), first days of months up to two years,
/// then years. At most about seven labels, so they never overlap.
struct DayAxis: Hashable {
    struct Tick: Hashable {
        /// Days since 1970-01-01.
        var day: Int
        var label: String
    }

    /// The first and last day drawn; `end` is after `start`, so a scale never divides by zero.
    let start: Int
    let end: Int
    let ticks: [Tick]

    init(start: Int, end: Int) {
        let start = min(max(start, ChartDate.supportedDays.lowerBound), ChartDate.supportedDays.upperBound - 1)
        let end = min(max(end, start + 1), ChartDate.supportedDays.upperBound)
        self.start = start
        self.end = end
        let span = end - start
        if span <= 120 {
            let step = [1, 2, 7, 14, 28].first { span / $0 <= 6 } ?? 28
            ticks = stride(from: start, through: end, by: step).map { Tick(day: $0, label: ChartDate(dayNumber: $0).iso) }
        } else if span < 730 {
            let months = [1, 2, 3, 6].first { span / (30 * $0) <= 6 } ?? 6
            ticks = Self.monthStarts(from: start, to: end, every: months)
        } else {
            let first = ChartDate(dayNumber: start).year, last = ChartDate(dayNumber: end).year
            let step = ChartScale.niceStep(for: Double(last - first + 1), maxIntervals: 7)
            ticks = (first...last).filter { $0 % step == 0 }.map { ChartDate(year: $0, month: 1, day: 1).dayNumber }
                .filter { $0 >= start && $0 <= end }.map { Tick(day: $0, label: ChartDate(dayNumber: $0).iso.prefix(4).description) }
        }
    }

    /// The first day of every `every`-th month (counted from January) within the span,
    /// labelled `2026-03`.
    private static func monthStarts(from start: Int, to end: Int, every: Int) -> [Tick] {
        let first = ChartDate(dayNumber: start)
        var year = first.year, month = first.month
        var ticks: [Tick] = []
        while true {
            let day = ChartDate(year: year, month: month, day: 1).dayNumber
            if day > end { break }
            if day >= start, (month - 1) % every == 0 { ticks.append(Tick(day: day, label: String(ChartDate(dayNumber: day).iso.prefix(7)))) }
            month += 1
            if month > 12 { (year, month) = (year + 1, 1) }
        }
        return ticks
    }
}
