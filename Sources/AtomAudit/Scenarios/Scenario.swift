/// One of the futures for open AI, from `Content/scenarios/<id>.md`: a narrative plus
/// signposts the data can test.
public struct Scenario: Sendable, Hashable {
    public var id: String
    public var path: String
    public var title: String
    /// Position among the scenarios, lowest first.
    public var order: Int
    public var summary: String
    public var signposts: [Signpost]
    /// Markdown narrative.
    public var body: String

    public init(id: String, path: String, title: String, order: Int, summary: String, signposts: [Signpost], body: String) {
        self.id = id
        self.path = path
        self.title = title
        self.order = order
        self.summary = summary
        self.signposts = signposts
        self.body = body
    }
}

/// A threshold on an indicator: "China has more open-weights models than the US".
public struct Signpost: Sendable, Hashable {
    public var text: String
    public var measure: Measure
    public var comparison: Comparison
    public var threshold: Threshold
    public var location: SourceLocation?
    /// Where the window was written, for the warning on a fixed window long past.
    public var windowLocation: SourceLocation?

    public init(text: String, measure: Measure, comparison: Comparison, threshold: Threshold,
                location: SourceLocation? = nil, windowLocation: SourceLocation? = nil) {
        self.text = text
        self.measure = measure
        self.comparison = comparison
        self.threshold = threshold
        self.location = location
        self.windowLocation = windowLocation
    }
}

public enum Comparison: String, CaseIterable, Sendable, Hashable {
    case above
    case atLeast = "at-least"
    case below
    case atMost = "at-most"
    case equals

    public func holds(_ value: Double, _ threshold: Double) -> Bool {
        switch self {
        case .above: value > threshold
        case .atLeast: value >= threshold
        case .below: value < threshold
        case .atMost: value <= threshold
        case .equals: abs(value - threshold) < 1e-9
        }
    }

    /// The comparison in words, for pages pasted as plain text or Markdown, where a bare
    /// `>` reads as a quote or arrives as `&gt;`.
    public var phrase: String {
        switch self {
        case .above: "more than"
        case .atLeast: "at least"
        case .below: "less than"
        case .atMost: "at most"
        case .equals: "exactly"
        }
    }

    public var symbol: String {
        switch self {
        case .above: ">"
        case .atLeast: "≥"
        case .below: "<"
        case .atMost: "≤"
        case .equals: "="
        }
    }
}

/// What a signpost's value is compared with.
public enum Threshold: Sendable, Hashable {
    /// A fixed number.
    case number(Double)
    /// The same measure for another origin.
    case origin(CountryCode)
}
