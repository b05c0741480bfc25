import Foundation

/// Reads an HTTP `Link` header (RFC 8288), as the Hub sends it to page through listings:
/// `<https://huggingface.co/api/models?...&cursor=...>; rel="next"`.
public enum LinkHeader {
    /// The target of the first link whose relations include `next`, resolved against `base`.
    public static func next(in header: String?, relativeTo base: URL) -> URL? {
        guard let header else { return nil }
        for link in links(in: header) where link.relations.contains("next") {
            return URL(string: link.target, relativeTo: base)?.absoluteURL
        }
        return nil
    }

    /// Every link of the header: its target and its `rel` values (lower case).
    static func links(in header: String) -> [(target: String, relations: [String])] {
        var result: [(String, [String])] = []
        var rest = Substring(header)
        while let open = rest.firstIndex(of: "<") {
            // The target may hold ',' and ';', so it is read up to its '>' first.
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            let target = String(rest[rest.index(after: open)..<close])
            rest = rest[rest.index(after: close)...]
            let (parameters, remainder) = parameterText(rest)
            rest = remainder
            result.append((target, relations(in: parameters)))
        }
        return result
    }

    /// The parameters after a target, up to the ',' that starts the next link (outside quotes).
    private static func parameterText(_ text: Substring) -> (Substring, Substring) {
        var quoted = false
        for index in text.indices {
            switch text[index] {
            case "\"": quoted.toggle()
            case "," where !quoted: return (text[..<index], text[text.index(after: index)...])
            default: break
            }
        }
        return (text, "")
    }

    /// The values of `rel` in `; rel="next last"` or `; rel=next`.
    private static func relations(in parameters: Substring) -> [String] {
        for parameter in parameters.split(separator: ";") {
            let parts = parameter.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "rel" else { continue }
            let value = parts[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            return value.lowercased().split(separator: " ").map(String.init)
        }
        return []
    }
}
