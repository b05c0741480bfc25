#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// Whether the text's UTF-8 holds `byte`, found with `memchr`: `utf8.contains` steps
    /// through the view one byte at a time, and every manifest is searched for '&'.
    func containsByte(_ byte: UInt8) -> Bool {
        var text = self
        return text.withUTF8 { buffer in
            guard let base = buffer.baseAddress else { return false }
            return memchr(base, Int32(byte), buffer.count) != nil
        }
    }
}
