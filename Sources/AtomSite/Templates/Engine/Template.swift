/// A parsed template: Mustache tags turned into nodes once, at load time, so rendering
/// never looks at the template's text again.
public struct Template: Sendable {
    let nodes: [TemplateNode]
}

/// A variable or section name, split on "." when parsed rather than at every lookup.
struct TemplateName: Sendable, Equatable {
    /// `a.b.c` → ["a", "b", "c"]; `.` (the current item) → [].
    let components: [String]
    /// `.a` reads `a` from the current item only, without climbing the context stack.
    let anchored: Bool

    init(_ text: String) {
        components = text.split(separator: ".").map(String.init)
        anchored = text.first == "." && text != "."
    }
}

indirect enum TemplateNode: Sendable {
    /// Template text, kept as UTF-8 so rendering appends bytes. One node per line, which
    /// is what indentation of standalone partials works on.
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (not).
    case variable(TemplateName, escaped: Bool)
    /// `{{#name}}...{{/name}}` or, inverted, `{{^name}}...{{/name}}`.
    case section(TemplateName, body: [TemplateNode], inverted: Bool)
    /// `{{>name}}`, or `{{<name}}...{{/name}}` with block overrides. `indentation` is set
    /// for a partial alone on its line: each line it renders is indented the same.
    case partial(String, indentation: [UInt8]?, overrides: [String: [TemplateNode]]?)
    /// `{{$name}}default{{/name}}` in a parent template: the child's override, else the default.
    case block(String, defaultBody: [TemplateNode], indentation: [UInt8])
    /// `{{$name}}...{{/name}}` directly inside `{{<parent}}`: an override (parsing only).
    case blockOverride(String, body: [TemplateNode])
    /// `{{% CONTENT_TYPE: MARKDOWN}}`: how the rest of this template escapes `{{x}}`.
    case escaping(TemplateEscaping)
}
