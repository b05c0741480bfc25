import Foundation

/// One file of the generated site: where it goes (relative to the output folder) and its bytes.
public struct OutputFile: Sendable, Hashable {
    /// Relative path with `/`, e.g. `models/olmo-2-32b/index.html`.
    public var path: String
    public var contents: Data

    public init(path: String, contents: Data) {
        self.path = path
        self.contents = contents
    }

    public init(path: String, text: String) {
        self.init(path: path, contents: Data(text.utf8))
    }
}
