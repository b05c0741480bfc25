/// A cheap lexical pass that rejects runaway nesting with a clear position before
/// Yams composes the tree (its composer recurses once per level).
///
/// Every bracket counts, quoted or not: that over-approximates, which no real content
/// file comes near. Brackets hidden behind `]` in strings could under-count; libyaml's
/// own cap of 1,000 levels is the backstop for that.
enum NestingScan {
    /// The location where nesting first exceeds `limit`, if it does.
    static func firstExcess(in text: String, limit: Int, file: String) -> SourceLocation? {
        var flowDepth = 0
        var line = 1, column = 0
        var indentation = 0
        var atLineStart = true
        for scalar in text.unicodeScalars {
            column += 1
            switch scalar {
            case "\n":
                line += 1; column = 0; indentation = 0; atLineStart = true
                continue
            case " " where atLineStart:
                indentation += 1
                // Block nesting needs at least one column per level; allow generous indents.
                if indentation > limit * 4 { return SourceLocation(file: file, line: line, column: column) }
                continue
            case "[", "{":
                flowDepth += 1
                if flowDepth > limit { return SourceLocation(file: file, line: line, column: column) }
            case "]", "}":
                flowDepth = max(0, flowDepth - 1)
            default:
                break
            }
            atLineStart = false
        }
        return nil
    }
}
