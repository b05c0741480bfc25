/// Writes one adoption snapshot as a block list item, in the order and shape the manifest
/// format documents: `as-of`, the figures it has, `derivatives` on one line, `source`.
struct AdoptionSnapshotYAML {
    /// Spaces before the item's `-`.
    var dashIndent: Int
    /// Spaces before the item's keys (after the `-` on the first line).
    var keyIndent: Int

    /// The item's lines, without line breaks.
    func lines(for snapshot: AdoptionSnapshot) -> [String] {
        let keys = String(repeating: " ", count: keyIndent)
        var fields = ["as-of: \(snapshot.date)"]
        if let downloads = snapshot.downloads { fields.append("downloads: \(downloads)") }
        if let recent = snapshot.downloadsLast30Days { fields.append("downloads-30d: \(recent)") }
        if let likes = snapshot.likes { fields.append("likes: \(likes)") }
        if let derivatives = snapshot.derivatives {
            let counts = DerivativeRelation.allCases.map { "\($0.manifestKey): \(derivatives[$0])" }
            fields.append("derivatives: {\(counts.joined(separator: ", "))}")
        }
        var result = fields.map { keys + $0 }
        if snapshot.sources.count == 1, let source = snapshot.sources.first {
            result.append(keys + "source: \(Self.scalar(source))")
        } else {
            result.append(keys + "source:")
            result += snapshot.sources.map { keys + "  - \(Self.scalar($0))" }
        }
        // The first key shares its line with the dash.
        let dash = String(repeating: " ", count: dashIndent) + "-" + String(repeating: " ", count: max(1, keyIndent - dashIndent - 1))
        result[0] = dash + result[0].dropFirst(keyIndent)
        return result
    }

    /// A URL as a plain scalar when that reads back unchanged, else double-quoted.
    static func scalar(_ url: String) -> String {
        // Letters, digits and the URL punctuation that cannot start a comment (` #`), end a
        // key (`: `) or open a flow collection inside a plain scalar that starts with a letter.
        let plain = url.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || "-._~:/?=&%+".unicodeScalars.contains(scalar)
        }
        return plain && url.unicodeScalars.first.map({ ("a"..."z").contains($0) || ("A"..."Z").contains($0) }) == true
            ? url : YAMLWriter.quote(url)
    }
}
