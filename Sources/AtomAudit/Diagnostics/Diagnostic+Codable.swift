/// Diagnostics are stored (the history cache keeps the problems of skipped commits) and
/// printed as JSON; the keys are the names `check --format json` uses.
extension Diagnostic: Codable {
    private enum CodingKeys: String, CodingKey {
        case severity, code, message, file, line, column, notes
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let location: SourceLocation?
        if let file = try container.decodeIfPresent(String.self, forKey: .file) {
            location = SourceLocation(file: file, line: try container.decode(Int.self, forKey: .line),
                                      column: try container.decode(Int.self, forKey: .column))
        } else {
            location = nil
        }
        self.init(severity: try container.decode(Severity.self, forKey: .severity),
                  code: try container.decode(String.self, forKey: .code),
                  message: try container.decode(String.self, forKey: .message),
                  location: location,
                  notes: try container.decodeIfPresent([Diagnostic].self, forKey: .notes) ?? [])
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(severity, forKey: .severity)
        try container.encode(code, forKey: .code)
        try container.encode(message, forKey: .message)
        if let location {
            try container.encode(location.file, forKey: .file)
            try container.encode(location.line, forKey: .line)
            try container.encode(location.column, forKey: .column)
        }
        if !notes.isEmpty { try container.encode(notes, forKey: .notes) }
    }
}

extension Diagnostic.Severity: Codable {}
