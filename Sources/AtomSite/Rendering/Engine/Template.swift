/// A parsed template, compiled to a flat list of instructions over side tables of text
/// and names. Rendering walks plain values by index: walking the node tree instead
/// retained and released every node and name it passed, which was half of rendering.
///
/// Immutable after `init`; the tables live in memory this object owns, so it can be
/// shared by every thread that renders.
// Unchecked: the buffers are written only in `init` and freed only in `deinit`.
public final class Template: @unchecked Sendable {
    let ops: UnsafeMutableBufferPointer<TemplateOp>
    /// All template text; `.text` instructions are ranges of it.
    let bytes: UnsafeMutableBufferPointer<UInt8>
    /// Components of every variable and section name, in order; instructions hold ranges.
    let names: UnsafeMutableBufferPointer<String>
    let partials: [Partial]
    let blocks: [Block]

    /// `{{>name}}` or `{{<name}}`: where the instruction's operand points.
    struct Partial {
        let name: String
        let indentation: [UInt8]?
        /// Override bodies (ranges of this template's instructions) by block name.
        let overrides: [String: Range<Int>]?
    }

    /// `{{$name}}default{{/name}}` in a parent template.
    struct Block {
        let name: String
        let indentation: [UInt8]
    }

    init(nodes: [TemplateNode]) {
        var compiler = TemplateCompiler()
        compiler.compile(nodes)
        body = 0..<compiler.ops.count
        compiler.compileDeferredOverrides()
        ops = .allocate(capacity: compiler.ops.count)
        _ = ops.initialize(from: compiler.ops)
        bytes = .allocate(capacity: compiler.bytes.count)
        _ = bytes.initialize(from: compiler.bytes)
        names = .allocate(capacity: compiler.names.count)
        _ = names.initialize(from: compiler.names)
        partials = compiler.partials
        blocks = compiler.blocks
    }

    deinit {
        ops.deallocate()
        bytes.deallocate()
        names.deinitialize().deallocate()
    }

    /// The template's own instructions (override bodies sit after them).
    let body: Range<Int>
}

/// One instruction. Operands by code:
/// - `text`: `a` byte offset, `b` length.
/// - `variable`: `a` first name component, `b` component count, `c` 1 if escaped, 0 if not.
/// - `section`, `invertedSection`: `a`, `b` the name; `c` the end of the body, which
///   follows the instruction.
/// - `partial`: `a` index into `partials`.
/// - `block`: `a` index into `blocks`; `c` the end of the default body, which follows.
/// - `escaping`: `a` index into `TemplateEscaping.allCases`.
/// - `end`: separates the template's own instructions from the override bodies after them.
/// Names that start with "." are looked up in the current item only: `anchored`.
struct TemplateOp {
    enum Code: UInt8 { case text, variable, section, invertedSection, partial, block, escaping, end }
    var code: Code
    var anchored = false
    var a: Int32 = 0
    var b: Int32 = 0
    var c: Int32 = 0
}

/// Flattens parsed nodes into instructions.
private struct TemplateCompiler {
    var ops: [TemplateOp] = []
    var bytes: [UInt8] = []
    var names: [String] = []
    var partials: [Template.Partial] = []
    var blocks: [Template.Block] = []
    /// The last instruction is text that the next text may extend: never across the
    /// start or end of a section or block, nor past a line break.
    private var textOpen = false
    /// Overrides are compiled after the template's own instructions.
    private var pendingOverrides: [(partial: Int, name: String, prefix: [UInt8]?, overrides: [String: [TemplateNode]])] = []

    mutating func compile(_ nodes: [TemplateNode]) {
        for node in nodes {
            switch node {
            case .text(let text):
                // Adjacent text joins into one instruction, unless it ends a line: lines
                // stay apart because indented partials indent each line they render.
                if textOpen, bytes.last != UInt8(ascii: "\n") {
                    ops[ops.count - 1].b += Int32(text.count)
                } else {
                    ops.append(TemplateOp(code: .text, a: Int32(bytes.count), b: Int32(text.count)))
                }
                bytes += text
                textOpen = true
                continue
            case .variable(let name, let escaped):
                var op = nameOp(.variable, name)
                op.c = escaped ? 1 : 0
                ops.append(op)
            case .section(let name, let body, let inverted):
                let index = ops.count
                ops.append(nameOp(inverted ? .invertedSection : .section, name))
                textOpen = false
                compile(body)
                ops[index].c = Int32(ops.count)
            case .partial(let name, let indentation, let overrides):
                let index = partials.count
                partials.append(Template.Partial(name: name, indentation: indentation, overrides: overrides.map { _ in [:] }))
                if let overrides { pendingOverrides.append((index, name, indentation, overrides)) }
                ops.append(TemplateOp(code: .partial, a: Int32(index)))
            case .block(let name, let defaultBody, let indentation):
                let index = ops.count
                blocks.append(Template.Block(name: name, indentation: indentation))
                ops.append(TemplateOp(code: .block, a: Int32(blocks.count - 1)))
                textOpen = false
                compile(defaultBody)
                ops[index].c = Int32(ops.count)
            case .blockOverride:
                break
            case .escaping(let escaping):
                ops.append(TemplateOp(code: .escaping, a: Int32(TemplateEscaping.allCases.firstIndex(of: escaping) ?? 0)))
            }
            textOpen = false
        }
        textOpen = false
    }

    /// Appends each `{{<parent}}`'s override bodies after an `end` marker, so that the
    /// template's own instructions stay one contiguous range.
    mutating func compileDeferredOverrides() {
        guard !pendingOverrides.isEmpty else { return }
        ops.append(TemplateOp(code: .end))
        var queue = pendingOverrides
        pendingOverrides = []
        while !queue.isEmpty {
            let item = queue.removeFirst()
            var ranges: [String: Range<Int>] = [:]
            for (block, body) in item.overrides.sorted(by: { $0.key < $1.key }) {
                textOpen = false
                let start = ops.count
                compile(body)
                ranges[block] = start..<ops.count
            }
            partials[item.partial] = Template.Partial(name: item.name, indentation: item.prefix, overrides: ranges)
            // Parents nested inside override bodies compile the same way, after these.
            queue += pendingOverrides
            pendingOverrides = []
        }
    }

    private mutating func nameOp(_ code: TemplateOp.Code, _ name: TemplateName) -> TemplateOp {
        let op = TemplateOp(code: code, anchored: name.anchored, a: Int32(names.count), b: Int32(name.components.count))
        names += name.components
        return op
    }
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

/// What the parser produces; `Template` compiles it.
enum TemplateNode: Sendable {
    /// Template text, one node per line (see `TemplateCompiler`).
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
