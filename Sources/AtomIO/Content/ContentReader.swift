import AtomAudit
import Foundation

/// Reads a content folder from disk into a `ContentSnapshot`. The only type in the
/// domain that touches the file system.
public struct ContentReader: Sendable {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case missingDirectory(String)
        case unreadable(String, reason: String)

        public var description: String {
            switch self {
            case .missingDirectory(let path):
                "error: content folder '\(PrintableText.escape(path))' does not exist; expected a folder with models/, rubric.yaml and licenses.yaml (pass --content DIR)"
            case .unreadable(let path, let reason):
                "error: could not read '\(PrintableText.escape(path))': \(reason)"
            }
        }
    }

    /// The folders and files a content folder holds; anything else is left alone.
    static let folders = ["models", "scenarios", "pages"]
    static let rootFiles = ["site.yaml", "rubric.yaml", "licenses.yaml", "coverage.yaml"]

    public init() {}

    /// Reads every content file below `directory`.
    /// - Parameter directory: the content folder as the user named it; paths in diagnostics start with it.
    public func read(directory: String) throws(Failure) -> ContentSnapshot {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .missingDirectory(directory)
        }
        var snapshot = ContentSnapshot(root: directory, files: [:])
        var relativePaths = Self.rootFiles
        for folder in Self.folders {
            let folderPath = (directory as NSString).appendingPathComponent(folder)
            // Listing follows a linked folder, and every file in it would then pass the
            // per-file check below: a pull request could link models/ to any folder of
            // the machine that runs the check, and its YAML would be read and quoted.
            if FileSystemCalls.kind(folderPath) == .symbolicLink {
                snapshot.readingDiagnostics.append(Self.symbolicLink(folder, in: snapshot, expected: "a folder"))
                continue
            }
            guard let entries = FileSystemCalls.nameBytes(in: folderPath) else { continue }
            var names: [String] = []
            for bytes in entries where bytes.first != UInt8(ascii: ".") {
                if let name = String(validating: bytes, as: UTF8.self) {
                    names.append(name)
                } else {
                    snapshot.readingDiagnostics.append(Self.notUTF8(folder + "/" + PrintableText.describe(bytes: bytes), in: snapshot))
                }
            }
            relativePaths += names.sorted().map { "\(folder)/\($0)" }
        }
        // Looking at and reading thousands of small files overlaps well on two cores.
        let entries = relativePaths.parallelMap { relative in
            FileSystemCalls.kindAndContents((directory as NSString).appendingPathComponent(relative))
        }
        for (relative, entry) in zip(relativePaths, entries) {
            switch entry.kind {
            case .symbolicLink:
                snapshot.readingDiagnostics.append(Self.symbolicLink(relative, in: snapshot, expected: "a regular file"))
            // Manifests are read only directly from models/ (an id is a file name, never a
            // path), so a folder there would silently drop every model in it.
            case .directory where relative.hasPrefix("models/"):
                snapshot.readingDiagnostics.append(.error(
                    "nested-folder",
                    "'\(relative)' is a folder inside models/, and the manifests in it would be ignored; expected each manifest directly in models/ as <id>.yaml",
                    at: .start(of: snapshot.displayPath(relative))))
            case .file:
                guard let data = entry.contents else {
                    throw .unreadable((directory as NSString).appendingPathComponent(relative), reason: "permission denied or I/O error")
                }
                snapshot.files[relative] = data
            case .missing, .directory, .other:
                break
            }
        }
        return snapshot
    }

    /// A name that is not UTF-8 would be skipped or mangled by every later stage (and
    /// its manifest silently left out of the audit), so it is an error naming its bytes.
    static func notUTF8(_ described: String, in snapshot: ContentSnapshot) -> Diagnostic {
        .error("file-name-not-utf8",
               "the file name '\(described)' is not valid UTF-8, so it cannot be read, shown or published as it is; expected a UTF-8 name such as <id>.yaml",
               at: .start(of: snapshot.displayPath(described)))
    }

    private static func symbolicLink(_ relative: String, in snapshot: ContentSnapshot, expected: String) -> Diagnostic {
        .error("symbolic-link",
               "'\(relative)' is a symbolic link, which is not followed (it could point outside the content folder); expected \(expected)",
               at: .start(of: snapshot.displayPath(relative)))
    }
}
