/// A value a template reads. Contexts are built from these rather than from `Any`, so a
/// lookup is a dictionary access and a `switch`, never a runtime cast: with 10,000
/// scorecards rendered twice, lookups are most of what rendering does.
public enum TemplateValue: Sendable {
    /// Plain text; `{{x}}` escapes it for the page's content type, `{{{x}}}` does not.
    case text(String)
    case number(Int)
    /// A section over a flag renders its body once when true, in the same context.
    case flag(Bool)
    /// A section over a list renders its body once per item, with the item on top.
    case list([TemplateValue])
    case object(TemplateObject)
    /// An object whose values are computed when asked for (a leaderboard row reads a
    /// few fields of a scorecard; building a dictionary per row costs more than that).
    case lookup(any TemplateLookup)

    /// The value of `name` inside this one, if this is an object.
    @inline(__always)
    func child(_ name: String) -> TemplateValue? {
        switch self {
        case .object(let object): object[name]
        case .lookup(let lookup): lookup.value(named: name)
        case .text, .number, .flag, .list: nil
        }
    }

    /// `.text` for a value that may be absent: a missing key, so `{{#key}}` skips its body.
    static func text(_ value: String?) -> TemplateValue? { value.map(TemplateValue.text) }
}

/// Keys and values of one level of a context.
public typealias TemplateObject = [String: TemplateValue]

/// An object that answers lookups by computing the value (see `TemplateValue.lookup`).
public protocol TemplateLookup: Sendable {
    func value(named name: String) -> TemplateValue?
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .flag(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(TemplateObject(elements, uniquingKeysWith: { _, last in last }))
    }
}
