/// Reads `coverage.yaml`, each problem at its position. The file is written by
/// `atom-audit coverage --write`, so its figures must add up: a hand edit that breaks
/// them would put a wrong percentage on the site.
struct HubCoverageDecoder {
    static let keys = ["as-of", "endpoint", "top", "total-downloads", "covered-downloads", "uncovered"]
    static let required = ["as-of", "endpoint", "top", "total-downloads", "covered-downloads"]
    static let uncoveredKeys = ["repository", "downloads"]
    static let name = "the coverage record"

    /// The day a record after is an error; nil skips the check.
    var today: CalendarDate?

    func decode(_ document: YAMLDocument) -> (coverage: HubCoverage?, diagnostics: [Diagnostic]) {
        var reader = FieldReader(file: document.file)
        guard let root = document.root,
              let map = reader.mapping(root, named: Self.name, expected: "a mapping with \(Self.required.quotedAlternatives.replacingOccurrences(of: " or ", with: " and "))")
        else {
            if document.root == nil { reader.error("empty-file", "the coverage record is empty; expected what 'atom-audit coverage --write' writes", at: .start(of: document.file)) }
            return (nil, reader.diagnostics)
        }
        reader.checkKeys(map, named: Self.name, allowed: Self.keys, required: Self.required)
        let date = reader.date(map, "as-of", in: Self.name)
        if let date, let today, date.value > today {
            reader.error("future-date", "the coverage record is as of \(date.value), in the future; expected a listing read on or before today (\(today))", at: date.location)
        }
        let endpoint = map.value("endpoint").flatMap { reader.url($0, named: "endpoint") }
        let top = count(map, "top", reader: &reader, minimum: 1)
        let total = count(map, "total-downloads", reader: &reader)
        let covered = count(map, "covered-downloads", reader: &reader)
        let uncovered = decodeUncovered(map, reader: &reader)
        if let total, let covered {
            // Hand-edited counts can be as large as an Int holds: sums saturate rather than trap.
            let missing = uncovered.reduce(0) { DownloadTotal.saturatingSum($0, $1.downloads) }
            let sum = DownloadTotal.saturatingSum(covered.value, missing)
            if covered.value > total.value {
                reader.error("inconsistent-figures", "covered-downloads (\(covered.value)) exceeds total-downloads (\(total.value)); expected the covered part of the total", at: covered.location)
            } else if sum != total.value {
                reader.error("inconsistent-figures", "covered-downloads (\(covered.value)) and the uncovered models' downloads (\(missing)) add up to \(sum), not total-downloads (\(total.value)); expected every model of the top N to be covered or listed as uncovered", at: total.location)
            }
        }
        if let top, uncovered.count > top.value {
            reader.error("inconsistent-figures", "\(uncovered.count) models are listed as uncovered, more than the top \(top.value); expected at most \(top.value)", at: top.location)
        }
        guard !reader.diagnostics.containsErrors, let date, let endpoint, let top, let total, let covered else {
            return (nil, reader.diagnostics)
        }
        return (HubCoverage(date: date.value, endpoint: endpoint.value, top: top.value, downloads: total.value,
                            coveredDownloads: covered.value, uncovered: uncovered), reader.diagnostics)
    }

    private func decodeUncovered(_ map: YAMLMapping, reader: inout FieldReader) -> [HubCoverage.Uncovered] {
        var result: [HubCoverage.Uncovered] = []
        var seen: Set<String> = []
        for (index, item) in (reader.list(map, "uncovered", in: Self.name, expected: "models with their downloads") ?? []).enumerated() {
            let name = "uncovered model \(index + 1)"
            guard let entry = reader.mapping(item, named: name, expected: "a mapping with 'repository' and 'downloads'") else { continue }
            reader.checkKeys(entry, named: name, allowed: Self.uncoveredKeys, required: Self.uncoveredKeys)
            let downloads = count(entry, "downloads", in: name, reader: &reader)
            guard let repository = reader.string(entry, "repository", in: name) else { continue }
            guard HubRepositoryID.isRepository(repository.value) else {
                reader.error("invalid-repository", "'\(repository.value)' in \(name) is not a Hugging Face repository; expected 'owner/name' with letters, digits, '-', '_' or '.'", at: repository.location)
                continue
            }
            guard seen.insert(repository.value.lowercased()).inserted else {
                reader.error("duplicate-repository", "'\(repository.value)' is listed twice as uncovered; expected each model once", at: repository.location)
                continue
            }
            if let downloads { result.append(.init(repository: repository.value, downloads: downloads.value)) }
        }
        return result
    }

    private func count(_ map: YAMLMapping, _ key: String, in name: String = Self.name, reader: inout FieldReader, minimum: Int = 0) -> Located<Int>? {
        guard let value = reader.integer(map, key, in: name) else { return nil }
        guard value.value >= minimum else {
            reader.error("invalid-value", "'\(key)' in \(name) is \(value.value); expected \(minimum == 0 ? "a count of zero or more" : "a number of at least \(minimum)")", at: value.location)
            return nil
        }
        return value
    }
}
