/// Which manifests `adoption refresh` works on, and what happens to each before the Hub is
/// asked anything: fetch its repositories, skip it (refreshed already), or refuse it.
public struct AdoptionRefreshPlan: Sendable {
    public struct Item: Sendable {
        /// The manifest id (its file name without `.yaml`).
        public var id: String
        /// The manifest's path in the content, e.g. `models/qwen3-8b.yaml`.
        public var relativePath: String
        public var action: Action
    }

    public enum Action: Sendable {
        /// Ask the Hub about the manifest's repositories.
        case fetch(Manifest)
        /// The last snapshot already has this date.
        case alreadyRefreshed(CalendarDate)
        case refuse(Refusal)
    }

    public enum Refusal: Error, Equatable, Sendable, CustomStringConvertible {
        case hasErrors
        case noRepositories
        case dateBeforeLast(last: CalendarDate, date: CalendarDate)

        public var description: String {
            switch self {
            case .hasErrors:
                "the manifest has errors, so it cannot be refreshed; run 'atom-audit check' and fix them first"
            case .noRepositories:
                "adoption.repositories is empty; expected the official Hugging Face repositories to read figures for"
            case .dateBeforeLast(let last, let date):
                "the last snapshot is as of \(last), after \(date); expected a date after the last snapshot's"
            }
        }
    }

    /// An id given on the command line that names no manifest, with the ids it most
    /// likely meant (`ManifestID.likelyMeant`, as `explain` and `history` suggest).
    public struct UnknownID: Sendable, Equatable {
        public var id: String
        public var suggestions: [String]
    }

    public var items: [Item]
    public var unknown: [UnknownID]

    /// - Parameters:
    ///   - ids: the manifests to refresh; empty for every manifest with repositories.
    ///   - content: the content folder as read.
    ///   - report: its audit (manifests with errors are missing from it).
    ///   - date: the day the snapshots are for.
    public init(ids: [String], content: ContentSnapshot, report: AuditReport, date: CalendarDate) {
        let paths = content.paths(in: "models", withExtension: "yaml")
        let idsByPath = Dictionary(paths.map { ($0, String($0.dropFirst("models/".count).dropLast(".yaml".count))) }) { a, _ in a }
        let valid = Dictionary(report.manifests.map { ($0.path, $0) }) { a, _ in a }
        var items: [Item] = []
        var unknown: [UnknownID] = []
        var chosen: [String]
        if ids.isEmpty {
            chosen = paths
        } else {
            chosen = []
            let known = paths.compactMap { idsByPath[$0] }
            for id in ids where !chosen.contains("models/\(id).yaml") {
                if paths.contains("models/\(id).yaml") {
                    chosen.append("models/\(id).yaml")
                } else if !unknown.contains(where: { $0.id == id }) {
                    unknown.append(UnknownID(id: id, suggestions: ManifestID.likelyMeant(id, among: known)))
                }
            }
        }
        for path in chosen {
            let id = idsByPath[path] ?? path
            guard let manifest = valid[content.displayPath(path)] else {
                items.append(Item(id: id, relativePath: path, action: .refuse(.hasErrors)))
                continue
            }
            let repositories = manifest.adoption?.repositories ?? []
            // Every manifest: those without repositories (hosted models) are simply not refreshed.
            if repositories.isEmpty, ids.isEmpty { continue }
            items.append(Item(id: id, relativePath: path, action: Self.action(for: manifest, on: date)))
        }
        self.items = items
        self.unknown = unknown
    }

    static func action(for manifest: Manifest, on date: CalendarDate) -> Action {
        guard let adoption = manifest.adoption, !adoption.repositories.isEmpty else { return .refuse(.noRepositories) }
        guard let last = adoption.latest?.date else { return .fetch(manifest) }
        if last == date { return .alreadyRefreshed(last) }
        if last > date { return .refuse(.dateBeforeLast(last: last, date: date)) }
        return .fetch(manifest)
    }
}
