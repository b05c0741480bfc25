/// A cheap lexical pass that rejects runaway nesting with a clear position before
/// Yams composes the tree: its composer recurses once per level, and it hashes every
/// mapping key's whole subtree to find duplicates, so keys nested in keys cost the
/// square of their depth.
///
/// Every bracket counts, quoted or not: that over-approximates, which no real content
/// file comes near. Brackets hidden behind `]` in strings could under-count; libyaml's
/// own cap of 1,000 levels is the backstop for that.
///
/// Block nesting is measured in columns at the start of a line: indentation, plus the
/// compact indicators `- `, `? ` and `: ` that open a level without a new line
/// (`- - - x` is three nested lists).
enum NestingScan {
    enum Problem: Equatable {
        /// Indentation and compact indicators go deeper than `maxDepth` allows.
        case blockTooDeep(SourceLocation)
        /// Brackets nest deeper than `maxFlowDepth`.
        case flowTooDeep(SourceLocation)
        /// A `?` that starts an explicit key at the start of a line. Content keys are
        /// plain words; an explicit key can hold a whole subtree, and `? ? ? ? x` nests
        /// keys inside keys (the quadratic case above) at two bytes a level.
        case explicitKey(SourceLocation)
    }

    /// The first place where the text nests too deeply or uses an explicit key, if any.
    ///
    /// Works on UTF-8 bytes: every character it looks for is ASCII, and the bytes that
    /// continue a multi-byte character are skipped (the cursor counts characters, so
    /// positions are the same as walking Unicode scalars, at a fraction of the cost).
    static func firstProblem(in text: String, limits: YAMLLimits, file: String) -> Problem? {
        var text = text
        return text.withUTF8 { firstProblem(in: $0, limits: limits, file: file) }
    }

    private static func firstProblem(in bytes: UnsafeBufferPointer<UInt8>, limits: YAMLLimits, file: String) -> Problem? {
        var flowDepth = 0
        var cursor = SourceCursor()
        var blockColumns = 0
        var atLineStart = true
        // A `-`, `?` or `:` at the start of a line, and where: an indicator if a space
        // or the end of the line follows.
        var pendingIndicator: (byte: UInt8, at: SourceCursor)?
        // Block nesting needs at least one column per level; allow generous indents.
        let blockLimit = limits.maxDepth * 4
        let question = UInt8(ascii: "?")
        // Positions stay plain numbers until a problem needs one: building a location
        // (which holds the file name) for every character was most of this pass's cost.
        for byte in bytes {
            if byte & 0xC0 == 0x80 { continue }  // inside a character counted at its first byte
            let here = cursor
            cursor.advance(pastCharacterStartingWith: byte)
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if let pending = pendingIndicator, pending.byte == question { return .explicitKey(pending.at.location(in: file)) }
                blockColumns = 0; atLineStart = true; pendingIndicator = nil
                continue
            }
            if atLineStart {
                if byte == UInt8(ascii: " ") {
                    if let pending = pendingIndicator {
                        if pending.byte == question { return .explicitKey(pending.at.location(in: file)) }
                        blockColumns += 1
                    }
                    blockColumns += 1
                    pendingIndicator = nil
                    if blockColumns > blockLimit { return .blockTooDeep(here.location(in: file)) }
                    continue
                }
                if pendingIndicator == nil, byte == UInt8(ascii: "-") || byte == question || byte == UInt8(ascii: ":") {
                    pendingIndicator = (byte, here)
                    continue
                }
                atLineStart = false
            }
            switch byte {
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                flowDepth += 1
                if flowDepth > limits.maxFlowDepth { return .flowTooDeep(here.location(in: file)) }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                flowDepth = max(0, flowDepth - 1)
            default:
                break
            }
        }
        if let pending = pendingIndicator, pending.byte == question { return .explicitKey(pending.at.location(in: file)) }
        return nil
    }
}
