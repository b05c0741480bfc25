import Mustache

/// The `{{% CONTENT_TYPE: MARKDOWN}}` pragma: `{{value}}` escapes for GitHub-flavoured
/// Markdown (tables included), so a model name cannot break a table or inject markup.
struct MarkdownContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { MarkdownEscaper.escape(text) }
}
