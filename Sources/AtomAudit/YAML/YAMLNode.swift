import Yams

/// A node of a parsed content file, as the decoders read it: scalars keep their text,
/// whether they were written plain (so `~` and `null` can mean empty, and only a plain
/// `true` is a boolean), any tag written before them, and where they start; collections
/// keep their order.
///
/// Ours rather than Yams's `Node`: `BlockYAMLParser` builds it directly for the plain
/// files content is written as, and a Yams node carries a tag object and a weak anchor
/// reference that every copy pays for and no decoder reads.
enum YAMLNode: Equatable, Sendable {
    case scalar(Scalar)
    case sequence(Sequence)
    case mapping(Mapping)

    /// A 1-based line and column; columns count Unicode scalars, as libyaml does.
    struct Mark: Equatable, Sendable {
        var line: Int
        var column: Int
    }

    enum Style: Equatable, Sendable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    struct Scalar: Equatable, Sendable {
        var string: String
        var style: Style
        var mark: Mark
        /// The tag written before the scalar, resolved (`!!str` is
        /// `tag:yaml.org,2002:str`, a lone `!` is `!`); nil when none is written. A tag
        /// changes what a plain scalar means (`!!str true` is text), so readers that
        /// want a boolean or an empty value look at it.
        var tag: String? = nil

        /// Scalar for scalar: `==` on String is canonical equivalence, and the two
        /// readers are held to reading the very characters written.
        static func == (a: Scalar, b: Scalar) -> Bool {
            a.string.isIdentical(to: b.string) && a.style == b.style && a.mark == b.mark && a.tag == b.tag
        }
    }

    struct Sequence: RandomAccessCollection, Equatable, Sendable {
        var items: [YAMLNode]
        var mark: Mark

        var startIndex: Int { items.startIndex }
        var endIndex: Int { items.endIndex }
        subscript(position: Int) -> YAMLNode { items[position] }
    }

    struct Mapping: RandomAccessCollection, Equatable, Sendable {
        var pairs: [(key: YAMLNode, value: YAMLNode)]
        var mark: Mark

        var startIndex: Int { pairs.startIndex }
        var endIndex: Int { pairs.endIndex }
        subscript(position: Int) -> (key: YAMLNode, value: YAMLNode) { pairs[position] }

        static func == (a: Mapping, b: Mapping) -> Bool {
            a.mark == b.mark && a.pairs.count == b.pairs.count
                && zip(a.pairs, b.pairs).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        }
    }

    var mark: Mark {
        switch self {
        case .scalar(let scalar): scalar.mark
        case .sequence(let sequence): sequence.mark
        case .mapping(let mapping): mapping.mark
        }
    }

    var scalar: Scalar? {
        if case .scalar(let scalar) = self { return scalar }
        return nil
    }

    /// The text of a scalar; nil for a collection.
    var string: String? { scalar?.string }
}

extension YAMLNode {
    /// Converts a tree Yams composed. Nil when it holds an alias node, which parsing
    /// never produces (Yams resolves aliases to the nodes they name).
    init?(_ node: Node, isKey: Bool = false) {
        switch node {
        case .scalar(let scalar):
            self = .scalar(Scalar(string: scalar.string, style: Style(scalar.style), mark: Mark(scalar.mark),
                                  tag: Self.writtenTag(of: scalar, isKey: isKey)))
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            items.reserveCapacity(sequence.count)
            for child in sequence {
                guard let item = YAMLNode(child) else { return nil }
                items.append(item)
            }
            self = .sequence(Sequence(items: items, mark: Mark(sequence.mark)))
        case .mapping(let mapping):
            var pairs: [(key: YAMLNode, value: YAMLNode)] = []
            pairs.reserveCapacity(mapping.count)
            for (key, value) in mapping {
                guard let key = YAMLNode(key, isKey: true), let value = YAMLNode(value) else { return nil }
                pairs.append((key, value))
            }
            self = .mapping(Mapping(pairs: pairs, mark: Mark(mapping.mark)))
        case .alias:
            return nil
        }
    }

    /// The tag as written, or nil when none was (as `BlockYAMLParser`, which reads no
    /// tags, records every scalar).
    ///
    /// libyaml reports every quoted or block scalar as tagged `!!str`: its quotes (or
    /// `|`, `>`) already say it is text, so that tag is dropped, as is an explicit
    /// `!!str` on such a scalar, which means nothing more. Yams resolves a key's tag in place when it hashes keys
    /// to find duplicates, so an untagged key comes back as `!!str`: for keys, which
    /// are read as text whatever their tag, `!!str` says nothing either.
    private static func writtenTag(of scalar: Node.Scalar, isKey: Bool) -> String? {
        // A tag's name is internal to Yams; its description is the name.
        let name = scalar.tag.description
        if name == Tag.Name.implicit.rawValue { return nil }
        if name == Tag.Name.str.rawValue, isKey || scalar.style != .plain { return nil }
        return name
    }
}

extension YAMLNode.Mark {
    /// Yams gives every parsed node a mark; the start of the file stands in if one did not.
    init(_ mark: Yams.Mark?) {
        self.init(line: mark?.line ?? 1, column: mark?.column ?? 1)
    }
}

extension YAMLNode.Style {
    init(_ style: Node.Scalar.Style) {
        switch style {
        case .singleQuoted: self = .singleQuoted
        case .doubleQuoted: self = .doubleQuoted
        case .literal: self = .literal
        case .folded: self = .folded
        case .plain, .any: self = .plain
        }
    }
}
