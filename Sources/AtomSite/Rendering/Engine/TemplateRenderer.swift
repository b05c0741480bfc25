/// A template that includes itself, directly or through others, without end.
public struct TemplateRenderError: Error, Sendable, Equatable {
    public let message: String
}

/// Renders compiled templates into UTF-8 bytes. One output buffer and one context stack
/// per page, pushed and popped in place; instructions and names are read by index, and
/// values are typed, so a lookup is a dictionary access per level it climbs.
struct TemplateRenderer: Sendable {
    let templates: [String: Template]
    /// Strict mode (tests): every lookup is recorded.
    var recorder: TemplateNameRecorder?

    init(templates: [String: Template], recorder: TemplateNameRecorder? = nil) {
        self.templates = templates
        self.recorder = recorder
    }

    /// Partials nested deeper than this are a loop, not a design.
    static let maximumDepth = 64

    func render(_ name: String, context: TemplateValue, sizeHint: Int = 16_384) throws(TemplateRenderError) -> [UInt8]? {
        guard let template = templates[name] else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(sizeHint)
        var stack = [context]
        try run(template, template.body, Scope(indentation: [], overrides: [:], depth: 0, page: name), .html, &stack, &out)
        return out
    }

    /// A range of instructions of a template, to render in place of a block.
    private struct Override {
        let template: Template
        let range: Range<Int>
    }

    /// What holds for one template's instructions and the sections inside them. Passed
    /// unchanged into every section body; the escaping, which a pragma can change midway,
    /// travels apart, so a section does not copy (and retain) the scope's references.
    private struct Scope {
        /// Prefix for every line a standalone partial renders (empty: none).
        var indentation: [UInt8]
        /// Block overrides of the `{{<parent}}` tags on the way here; the outermost wins.
        var overrides: [String: Override]
        var depth: Int
        /// The template the render started from, for strict mode's report.
        var page: String
    }

    /// Runs the instructions in `range`. A section runs its body (the instructions after
    /// it, up to its end) once per item, then carries on after the end.
    private func run(_ template: Template, _ range: Range<Int>, _ scope: Scope, _ escaping: TemplateEscaping,
                     _ stack: inout [TemplateValue], _ out: inout [UInt8]) throws(TemplateRenderError) {
        var escaping = escaping
        let ops = template.ops
        let indenting = !scope.indentation.isEmpty
        let localStart = out.count
        var pc = range.lowerBound
        while pc < range.upperBound {
            let op = ops[pc]
            // Inside an indented partial: whatever renders at the start of a line (of what
            // this call has rendered) gets the indentation first.
            let start = out.count
            let atLineStart = indenting && start > localStart && out[start - 1] == UInt8(ascii: "\n")
            var next = pc + 1
            switch op.code {
            case .text:
                out.append(contentsOf: UnsafeBufferPointer(rebasing: template.bytes[Int(op.a)..<Int(op.a + op.b)]))

            case .variable:
                if let value = lookup(template, op, in: stack, scope) {
                    Self.emit(value, escaped: op.c != 0, escaping, &out)
                }

            case .section:
                next = Int(op.c)
                switch lookup(template, op, in: stack, scope) {
                case nil: break
                case .flag(let flag)?:
                    if flag { try run(template, pc + 1..<next, scope, escaping, &stack, &out) }
                case .list(let items)?:
                    for item in items {
                        stack.append(item)
                        defer { stack.removeLast() }
                        try run(template, pc + 1..<next, scope, escaping, &stack, &out)
                    }
                case let value?:
                    stack.append(value)
                    defer { stack.removeLast() }
                    try run(template, pc + 1..<next, scope, escaping, &stack, &out)
                }

            case .invertedSection:
                next = Int(op.c)
                let shown: Bool
                switch lookup(template, op, in: stack, scope) {
                case nil: shown = true
                case .flag(let flag)?: shown = !flag
                case .list(let items)?: shown = items.isEmpty
                case .text?, .number?, .object?, .lookup?: shown = false
                }
                if shown { try run(template, pc + 1..<next, scope, escaping, &stack, &out) }

            case .partial:
                let partial = template.partials[Int(op.a)]
                guard let included = templates[partial.name] else { break }
                guard scope.depth < Self.maximumDepth else {
                    throw TemplateRenderError(message: "partials nest more than \(Self.maximumDepth) deep at '\(partial.name)'; a template includes itself")
                }
                var inner = Scope(indentation: scope.indentation + (partial.indentation ?? []),
                                  overrides: scope.overrides, depth: scope.depth + 1, page: scope.page)
                for (block, range) in partial.overrides ?? [:] where inner.overrides[block] == nil {
                    inner.overrides[block] = Override(template: template, range: range)
                }
                try run(included, included.body, inner, .html, &stack, &out)

            case .block:
                next = Int(op.c)
                let block = template.blocks[Int(op.a)]
                var inner = scope
                inner.indentation += block.indentation
                if let override = scope.overrides[block.name] {
                    try run(override.template, override.range, inner, escaping, &stack, &out)
                } else {
                    try run(template, pc + 1..<next, inner, escaping, &stack, &out)
                }

            case .escaping:
                escaping = TemplateEscaping.allCases[Int(op.a)]

            case .end:
                return
            }
            if atLineStart, out.count > start { out.insert(contentsOf: scope.indentation, at: start) }
            pc = next
        }
    }

    @inline(__always)
    private static func emit(_ value: TemplateValue, escaped: Bool, _ escaping: TemplateEscaping, _ out: inout [UInt8]) {
        switch value {
        case .text(let text):
            if escaped { escaping.append(text, to: &out) } else { out.append(contentsOf: text.utf8) }
        case .number(let number):
            let text = String(number)
            if escaped { escaping.append(text, to: &out) } else { out.append(contentsOf: text.utf8) }
        case .flag(let flag):
            out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .list, .object, .lookup:
            break
        }
    }

    /// A lookup, recorded in strict mode.
    @inline(__always)
    private func lookup(_ template: Template, _ op: TemplateOp, in stack: [TemplateValue], _ scope: Scope) -> TemplateValue? {
        let value = Self.lookup(template, op, in: stack)
        if let recorder, op.b > 0 {
            let name = template.names[Int(op.a)..<Int(op.a + op.b)].joined(separator: ".")
            recorder.record(name, in: scope.page, found: value != nil)
        }
        return value
    }

    /// `a.b` finds `a` in the nearest item of the stack that has it, then `b` inside that.
    @inline(__always)
    private static func lookup(_ template: Template, _ op: TemplateOp, in stack: [TemplateValue]) -> TemplateValue? {
        let first = Int(op.a), count = Int(op.b)
        guard count > 0 else { return stack.last }
        let names = template.names
        var found: TemplateValue?
        if op.anchored {
            found = stack.last?.child(names[first])
        } else {
            var index = stack.count - 1
            while index >= 0 {
                if let value = stack[index].child(names[first]) {
                    found = value
                    break
                }
                index -= 1
            }
        }
        guard var value = found else { return nil }
        var component = first + 1
        while component < first + count {
            guard let child = value.child(names[component]) else { return nil }
            value = child
            component += 1
        }
        return value
    }
}
