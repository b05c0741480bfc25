@testable import AtomSite

/// Reads back the PNGs the site writes, checking every checksum on the way, so a test can
/// look at the pixels. Only what `PNGEncoder` writes: 8-bit indexed colour, unfiltered
/// rows, deflate blocks stored or with fixed codes.
struct PNGReader {
    var width = 0, height = 0
    var palette: [UInt32] = []
    var pixels: [UInt8] = []

    enum Failure: Error, Equatable { case signature, crc(String), header, zlib, deflate, adler, filter, size }

    init(_ bytes: [UInt8]) throws {
        guard bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { throw Failure.signature }
        var offset = 8, idat: [UInt8] = []
        func u32(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        while offset + 12 <= bytes.count {
            let length = u32(offset)
            let typed = Array(bytes[offset + 4..<offset + 8 + length])
            let type = String(decoding: typed.prefix(4), as: UTF8.self), data = Array(typed.dropFirst(4))
            guard UInt32(u32(offset + 8 + length)) == PNGEncoder.crc32(typed) else { throw Failure.crc(type) }
            switch type {
            case "IHDR":
                width = data[0..<4].reduce(0) { $0 << 8 | Int($1) }
                height = data[4..<8].reduce(0) { $0 << 8 | Int($1) }
                guard Array(data[8...]) == [8, 3, 0, 0, 0] else { throw Failure.header }
            case "PLTE": palette = stride(from: 0, to: data.count, by: 3).map { UInt32(data[$0]) << 16 | UInt32(data[$0 + 1]) << 8 | UInt32(data[$0 + 2]) }
            case "IDAT": idat += data
            default: break
            }
            offset += 12 + length
        }
        guard idat.count > 6, (Int(idat[0]) << 8 | Int(idat[1])) % 31 == 0, idat[0] & 0x0F == 8 else { throw Failure.zlib }
        let raw = try Self.inflate(Array(idat[2..<idat.count - 4]))
        guard UInt32(idat.suffix(4).reduce(0) { $0 << 8 | Int($1) }) == PNGEncoder.adler32(raw) else { throw Failure.adler }
        guard raw.count == (width + 1) * height else { throw Failure.size }
        for row in 0..<height {
            guard raw[row * (width + 1)] == 0 else { throw Failure.filter }
            pixels += raw[row * (width + 1) + 1..<(row + 1) * (width + 1)]
        }
    }

    func color(x: Int, y: Int) -> UInt32 { palette[Int(pixels[y * width + x])] }

    /// Deflate with stored and fixed-code blocks (RFC 1951).
    static func inflate(_ data: [UInt8]) throws -> [UInt8] {
        var bit = 0, out: [UInt8] = []
        func bits(_ count: Int) throws -> Int {
            var value = 0
            for index in 0..<count {
                guard bit / 8 < data.count else { throw Failure.deflate }
                value |= Int(data[bit / 8] >> (bit % 8) & 1) << index
                bit += 1
            }
            return value
        }
        func code(_ count: Int, after prefix: Int = 0) throws -> Int {
            var value = prefix
            for _ in 0..<count { value = value << 1 | (try bits(1)) }
            return value
        }
        func symbol() throws -> Int {
            let seven = try code(7)
            if seven <= 23 { return 256 + seven }
            let eight = try code(1, after: seven)
            if (0x30...0xBF).contains(eight) { return eight - 0x30 }
            if (0xC0...0xC7).contains(eight) { return 280 + eight - 0xC0 }
            return 144 + (try code(1, after: eight)) - 0x190
        }
        var final = 0
        repeat {
            final = try bits(1)
            switch try bits(2) {
            case 0:
                bit = (bit + 7) / 8 * 8
                let length = try bits(16)
                _ = try bits(16)
                guard bit / 8 + length <= data.count else { throw Failure.deflate }
                out += data[bit / 8..<bit / 8 + length]
                bit += length * 8
            case 1:
                while true {
                    let next = try symbol()
                    if next < 256 { out.append(UInt8(next)); continue }
                    if next == 256 { break }
                    let index = next - 257
                    let length = Deflater.lengthBases[index] + (try bits(Deflater.lengthExtraBits[index]))
                    let distanceCode = try code(5)
                    guard distanceCode < 30 else { throw Failure.deflate }
                    let distance = Deflater.distanceBases[distanceCode] + (try bits(Deflater.distanceExtraBits[distanceCode]))
                    guard distance <= out.count else { throw Failure.deflate }
                    for _ in 0..<length { out.append(out[out.count - distance]) }
                }
            default: throw Failure.deflate
            }
        } while final == 0
        return out
    }
}
