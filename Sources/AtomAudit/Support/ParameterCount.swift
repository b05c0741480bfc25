/// A parameter count written the way model cards write it: `400M`, `7B`, `1.5B`, `1T`.
public struct ParameterCount: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The count as written, e.g. "1.5B", kept for display.
    public let text: String
    /// The count in parameters.
    public let value: Double

    /// By Unicode scalar: a `Character` key would match "7K" written with U+212A KELVIN
    /// SIGN, which would then be shown and exported as written.
    private static let scales: [Unicode.Scalar: Double] = ["K": 1e3, "M": 1e6, "B": 1e9, "T": 1e12]

    /// Parses a positive number followed by K, M, B or T (upper case).
    public init?(_ text: String) {
        guard let unit = text.unicodeScalars.last, let scale = Self.scales[unit] else { return nil }
        let number = Substring(text.unicodeScalars.dropLast())
        guard !number.isEmpty, number.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              number.first != ".", number.last != ".",
              let amount = Double(number), amount > 0,
              // Hundreds of digits parse as infinity, which charts cannot place.
              (amount * scale).isFinite else { return nil }
        self.text = text
        self.value = amount * scale
    }

    /// Billions of parameters, for charts and thresholds.
    public var billions: Double { value / 1e9 }

    public var description: String { text }

    public static func < (a: ParameterCount, b: ParameterCount) -> Bool {
        (a.value, a.text) < (b.value, b.text)
    }
}
