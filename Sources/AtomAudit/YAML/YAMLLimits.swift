/// Bounds on what a content file may cost to read. Content comes from strangers'
/// pull requests, so size and nesting are capped before the parser sees the text.
public struct YAMLLimits: Sendable, Hashable {
    /// Largest file accepted, in bytes.
    public var maxBytes: Int
    /// Deepest nesting of collections accepted. Manifests need four levels.
    public var maxDepth: Int

    public init(maxBytes: Int = 1 << 20, maxDepth: Int = 64) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
    }

    public static let `default` = YAMLLimits()
}
