import Foundation

/// Turns a content file's bytes into text, or says exactly where they stop being UTF-8.
enum TextDecoding {
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Decodes UTF-8, dropping a leading byte-order mark.
    static func decode(_ data: Data, file: String) -> Result<String, Diagnostic> {
        var bytes = data[...]
        if bytes.starts(with: byteOrderMark) { bytes = bytes.dropFirst(byteOrderMark.count) }
        if let text = String(validating: bytes, as: UTF8.self) { return .success(text) }
        // Windows editors save "Unicode" as UTF-16; "byte 0xFF" alone would not say so.
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return .failure(.error(
                "invalid-utf8", "the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8 text",
                at: .start(of: file)))
        }
        return .failure(.error(
            "invalid-utf8",
            "the file is not valid UTF-8 (byte 0x\(firstInvalidByte(in: bytes).map(Hex.byte) ?? "??")); save it as UTF-8 text",
            at: firstInvalidLocation(in: bytes, file: file)))
    }

    private static func firstInvalidByte(in bytes: Data.SubSequence) -> UInt8? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var consumed = 0
        var offsetBefore = 0
        // Count bytes per scalar to locate the failing one.
        while true {
            offsetBefore = consumed
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                consumed += UTF8.width(scalar)
            case .emptyInput:
                return nil
            case .error:
                let index = bytes.index(bytes.startIndex, offsetBy: offsetBefore)
                return index < bytes.endIndex ? bytes[index] : nil
            }
        }
    }

    private static func firstInvalidLocation(in bytes: Data.SubSequence, file: String) -> SourceLocation {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var cursor = SourceCursor()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                cursor.advance(past: scalar)
            case .emptyInput, .error:
                return cursor.location(in: file)
            }
        }
    }
}
