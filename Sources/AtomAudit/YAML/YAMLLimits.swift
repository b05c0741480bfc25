/// Bounds on what a content file may cost to read. Content comes from strangers'
/// pull requests, so size and nesting are capped before the parser sees the text.
public struct YAMLLimits: Sendable, Hashable {
    /// Largest file accepted, in bytes.
    public var maxBytes: Int
    /// Deepest nesting of collections accepted. Manifests need four levels.
    public var maxDepth: Int
    /// Deepest nesting of brackets (`[...]`, `{...}`) accepted. Content needs one
    /// (`[text]`, `{origin: US}`); a whole manifest written as JSON needs three.
    /// Lower than `maxDepth` because a bracketed collection can be a mapping key, and
    /// Yams hashes a key's whole subtree once for every key around it, so
    /// `[[[a]: b]: c]: d` costs the square of its depth.
    public var maxFlowDepth: Int

    public init(maxBytes: Int = 1 << 20, maxDepth: Int = 64, maxFlowDepth: Int = 4) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxFlowDepth = maxFlowDepth
    }

    public static let `default` = YAMLLimits()
}
