import Foundation

/// The folders a build leaves beside its output while it runs: `.<name>.staging-<id>` (the
/// new site being assembled), `.<name>.old-<id>` (the old one during a two-rename swap) and
/// `.<name>.trash-<id>` (an old site being deleted). A build that is killed leaves them.
package enum Leftovers {
    package static let kinds = ["staging", "old", "trash"]

    /// Every leftover folder beside `output`. Only the holder of the output's lock may
    /// remove them: then no live build owns any of them.
    package static func find(beside output: String) -> [String] {
        let parent = (output as NSString).deletingLastPathComponent
        let name = (output as NSString).lastPathComponent
        let prefixes = kinds.map { ".\(name).\($0)-" }
        return (FileSystemCalls.names(in: parent) ?? [])
            .filter { entry in prefixes.contains { entry.hasPrefix($0) } }
            .sorted()
            .map { parent + "/" + $0 }
    }

    /// A name for a new leftover folder of `kind` beside `output`.
    package static func path(_ kind: String, beside output: String) -> String {
        (output as NSString).deletingLastPathComponent + "/." + (output as NSString).lastPathComponent + ".\(kind)-" + UUID().uuidString
    }
}
