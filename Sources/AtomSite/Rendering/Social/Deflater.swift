/// Deflate (RFC 1951) in one block of fixed Huffman codes, looking for repeats in only two
/// places: the byte before (runs of one colour) and the same byte one row up (a row like
/// the last). That is where a picture of flat colours and block letters repeats itself,
/// so a 750 KB image shrinks to a few kilobytes without a general-purpose matcher.
struct Deflater {
    /// Bytes per row of the image, filter byte included: the distance to the row above.
    var rowLength: Int

    static let minMatch = 3, maxMatch = 258, maxDistance = 32_768

    func deflate(_ data: [UInt8]) -> [UInt8] {
        var out = BitWriter()
        out.write(1, count: 1)  // the final block
        out.write(1, count: 2)  // fixed Huffman codes
        var position = 0
        while position < data.count {
            var best = (length: 0, distance: 0)
            for distance in [1, rowLength] where distance <= position && distance <= Self.maxDistance {
                let length = matchLength(data, at: position, distance: distance)
                if length > best.length { best = (length, distance) }
            }
            if best.length >= Self.minMatch {
                writeLength(best.length, into: &out)
                writeDistance(best.distance, into: &out)
                position += best.length
            } else {
                writeLiteral(Int(data[position]), into: &out)
                position += 1
            }
        }
        writeLiteral(256, into: &out)  // end of block
        return out.finish()
    }

    private func matchLength(_ data: [UInt8], at position: Int, distance: Int) -> Int {
        let limit = min(Self.maxMatch, data.count - position)
        var length = 0
        while length < limit, data[position + length] == data[position + length - distance] { length += 1 }
        return length
    }

    /// The fixed literal/length code of symbol 0...287 (RFC 1951, 3.2.6).
    private func writeLiteral(_ symbol: Int, into out: inout BitWriter) {
        switch symbol {
        case 0...143: out.writeCode(0x30 + symbol, count: 8)
        case 144...255: out.writeCode(0x190 + symbol - 144, count: 9)
        case 256...279: out.writeCode(symbol - 256, count: 7)
        default: out.writeCode(0xC0 + symbol - 280, count: 8)
        }
    }

    static let lengthBases = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtraBits = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBases = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
                                4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtraBits = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    private func writeLength(_ length: Int, into out: inout BitWriter) {
        let index = (Self.lengthBases.lastIndex { $0 <= length }) ?? 0
        writeLiteral(257 + index, into: &out)
        out.write(length - Self.lengthBases[index], count: Self.lengthExtraBits[index])
    }

    private func writeDistance(_ distance: Int, into out: inout BitWriter) {
        let index = (Self.distanceBases.lastIndex { $0 <= distance }) ?? 0
        out.writeCode(index, count: 5)
        out.write(distance - Self.distanceBases[index], count: Self.distanceExtraBits[index])
    }
}

/// Packs bits as deflate wants them: values from their lowest bit, Huffman codes from
/// their highest.
struct BitWriter {
    private var bytes: [UInt8] = []
    private var buffer: UInt32 = 0
    private var filled = 0

    mutating func write(_ value: Int, count: Int) {
        guard count > 0 else { return }
        buffer |= UInt32(value & ((1 << count) - 1)) << UInt32(filled)
        filled += count
        while filled >= 8 {
            bytes.append(UInt8(buffer & 0xFF))
            buffer >>= 8
            filled -= 8
        }
    }

    mutating func writeCode(_ code: Int, count: Int) {
        var reversed = 0
        for bit in 0..<count { reversed |= (code >> bit & 1) << (count - 1 - bit) }
        write(reversed, count: count)
    }

    mutating func finish() -> [UInt8] {
        if filled > 0 { bytes.append(UInt8(buffer & 0xFF)) }
        buffer = 0
        filled = 0
        return bytes
    }
}
