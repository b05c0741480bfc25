/// Formats numbers for coordinates and printed values.
///
/// `String(format:)` and `NumberFormatter` may follow the machine's locale, and
/// `Double.description` prints noise such as "12.000000000000002"; rounding to tenths by
/// hand keeps the SVG short and byte-identical on every machine.
enum SVGNumber {
    /// At most one decimal, "." as separator, no trailing ".0", never "-0".
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        // The clamp keeps the conversion to Int from trapping on absurd inputs.
        let clamped = min(max(value, -1e12), 1e12)
        let tenths = Int((clamped * 10).rounded())
        let magnitude = tenths.magnitude
        let whole = magnitude / 10
        let fraction = magnitude % 10
        let sign = tenths < 0 ? "-" : ""
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }
}
