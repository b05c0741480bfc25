import Foundation

/// Colour checks shared by the charts and the badge.
///
/// Colours come from content files, so they are only ever used after `isHex` accepts them:
/// a hostile value such as `red" onload="…` must never reach an attribute.
enum ChartColor {
    /// Text colour on the white chart background (15.8:1).
    static let ink = "#1f2328"
    static let white = "#ffffff"
    /// Axis lines and tick marks: 6.4:1 on white, enough for non-text graphics.
    static let axis = "#57606a"
    /// Gridlines are deliberately faint: they guide the eye but carry no data.
    static let grid = "#d0d7de"

    /// True for exactly `#` followed by six hexadecimal digits.
    static func isHex(_ color: String) -> Bool {
        let bytes = Array(color.utf8)
        guard bytes.count == 7, bytes[0] == UInt8(ascii: "#") else { return false }
        return bytes.dropFirst().allSatisfy(isHexDigit)
    }

    static func validated(_ color: String, fallback: String) -> String {
        isHex(color) ? color : fallback
    }

    /// WCAG 2 relative luminance of a colour `isHex` accepts; 0 for anything else.
    static func relativeLuminance(_ color: String) -> Double {
        guard isHex(color) else { return 0 }
        let bytes = Array(color.utf8)
        func channel(_ offset: Int) -> Double {
            let value = Double(hexValue(bytes[offset]) * 16 + hexValue(bytes[offset + 1])) / 255
            return value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
    }

    /// WCAG 2 contrast ratio, from 1 to 21.
    static func contrast(_ first: String, _ second: String) -> Double {
        let a = relativeLuminance(first)
        let b = relativeLuminance(second)
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// Ink or white, whichever reads better on `fill`: series colours are chosen by content
    /// authors, so the count printed on a bar segment cannot assume a light or dark fill.
    static func text(on fill: String) -> String {
        contrast(fill, ink) >= contrast(fill, white) ? ink : white
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "a")...UInt8(ascii: "f"),
             UInt8(ascii: "A")...UInt8(ascii: "F"): true
        default: false
        }
    }

    private static func hexValue(_ byte: UInt8) -> Int {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A")) + 10
        default: 0
        }
    }
}
