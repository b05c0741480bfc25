/// A picture in palette indices, with rectangles and block-letter text: just what the
/// social preview draws. Everything outside the picture is clipped, never an error.
struct Canvas {
    let width: Int
    let height: Int
    private(set) var pixels: [UInt8]

    init(width: Int, height: Int, background: UInt8) {
        self.width = width
        self.height = height
        pixels = Array(repeating: background, count: width * height)
    }

    mutating func fill(x: Int, y: Int, width w: Int, height h: Int, color: UInt8) {
        let left = max(0, x), right = min(width, x + w), top = max(0, y), bottom = min(height, y + h)
        guard left < right, top < bottom else { return }
        for row in top..<bottom {
            pixels.replaceSubrange(row * width + left..<row * width + right, with: repeatElement(color, count: right - left))
        }
    }

    /// Draws `text` in one line with its top-left corner at (x, y), each font pixel a
    /// `scale` × `scale` square.
    mutating func text(_ text: String, x: Int, y: Int, scale: Int, color: UInt8) {
        var left = x
        for character in text {
            for (row, bits) in BitmapFont.glyph(character).enumerated() {
                for (column, ink) in bits.enumerated() where ink {
                    fill(x: left + column * scale, y: y + row * scale, width: scale, height: scale, color: color)
                }
            }
            left += BitmapFont.advance * scale
        }
    }

    /// `text` broken at spaces into lines of at most `maxWidth` pixels at `scale`, at most
    /// `maxLines` of them; a word longer than a line is cut, and text that does not fit
    /// ends in "…".
    static func wrap(_ text: String, maxWidth: Int, scale: Int, maxLines: Int) -> [String] {
        let perLine = max(1, (maxWidth / scale + 1) / BitmapFont.advance)
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if candidate.count <= perLine {
                current = candidate
                continue
            }
            if !current.isEmpty { lines.append(current) }
            current = String(word.prefix(perLine))
        }
        if !current.isEmpty { lines.append(current) }
        guard lines.count > maxLines else { return lines }
        var kept = Array(lines.prefix(maxLines))
        kept[maxLines - 1] = String(kept[maxLines - 1].prefix(perLine - 1)) + "…"
        return kept
    }
}
