/// Hex as diagnostics print it: a code point as `00A0` (at least four upper-case digits, the
/// form that follows "U+") and a byte as `0F`. One place, so every message spells them alike.
enum Hex {
    static func codePoint(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    static func byte(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }
}
