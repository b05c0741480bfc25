/// A lexical pass that finds an alias naming an anchor defined earlier in the text,
/// before Yams composes the tree.
///
/// Content files may not use anchors and aliases at all (`YAMLReader` also refuses a
/// lone anchor after parsing), but aliases must be refused *before* parsing: Yams
/// shares an aliased subtree cheaply, yet hashes every mapping key in full to find
/// duplicate keys, so a "billion laughs" tree used as a key (`? *lol9`) costs 10⁹
/// steps before any check on the parsed tree could run.
///
/// The pass errs on the side of finding too much. A name is `&` or `*` followed by
/// letters, digits, `-` or `_` (libyaml's anchor alphabet) and not preceded by one of
/// those (so `R&D` names nothing; libyaml never starts a token right after a name
/// character either). Quotes, comments and block scalars are not told apart, so a
/// note that writes `&x` and later `*x` is reported too, which real notes do not do.
/// An alias with no anchor before it cannot resolve, so it is left to Yams, which
/// reports it as undefined without expanding anything.
enum AliasScan {
    struct Finding: Equatable {
        let name: String
        /// Where `&name` is first written.
        let anchor: SourceLocation
        /// Where `*name` repeats it.
        let alias: SourceLocation
    }

    static func firstResolvableAlias(in text: String, file: String) -> Finding? {
        // No '&', no anchor, nothing an alias could resolve to: nearly every file.
        guard text.containsByte(UInt8(ascii: "&")) else { return nil }
        var anchors: [String: SourceLocation] = [:]
        var token: (sigil: Unicode.Scalar, name: String, start: SourceLocation)?
        var cursor = SourceCursor()
        var previousIsNameCharacter = false

        func finish(_ token: (sigil: Unicode.Scalar, name: String, start: SourceLocation)) -> Finding? {
            guard !token.name.isEmpty else { return nil }
            if token.sigil == "&" {
                if anchors[token.name] == nil { anchors[token.name] = token.start }
                return nil
            }
            return anchors[token.name].map { Finding(name: token.name, anchor: $0, alias: token.start) }
        }

        for scalar in text.unicodeScalars {
            let isNameCharacter = Self.isNameCharacter(scalar)
            if let current = token {
                if isNameCharacter {
                    token?.name.unicodeScalars.append(scalar)
                } else {
                    if let finding = finish(current) { return finding }
                    token = nil
                }
            }
            if token == nil, scalar == "&" || scalar == "*", !previousIsNameCharacter {
                token = (scalar, "", cursor.location(in: file))
            }
            previousIsNameCharacter = isNameCharacter
            cursor.advance(past: scalar)
        }
        return token.flatMap(finish)
    }

    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            || scalar == "-" || scalar == "_"
    }
}
