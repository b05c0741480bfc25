/// Writes an indexed-colour PNG (colour type 3, 8 bits a pixel) with no library: the
/// site's social preview needs a raster image (social networks do not show SVG), and
/// the build takes no dependency for one picture. Same pixels, same bytes.
struct PNGEncoder {
    /// Up to 256 colours as 0xRRGGBB.
    var palette: [UInt32]

    /// - Parameters:
    ///   - pixels: palette indices, row by row, `width * height` of them.
    func encode(width: Int, height: Int, pixels: [UInt8]) -> [UInt8] {
        precondition(pixels.count == width * height && !palette.isEmpty && palette.count <= 256, "pixels must fill the image")
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header: [UInt8] = []
        header.appendBigEndian(UInt32(width))
        header.appendBigEndian(UInt32(height))
        header += [8, 3, 0, 0, 0]  // bit depth, indexed colour, deflate, adaptive filtering, no interlace
        Self.chunk("IHDR", header, into: &png)
        Self.chunk("PLTE", palette.flatMap { [UInt8($0 >> 16 & 0xFF), UInt8($0 >> 8 & 0xFF), UInt8($0 & 0xFF)] }, into: &png)
        // Every scanline starts with its filter type, 0 (none): flat areas compress as
        // well unfiltered, and the deflater finds the row above on its own.
        var scanlines: [UInt8] = []
        scanlines.reserveCapacity((width + 1) * height)
        for row in 0..<height {
            scanlines.append(0)
            scanlines += pixels[row * width..<(row + 1) * width]
        }
        Self.chunk("IDAT", Self.zlib(scanlines, rowLength: width + 1), into: &png)
        Self.chunk("IEND", [], into: &png)
        return png
    }

    /// A zlib stream (RFC 1950): header, deflate data, Adler-32 of the input.
    static func zlib(_ data: [UInt8], rowLength: Int) -> [UInt8] {
        var stream: [UInt8] = [0x78, 0x01]  // deflate with a 32 KB window; 0x7801 is a multiple of 31
        stream += Deflater(rowLength: rowLength).deflate(data)
        stream.appendBigEndian(adler32(data))
        return stream
    }

    static func chunk(_ type: String, _ data: [UInt8], into png: inout [UInt8]) {
        png.appendBigEndian(UInt32(data.count))
        let typed = Array(type.utf8) + data
        png += typed
        png.appendBigEndian(crc32(typed))
    }

    static let crcTable: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }

    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        return b << 16 | a
    }
}

extension Array where Element == UInt8 {
    mutating func appendBigEndian(_ value: UInt32) {
        append(contentsOf: [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)])
    }
}
