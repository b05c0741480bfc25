/// Reads a manifest's `adoption` block: the repositories that count for the model and
/// its dated snapshots, each problem reported at its position.
struct AdoptionDecoder {
    static let keys = ["repositories", "snapshots"]
    static let snapshotKeys = ["as-of", "downloads", "downloads-30d", "likes", "derivatives", "source"]
    static let derivativeKeys = DerivativeRelation.allCases.map(\.manifestKey)

    func decode(_ node: YAMLNode, reader: inout FieldReader, positions: inout [String: SourceLocation]) -> Adoption? {
        guard let map = reader.mapping(node, named: "adoption", expected: "a mapping with 'repositories' and 'snapshots'") else { return nil }
        reader.checkKeys(map, named: "adoption", allowed: Self.keys, required: [])
        let repositories = decodeRepositories(map, reader: &reader)
        var snapshots: [Located<AdoptionSnapshot>] = []
        for (index, item) in (reader.list(map, "snapshots", in: "adoption", expected: "snapshots") ?? []).enumerated() {
            if let snapshot = decodeSnapshot(item, index: index, reader: &reader) { snapshots.append(snapshot) }
        }
        checkOrder(snapshots, reader: &reader)
        if let last = snapshots.last { positions["adoption.snapshots.last"] = last.location }
        if let entry = map.entry("repositories") { positions["adoption.repositories"] = entry.keyLocation }
        return Adoption(repositories: repositories, snapshots: snapshots.map(\.value))
    }

    private func decodeRepositories(_ map: YAMLMapping, reader: inout FieldReader) -> [HubRepositoryID] {
        var result: [HubRepositoryID] = []
        var seen: Set<HubRepositoryID> = []
        for item in reader.list(map, "repositories", in: "adoption", expected: "Hugging Face repositories") ?? [] {
            guard case .scalar(let scalar) = item, !FieldReader.isNull(scalar) else {
                reader.error("wrong-type", "a repository in adoption.repositories is \(FieldReader.describe(item)); expected 'owner/name', e.g. 'allenai/OLMo-2-0325-32B'", at: reader.location(of: item))
                continue
            }
            guard let repository = HubRepositoryID(scalar.string) else {
                reader.error("invalid-repository", "'\(scalar.string)' in adoption.repositories is not a Hugging Face repository; expected 'owner/name' with letters, digits, '-', '_' or '.', e.g. 'allenai/OLMo-2-0325-32B'", at: reader.location(of: item))
                continue
            }
            guard seen.insert(repository).inserted else {
                reader.warning("duplicate-repository", "'\(repository)' is listed twice in adoption.repositories; expected each repository once, or its downloads count twice", at: reader.location(of: item))
                continue
            }
            result.append(repository)
        }
        return result
    }

    private func decodeSnapshot(_ node: YAMLNode, index: Int, reader: inout FieldReader) -> Located<AdoptionSnapshot>? {
        let name = "adoption snapshot \(index + 1)"
        guard let map = reader.mapping(node, named: name, expected: "a mapping with 'as-of', figures such as 'downloads' and 'source'") else { return nil }
        reader.checkKeys(map, named: name, allowed: Self.snapshotKeys, required: ["as-of", "source"])
        let date = reader.date(map, "as-of", in: name)
        let downloads = count(map, "downloads", in: name, reader: &reader)
        let recent = count(map, "downloads-30d", in: name, reader: &reader)
        let likes = count(map, "likes", in: name, reader: &reader)
        let derivatives = map.value("derivatives").flatMap { decodeDerivatives($0, in: name, reader: &reader) }
        let sources = decodeSources(map, in: name, reader: &reader)
        if downloads == nil, recent == nil, likes == nil, derivatives == nil, map.entry("as-of") != nil {
            reader.error("missing-key", "\(name) has no figure; expected at least one of 'downloads', 'downloads-30d', 'likes' or 'derivatives' (leave out a figure the source does not give, never write 0 for it)", at: reader.location(of: node))
        }
        if let downloads, let recent, recent.value > downloads.value {
            reader.warning("inconsistent-figures", "downloads-30d (\(recent.value)) exceeds downloads (\(downloads.value)) in \(name); expected the all-time count to include the last 30 days", at: recent.location)
        }
        guard let date, let sources, !sources.isEmpty else { return nil }
        let snapshot = AdoptionSnapshot(date: date.value, downloads: downloads?.value, downloadsLast30Days: recent?.value,
                                        likes: likes?.value, derivatives: derivatives, sources: sources)
        return Located(snapshot, at: date.location)
    }

    /// Snapshots are appended as time passes: dates rise and cumulative downloads never fall.
    private func checkOrder(_ snapshots: [Located<AdoptionSnapshot>], reader: inout FieldReader) {
        var previousDownloads: (value: Int, date: CalendarDate)?
        for (earlier, later) in zip(snapshots, snapshots.dropFirst()) where later.value.date <= earlier.value.date {
            reader.error("snapshot-order", "adoption snapshot as of \(later.value.date) follows one as of \(earlier.value.date); expected snapshots in rising date order, one per day", at: later.location)
        }
        for snapshot in snapshots {
            guard let downloads = snapshot.value.downloads else { continue }
            if let previous = previousDownloads, downloads < previous.value, snapshot.value.date > previous.date {
                reader.error("downloads-fell", "cumulative downloads fall from \(previous.value) (as of \(previous.date)) to \(downloads) (as of \(snapshot.value.date)); expected all-time downloads never to decrease (a repository dropped from the list?)", at: snapshot.location)
            }
            previousDownloads = (downloads, snapshot.value.date)
        }
    }

    private func count(_ map: YAMLMapping, _ key: String, in name: String, reader: inout FieldReader) -> Located<Int>? {
        guard let value = reader.integer(map, key, in: name) else { return nil }
        guard value.value >= 0 else {
            reader.error("invalid-value", "'\(key)' in \(name) is \(value.value); expected a count of zero or more", at: value.location)
            return nil
        }
        return value
    }

    private func decodeDerivatives(_ node: YAMLNode, in name: String, reader: inout FieldReader) -> DerivativeCounts? {
        let owner = "derivatives in \(name)"
        guard let map = reader.mapping(node, named: owner, expected: "a mapping such as {fine-tunes: 120, quantizations: 40}") else { return nil }
        reader.checkKeys(map, named: owner, allowed: Self.derivativeKeys, required: [])
        var counts = DerivativeCounts()
        var any = false
        for relation in DerivativeRelation.allCases {
            guard let value = count(map, relation.manifestKey, in: owner, reader: &reader) else { continue }
            counts[relation] = value.value
            any = true
        }
        return any ? counts : nil
    }

    /// `source` is one URL or a list of them (a refresh reads several repositories).
    private func decodeSources(_ map: YAMLMapping, in name: String, reader: inout FieldReader) -> [String]? {
        guard let value = map.value("source") else { return nil }
        let items: [YAMLNode]
        if case .sequence(let sequence) = value { items = sequence.items } else { items = [value] }
        let urls = items.compactMap { reader.url($0, named: "\(name).source")?.value }
        return urls.count == items.count ? urls : nil
    }
}
