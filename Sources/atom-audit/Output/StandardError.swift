import AtomAudit
import Foundation

enum StandardError {
    static func write(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// Writes the text as it is, without a line break (a progress line rewrites itself).
    static func writeRaw(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// A path, value or one-line message as it may be printed: control characters and line
/// breaks escaped (see `PrintableText`), so no name can forge a line of the log (a
/// GitHub workflow command) or drive the terminal.
func shown(_ text: String) -> String { PrintableText.escape(text) }
