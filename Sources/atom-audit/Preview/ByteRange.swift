/// A `Range: bytes=…` header read for one file, so an interrupted download of a large
/// export can resume. One range only: a client asking for several gets the whole file,
/// which RFC 9110 allows.
enum ByteRange: Equatable {
    case whole
    case part(Range<Int>)
    case unsatisfiable

    /// - Parameters:
    ///   - header: the Range header's value, e.g. `bytes=0-99`, `bytes=100-`, `bytes=-50`.
    ///   - size: the file's size in bytes.
    static func parse(_ header: String?, size: Int) -> ByteRange {
        guard let header, header.hasPrefix("bytes="), !header.contains(",") else { return .whole }
        let spec = header.dropFirst("bytes=".count).trimmingSpaces
        guard let dash = spec.firstIndex(of: "-") else { return .whole }
        let first = spec[..<dash].trimmingSpaces, last = spec[spec.index(after: dash)...].trimmingSpaces
        guard first.allSatisfy(\.isASCIIDigit), last.allSatisfy(\.isASCIIDigit) else { return .whole }
        switch (Int(first), Int(last)) {
        case (let start?, let end?):
            // A malformed range (end before start) is ignored, as if the header were absent.
            guard start <= end else { return .whole }
            guard start < size else { return .unsatisfiable }
            return .part(start..<min(end + 1, size))
        case (let start?, nil) where last.isEmpty:
            return start < size ? .part(start..<size) : .unsatisfiable
        case (nil, let suffix?) where first.isEmpty:
            // The last `suffix` bytes.
            guard suffix > 0, size > 0 else { return .unsatisfiable }
            return .part(max(0, size - suffix)..<size)
        default:
            return .whole
        }
    }
}

private extension Substring {
    var trimmingSpaces: Substring {
        var text = self
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return text
    }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
