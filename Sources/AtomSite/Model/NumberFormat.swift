/// Locale-independent number formatting, so output is identical on every machine.
public enum NumberFormat {
    /// "12" for 12.0, "12.5" for 12.5 (one decimal at most).
    static func compact(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(rounded)
    }

    /// "42%" from a part and a whole; "0%" when the whole is zero.
    static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "0%" }
        return String(Int((Double(part) * 100 / Double(whole)).rounded())) + "%"
    }

    /// "1,234,567": thousands grouped with commas, whatever the machine's locale.
    public static func grouped(_ value: Int) -> String {
        // Digits are ASCII: working on bytes skips grapheme breaking, which a scorecard
        // page (a dozen figures, 10,000 pages) notices.
        let digits = Array(String(value.magnitude).utf8)
        var result: [UInt8] = value < 0 ? [UInt8(ascii: "-")] : []
        result.reserveCapacity(digits.count + digits.count / 3 + 1)
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(UInt8(ascii: ",")) }
            result.append(digit)
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// "1 model", "3 models".
    static func plural(_ count: Int, _ singular: String, plural: String? = nil) -> String {
        "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
    }

    /// "950", "12K", "1.2M", "3.4B": for chart axes and labels, where "1,234,567,890" does
    /// not fit. Tables and text give the whole number.
    static func abbreviated(_ value: Int) -> String {
        let magnitude = Double(value.magnitude)
        let units: [(Double, String)] = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")]
        for (scale, suffix) in units where magnitude >= scale {
            let scaled = magnitude / scale
            // One decimal below 10 ("1.2M"), none above ("12M"), so labels stay short.
            let text = scaled < 10 ? compact(scaled) : String(Int(scaled.rounded()))
            return (value < 0 ? "-" : "") + text + suffix
        }
        return String(value)
    }

    /// "42.5%" from a percentage (one decimal at most).
    static func percent(_ value: Double) -> String { compact(value) + "%" }
}
