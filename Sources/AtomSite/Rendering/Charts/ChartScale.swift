/// Picks axis steps people can read at a glance.
enum ChartScale {
    /// The smallest step from 1, 2, 5, 10, 20, 50, … that divides 0...`maximum` into at
    /// most `maxIntervals` intervals. Always a whole number, so a count axis never shows
    /// "2.5 models".
    static func niceStep(for maximum: Double, maxIntervals: Int) -> Int {
        guard maximum.isFinite, maximum > 0 else { return 1 }
        let intervals = Double(max(1, maxIntervals))
        var base = 1
        // The bound ends the search for absurd inputs instead of overflowing `base`.
        while base <= 1_000_000_000_000 {
            for multiple in [1, 2, 5] {
                let step = multiple * base
                if (maximum / Double(step)).rounded(.up) <= intervals { return step }
            }
            base *= 10
        }
        return base
    }

    /// The first multiple of `step` at or above `maximum` (at least `step`), where the axis ends.
    static func axisEnd(for maximum: Double, step: Int) -> Int {
        guard maximum.isFinite, maximum > 0, step > 0 else { return max(step, 1) }
        let steps = Int((maximum / Double(step)).rounded(.up))
        return max(1, steps) * step
    }
}
