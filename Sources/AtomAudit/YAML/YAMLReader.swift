import Foundation
import Yams

/// Reads one YAML content file into a node tree, turning every way it can fail into
/// a positioned diagnostic. Plain block YAML goes through `BlockYAMLParser`; the rest,
/// and every error, through Yams.
struct YAMLReader {
    var limits: YAMLLimits = .default

    func read(_ data: Data, file: String) -> (document: YAMLDocument?, diagnostics: [Diagnostic]) {
        guard data.count <= limits.maxBytes else {
            return (nil, [.error(
                "file-too-large",
                "the file is \(data.count) bytes; content files may be at most \(limits.maxBytes) bytes",
                at: .start(of: file))])
        }
        switch TextDecoding.decode(data, file: file) {
        case .failure(let diagnostic):
            return (nil, [diagnostic])
        case .success(let text):
            return read(text: text, file: file)
        }
    }

    func read(text: String, file: String) -> (document: YAMLDocument?, diagnostics: [Diagnostic]) {
        // First, characters that either parser would read as something else (NEL as a
        // line break): refused wherever they are, each at its position.
        let forbidden = ForbiddenCharacterScan.diagnostics(in: text, file: file)
        guard forbidden.isEmpty else { return (nil, forbidden) }
        // Both scans run before Yams composes anything: composing is where the cost is.
        if let alias = AliasScan.firstResolvableAlias(in: text, file: file) {
            var diagnostic = Diagnostic.error("yaml-alias", Self.aliasMessage, at: alias.anchor)
            diagnostic.notes = [.note("'*\(alias.name)' repeats '&\(alias.name)' here", at: alias.alias)]
            return (nil, [diagnostic])
        }
        switch NestingScan.firstProblem(in: text, limits: limits, file: file) {
        case .blockTooDeep(let location):
            return (nil, [.error(
                "nesting-too-deep",
                "collections are nested more than \(limits.maxDepth) levels deep; content files are shallow maps and lists",
                at: location)])
        case .flowTooDeep(let location):
            return (nil, [.error(
                "nesting-too-deep",
                "brackets are nested more than \(limits.maxFlowDepth) levels deep; content files use at most a list or mapping in brackets, such as '[text]' or '{origin: US}'",
                at: location)])
        case .explicitKey(let location):
            return (nil, [.error(
                "yaml-explicit-key",
                "'?' starts an explicit key, which content files do not use; expected 'key: value' with a plain word as the key",
                at: location)])
        case nil:
            break
        }
        // Nearly every content file is plain block YAML, which this reads at a fraction
        // of Yams's cost; it declines everything else, valid or not.
        if let root = BlockYAMLParser.parse(text) {
            return (YAMLDocument(file: file, root: root), [])
        }
        return composed(text: text, file: file)
    }

    /// Reads the text with Yams: all of YAML, and libyaml's errors, translated.
    func composed(text: String, file: String) -> (document: YAMLDocument?, diagnostics: [Diagnostic]) {
        do {
            // An explicit encoding: Yams's default reads the process environment on every
            // parse, which took a twentieth of checking 10,000 manifests.
            let parser = try Parser(yaml: text, resolver: .basic, encoding: .utf8)
            let root = try parser.singleRoot()
            // Anchors are weak references owned by the parser, so check them while it lives.
            // Every anchor is written '&name': text without '&' has none to look for.
            if let root, text.containsByte(UInt8(ascii: "&")), let anchored = Self.firstAnchoredNode(in: root) {
                return (nil, [.error(
                    "yaml-alias", Self.aliasMessage,
                    at: anchored.mark.map { SourceLocation(file: file, line: $0.line, column: $0.column) })])
            }
            guard let root else { return (YAMLDocument(file: file, root: nil), []) }
            guard let node = YAMLNode(root) else {
                return (nil, [.error("yaml-alias", Self.aliasMessage, at: .start(of: file))])
            }
            return (YAMLDocument(file: file, root: node), [])
        } catch let error as YamlError {
            return (nil, [YAMLErrorTranslation.diagnostic(for: error, text: text, file: file)])
        } catch {
            return (nil, [.error("yaml-syntax", "the YAML could not be read: \(error)", at: .start(of: file))])
        }
    }

    static let aliasMessage = "anchors and aliases ('&name', '*name') are not allowed in content files; write each value out in full"

    /// Finds the first node that carries an anchor, without descending into anchored
    /// nodes: an alias bomb is a tree of shared anchored nodes, so this stays linear.
    private static func firstAnchoredNode(in node: Node) -> Node? {
        if node.anchor != nil { return node }
        switch node {
        case .scalar, .alias:
            return nil
        case .sequence(let sequence):
            for child in sequence { if let found = firstAnchoredNode(in: child) { return found } }
            return nil
        case .mapping(let mapping):
            for (key, value) in mapping {
                if let found = firstAnchoredNode(in: key) ?? firstAnchoredNode(in: value) { return found }
            }
            return nil
        }
    }
}
