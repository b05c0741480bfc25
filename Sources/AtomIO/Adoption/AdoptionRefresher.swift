import AtomAudit
import Foundation

/// Runs `adoption refresh`: for each manifest of the plan, asks the Hub about its
/// repositories, appends the summed snapshot to its text, checks the edit through the
/// loader and writes the file atomically. A failure stops only its own manifest.
public struct AdoptionRefresher: Sendable {
    public enum Outcome: Sendable {
        /// The snapshot was appended and the file written.
        case refreshed(AdoptionSnapshot)
        case alreadyRefreshed(CalendarDate)
        case failed(Failure)
    }

    public enum Failure: Error, Sendable, CustomStringConvertible {
        case refused(AdoptionRefreshPlan.Refusal)
        case hub(HubRepositoryID, HubFailure)
        /// A repository younger than the snapshot's date: its figures cannot be as of then.
        case createdAfter(HubRepositoryID, created: CalendarDate, date: CalendarDate)
        case edit(AdoptionSnapshotEditor.Failure)
        case check(AdoptionEditCheck.Problem)
        case write(AtomicFileReplace.Failure)

        public var description: String {
            switch self {
            case .refused(let refusal): refusal.description
            case .hub(let repository, let failure): "\(repository): \(failure)"
            case .createdAfter(let repository, let created, let date):
                "\(repository): created on \(created), after \(date); expected a snapshot date on or after every repository's creation"
            case .edit(let failure): failure.description
            case .check(let problem): "\(problem); nothing was written"
            case .write(let failure): failure.description
            }
        }
    }

    public struct Result: Sendable {
        public var id: String
        /// The manifest's path as shown to users.
        public var path: String
        public var outcome: Outcome
    }

    private let client: HubClient
    private let content: ContentSnapshot
    private let date: CalendarDate
    private let check: AdoptionEditCheck

    /// - Parameters:
    ///   - content: the content folder as read; manifests are written back below its root.
    ///   - date: the day the snapshots are for.
    ///   - today: the day review checks measure from.
    public init(client: HubClient, content: ContentSnapshot, date: CalendarDate, today: CalendarDate?) {
        self.client = client
        self.content = content
        self.date = date
        self.check = AdoptionEditCheck(today: today)
    }

    /// Refreshes every item of the plan, `modelsAtOnce` manifests at a time (their requests
    /// share the client's limit), and returns the results in the plan's order.
    /// - Parameter finished: called on the caller's task as each manifest is done, with its
    ///   index in the plan, so progress and results can be printed as they come.
    public func refresh(_ plan: AdoptionRefreshPlan, modelsAtOnce: Int = 4,
                        finished: (Int, Result) -> Void = { _, _ in }) async -> [Result] {
        var results: [Result?] = Array(repeating: nil, count: plan.items.count)
        await withTaskGroup(of: (Int, Result).self) { group in
            var started = 0
            func startNext() {
                guard started < plan.items.count else { return }
                let index = started, item = plan.items[index]
                started += 1
                group.addTask { (index, await refresh(item)) }
            }
            for _ in 0..<max(1, modelsAtOnce) { startNext() }
            while let (index, result) = await group.next() {
                results[index] = result
                finished(index, result)
                startNext()
            }
        }
        return results.compactMap { $0 }
    }

    private func refresh(_ item: AdoptionRefreshPlan.Item) async -> Result {
        let path = content.displayPath(item.relativePath)
        func result(_ outcome: Outcome) -> Result { Result(id: item.id, path: path, outcome: outcome) }
        switch item.action {
        case .refuse(let refusal): return result(.failed(.refused(refusal)))
        case .alreadyRefreshed(let day): return result(.alreadyRefreshed(day))
        case .fetch(let manifest):
            do {
                let figures = try await fetch(manifest.adoption?.repositories ?? [])
                return result(.refreshed(try write(figures, to: item.relativePath)))
            } catch {
                return result(.failed(error))
            }
        }
    }

    /// Every repository's figures, in the manifest's order; the first failure in that order.
    private func fetch(_ repositories: [HubRepositoryID]) async throws(Failure) -> [HubRepositoryFigures] {
        let client = self.client
        let answers = await withTaskGroup(of: (Int, Swift.Result<HubRepositoryFigures, HubFailure>).self) { group in
            for (index, repository) in repositories.enumerated() {
                group.addTask { (index, await Self.figures(of: repository, from: client)) }
            }
            return await group.reduce(into: [Int: Swift.Result<HubRepositoryFigures, HubFailure>]()) { $0[$1.0] = $1.1 }
        }
        var figures: [HubRepositoryFigures] = []
        for (index, repository) in repositories.enumerated() {
            switch answers[index] ?? .failure(.network("the request did not finish", url: client.endpoint)) {
            case .success(let value):
                if let created = value.created, created > date { throw .createdAfter(repository, created: created, date: date) }
                figures.append(value)
            case .failure(let failure): throw .hub(repository, failure)
            }
        }
        return figures
    }

    private static func figures(of repository: HubRepositoryID, from client: HubClient) async -> Swift.Result<HubRepositoryFigures, HubFailure> {
        do { return .success(try await client.figures(of: repository)) } catch { return .failure(error) }
    }

    private func write(_ figures: [HubRepositoryFigures], to relativePath: String) throws(Failure) -> AdoptionSnapshot {
        let snapshot = AdoptionSnapshot(summing: figures, on: date)
        let original = content.files[relativePath] ?? Data()
        let text = String(decoding: original, as: UTF8.self)
        let edited: String
        do { edited = try AdoptionSnapshotEditor().appending(snapshot, to: text) } catch { throw .edit(error) }
        if let problem = check.check(original: text, edited: edited, relativePath: relativePath, in: content, appended: snapshot) {
            throw .check(problem)
        }
        do {
            try AtomicFileReplace.replace(content.displayPath(relativePath), with: Data(edited.utf8), expecting: original)
        } catch {
            throw .write(error)
        }
        return snapshot
    }
}
