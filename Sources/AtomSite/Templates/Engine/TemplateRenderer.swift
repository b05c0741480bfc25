/// A template that includes itself, directly or through others, without end.
public struct TemplateRenderError: Error, Sendable, Equatable {
    public let message: String
}

/// Renders parsed templates into UTF-8 bytes. One output buffer and one context stack
/// per page, pushed and popped in place; names were split at parse time, and values
/// are typed, so a lookup is a dictionary access per level it climbs.
struct TemplateRenderer: Sendable {
    let templates: [String: Template]

    /// Partials nested deeper than this are a loop, not a design.
    static let maximumDepth = 64

    func render(_ name: String, context: TemplateValue, sizeHint: Int = 16_384) throws(TemplateRenderError) -> [UInt8]? {
        guard let template = templates[name] else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(sizeHint)
        var stack = [context]
        try render(template.nodes, Scope(escaping: .html, indentation: [], overrides: [:], depth: 0), &stack, &out)
        return out
    }

    /// What holds for one template's nodes and the sections inside them.
    private struct Scope {
        var escaping: TemplateEscaping
        /// Prefix for every line a standalone partial renders (empty: none).
        var indentation: [UInt8]
        /// Block overrides of the `{{<parent}}` tags on the way here; the outermost wins.
        var overrides: [String: [TemplateNode]]
        var depth: Int
    }

    private func render(_ nodes: [TemplateNode], _ scope: Scope, _ stack: inout [TemplateValue], _ out: inout [UInt8]) throws(TemplateRenderError) {
        var scope = scope
        guard !scope.indentation.isEmpty else {
            for node in nodes { try render(node, &scope, &stack, &out) }
            return
        }
        // Inside an indented partial: a node that renders something at the start of a
        // line (of what this call has rendered) gets the indentation first.
        let localStart = out.count
        for node in nodes {
            let start = out.count
            let atLineStart = start > localStart && out[start - 1] == UInt8(ascii: "\n")
            try render(node, &scope, &stack, &out)
            if atLineStart, out.count > start { out.insert(contentsOf: scope.indentation, at: start) }
        }
    }

    private func render(_ node: TemplateNode, _ scope: inout Scope, _ stack: inout [TemplateValue], _ out: inout [UInt8]) throws(TemplateRenderError) {
        switch node {
        case .text(let bytes):
            out.append(contentsOf: bytes)

        case .variable(let name, let escaped):
            guard let value = Self.lookup(name, in: stack) else { return }
            let text: String
            switch value {
            case .text(let string): text = string
            case .number(let number): text = String(number)
            case .flag(let flag): text = flag ? "true" : "false"
            case .list, .object, .lookup: return
            }
            if escaped { scope.escaping.append(text, to: &out) } else { out.append(contentsOf: text.utf8) }

        case .section(let name, let body, let inverted):
            let value = Self.lookup(name, in: stack)
            if inverted {
                switch value {
                case nil: try render(body, scope, &stack, &out)
                case .flag(let flag)?: if !flag { try render(body, scope, &stack, &out) }
                case .list(let items)?: if items.isEmpty { try render(body, scope, &stack, &out) }
                case .text?, .number?, .object?, .lookup?: break
                }
                return
            }
            switch value {
            case nil: break
            case .flag(let flag)?: if flag { try render(body, scope, &stack, &out) }
            case .list(let items)?:
                for item in items {
                    stack.append(item)
                    defer { stack.removeLast() }
                    try render(body, scope, &stack, &out)
                }
            case let value?:
                stack.append(value)
                defer { stack.removeLast() }
                try render(body, scope, &stack, &out)
            }

        case .partial(let name, let indentation, let overrides):
            guard let template = templates[name] else { return }
            guard scope.depth < Self.maximumDepth else {
                throw TemplateRenderError(message: "partials nest more than \(Self.maximumDepth) deep at '\(name)'; a template includes itself")
            }
            var inner = Scope(escaping: .html, indentation: scope.indentation + (indentation ?? []), overrides: scope.overrides, depth: scope.depth + 1)
            if let overrides { inner.overrides.merge(overrides) { outer, _ in outer } }
            try render(template.nodes, inner, &stack, &out)

        case .block(let name, let defaultBody, let indentation):
            var inner = scope
            inner.indentation += indentation
            try render(scope.overrides[name] ?? defaultBody, inner, &stack, &out)

        case .blockOverride:
            break

        case .escaping(let escaping):
            scope.escaping = escaping
        }
    }

    /// `a.b` finds `a` in the nearest item of the stack that has it, then `b` inside that.
    @inline(__always)
    static func lookup(_ name: TemplateName, in stack: [TemplateValue]) -> TemplateValue? {
        guard let first = name.components.first else { return stack.last }
        var found: TemplateValue?
        if name.anchored {
            found = stack.last?.child(first)
        } else {
            var index = stack.count - 1
            while index >= 0 {
                if let value = stack[index].child(first) {
                    found = value
                    break
                }
                index -= 1
            }
        }
        guard var value = found else { return nil }
        for component in name.components.dropFirst() {
            guard let child = value.child(component) else { return nil }
            value = child
        }
        return value
    }
}
