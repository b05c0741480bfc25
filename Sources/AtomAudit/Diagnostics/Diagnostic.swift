/// One problem found in the content, as a plain value.
///
/// Messages follow one shape: what is wrong, then a semicolon, then what was expected.
public struct Diagnostic: Hashable, Sendable {
    public enum Severity: String, Sendable, Comparable {
        case note, warning, error

        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    public var severity: Severity
    /// A stable identifier for the kind of problem, e.g. `unknown-key`.
    public var code: String
    public var message: String
    public var location: SourceLocation?
    /// Related positions, e.g. where a duplicated name was first declared.
    public var notes: [Diagnostic]

    public init(
        severity: Severity, code: String, message: String,
        location: SourceLocation?, notes: [Diagnostic] = []
    ) {
        self.severity = severity
        self.code = code
        self.message = Self.printable(message)
        self.location = location
        self.notes = notes
    }

    /// The message with control and bidirectional-override characters written as
    /// escapes (see `PrintableText`). Messages quote content (keys, values, file names),
    /// and content can hold them (a quoted YAML key "a\n::error::b", a "\e[2J" escape).
    static func printable(_ message: String) -> String {
        PrintableText.escape(message)
    }

    public static func error(_ code: String, _ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(severity: .error, code: code, message: message, location: location)
    }

    public static func warning(_ code: String, _ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(severity: .warning, code: code, message: message, location: location)
    }

    public static func note(_ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(severity: .note, code: "note", message: message, location: location)
    }
}

extension Diagnostic: Comparable {
    /// Orders by location (unlocated first), then code and message, so printed output is stable.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        switch (a.location, b.location) {
        case let (l?, r?) where l != r: return l < r
        case (nil, _?): return true
        case (_?, nil): return false
        default: return (a.code, a.message) < (b.code, b.message)
        }
    }
}

extension Sequence where Element == Diagnostic {
    public var errorCount: Int { reduce(0) { $0 + ($1.severity == .error ? 1 : 0) } }
    public var warningCount: Int { reduce(0) { $0 + ($1.severity == .warning ? 1 : 0) } }
    public var containsErrors: Bool { contains { $0.severity == .error } }
}

/// A diagnostic can travel as an error where one stage fails as a whole (e.g. a file that is not UTF-8).
extension Diagnostic: Error {}
