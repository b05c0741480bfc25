extension StringProtocol {
    /// The lines of a content file as libyaml numbers them: "\n", "\r\n" and a lone
    /// "\r" each end a line. Splitting on "\n" alone misses Windows line endings,
    /// because a String holds "\r\n" as one Character, which is not "\n".
    var sourceLines: [SubSequence] {
        split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
    }
}

/// The line and column of each Unicode scalar of a text, counted as libyaml counts
/// them, for scans that run before Yams: "\n", "\r\n" and a lone "\r" each end a line.
struct SourceCursor {
    private(set) var line = 1
    private(set) var column = 1
    private var afterCarriageReturn = false

    func location(in file: String) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    /// Moves past the character whose UTF-8 starts with `byte` (never a continuation
    /// byte): the same steps as `advance(past:)` for that character's scalar.
    mutating func advance(pastCharacterStartingWith byte: UInt8) {
        defer { afterCarriageReturn = byte == UInt8(ascii: "\r") }
        switch byte {
        case UInt8(ascii: "\n") where afterCarriageReturn:
            break
        case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
            line += 1; column = 1
        default:
            column += 1
        }
    }

    /// Moves past `scalar`, to where the next one is.
    mutating func advance(past scalar: Unicode.Scalar) {
        defer { afterCarriageReturn = scalar == "\r" }
        switch scalar {
        case "\n" where afterCarriageReturn:
            break  // the second half of "\r\n"; the line was counted at "\r"
        case "\n", "\r":
            line += 1; column = 1
        default:
            column += 1
        }
    }
}
