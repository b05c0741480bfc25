import Foundation

/// One file of the generated site: where it goes (relative to the output folder) and its bytes.
public struct OutputFile: Sendable, Hashable {
    /// Relative path with `/`, e.g. `models/olmo-2-32b/index.html`.
    public var path: String
    public var contents: Data
    /// Which part of the file `contents` is; almost every file comes whole.
    public var part: Part

    /// `data/models.json` holds every model (40 MB at 10,000 models), so it comes in
    /// parts, one per batch of models, and the writer adds each to the file as it
    /// arrives: the whole never sits in memory. A file in parts has one `first`, any
    /// number of `middle` parts and one `last`, in order, in later batches or the same.
    public enum Part: Sendable, Hashable {
        case whole, first, middle, last
    }

    public init(path: String, contents: Data, part: Part = .whole) {
        self.path = path
        self.contents = contents
        self.part = part
    }

    public init(path: String, text: String) {
        self.init(path: path, contents: Data(text.utf8))
    }

    /// True for the piece that names a new file: a whole file or the first part.
    public var startsAFile: Bool { part == .whole || part == .first }
}

extension Array where Element == OutputFile {
    /// The files with their parts joined, for code that wants whole files (tests, small sites).
    func joiningParts() -> [OutputFile] {
        var joined: [OutputFile] = []
        var open: [String: Int] = [:]
        for file in self {
            switch file.part {
            case .whole:
                joined.append(file)
            case .first:
                open[file.path] = joined.count
                joined.append(OutputFile(path: file.path, contents: file.contents))
            case .middle, .last:
                guard let index = open[file.path] else { continue }
                joined[index].contents.append(file.contents)
                if file.part == .last { open[file.path] = nil }
            }
        }
        return joined
    }
}
