import Foundation

// Identifiers and vocabularies from content (keys, origin codes, access levels, license
// ids, booleans, family ids) are compared by Unicode scalars. Swift's `==` on String is
// canonical equivalence: "K" (U+212A KELVIN SIGN) == "K", ";" (U+037E GREEK QUESTION
// MARK) == ";". A look-alike would pass the check and then be exported, linked and
// compared byte by byte as something else.

extension String {
    /// Whether both hold the same Unicode scalars, in the same order: the same UTF-8.
    func isIdentical(to other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        // memcmp on the stored bytes; the generic `elementsEqual` steps byte by byte
        // and was a tenth of reading a long list of quoted URLs.
        let compared = utf8.withContiguousStorageIfAvailable { mine in
            other.utf8.withContiguousStorageIfAvailable { theirs in
                guard let a = mine.baseAddress, let b = theirs.baseAddress else { return mine.count == theirs.count }
                return memcmp(a, b, mine.count) == 0
            }
        }
        return (compared ?? nil) ?? utf8.elementsEqual(other.utf8)
    }
}

extension Array where Element == String {
    /// Whether one of the strings is identical (scalar for scalar) to `text`.
    func containsIdentical(_ text: String) -> Bool {
        for index in indices where self[index].isIdentical(to: text) { return true }
        return false
    }
}

/// A string as a set element or dictionary key that matches only its identical self.
/// Hashing the UTF-8 keeps a long list of ids linear, as a `Set<String>` does.
struct ExactKey: Hashable, Sendable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (a: ExactKey, b: ExactKey) -> Bool { a.text.isIdentical(to: b.text) }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

/// Names the character that keeps a value out of an ASCII vocabulary, for messages.
enum ForeignCharacter {
    /// `": character 1 is U+212A KELVIN SIGN, a look-alike of 'K'"` for the first scalar
    /// of `text` outside ASCII; empty when there is none (ASCII controls are shown as
    /// escapes by the message itself). Every vocabulary and
    /// id content is checked against is ASCII, and the character at fault is often
    /// invisible (U+200B) or a look-alike, so the message must say which one it is.
    static func phrase(in text: String) -> String {
        var position = 0
        for scalar in text.unicodeScalars {
            position += 1
            guard scalar.value > 0x7F else { continue }
            let name = scalar.properties.name.map { " " + $0 } ?? ""
            let code = "U+" + Hex.codePoint(scalar.value) + name
            if let ascii = asciiLookalike(of: String(scalar)), !ascii.isEmpty {
                return ": character \(position) is \(code), a look-alike of '\(ascii)'"
            }
            return ": character \(position) is \(code), which is not ASCII"
        }
        return ""
    }

    /// The text with every character that has a compatibility or canonical equivalent
    /// in ASCII replaced by it ("KR" for "KR"), or nil when that is not all ASCII.
    static func asciiLookalike(of text: String) -> String? {
        let mapped = text.precomposedStringWithCompatibilityMapping
        guard mapped.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value <= 0x7E }) else { return nil }
        return mapped
    }
}
