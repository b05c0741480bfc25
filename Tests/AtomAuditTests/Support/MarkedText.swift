/// Inline YAML with position markers, so tests state where a diagnostic must point
/// without counting columns by hand: `"name: x\n1️⃣licence: MIT"`.
struct MarkedText {
    let text: String
    /// Marker → 1-based (line, column) in Unicode scalars, as Yams counts.
    let markers: [String: (line: Int, column: Int)]

    static let markerSymbols = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]

    init(_ marked: String) {
        var text = ""
        var markers: [String: (Int, Int)] = [:]
        var line = 1, column = 1
        var remaining = Substring(marked)
        outer: while let character = remaining.first {
            for symbol in Self.markerSymbols where remaining.hasPrefix(symbol) {
                markers[symbol] = (line, column)
                remaining = remaining.dropFirst(symbol.count)
                continue outer
            }
            text.append(character)
            if character == "\n" { line += 1; column = 1 } else { column += character.unicodeScalars.count }
            remaining = remaining.dropFirst()
        }
        self.text = text
        self.markers = markers
    }
}
