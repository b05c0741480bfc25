import AtomAudit
import Foundation

extension HubClient {
    /// The figures of one repository: its own (downloads, likes, creation day) and its
    /// derivatives by relation, the five requests under way at once.
    public func figures(of repository: HubRepositoryID) async throws(HubFailure) -> HubRepositoryFigures {
        let source = endpoint + "/api/models/\(repository)"
        async let info = result { () async throws(HubFailure) in try await modelInfo(repository) }
        async let fineTunes = result { () async throws(HubFailure) in try await derivatives(of: repository, .fineTune) }
        async let adapters = result { () async throws(HubFailure) in try await derivatives(of: repository, .adapter) }
        async let quantizations = result { () async throws(HubFailure) in try await derivatives(of: repository, .quantization) }
        async let merges = result { () async throws(HubFailure) in try await derivatives(of: repository, .merge) }
        // Every answer is awaited before any failure is thrown: leaving scope early would
        // cancel the requests still under way, and nothing is gained by cutting them short.
        let answers = await (info, fineTunes, adapters, quantizations, merges)
        let model = try answers.0.get()
        var byRelation: [DerivativeRelation: Set<String>] = [:]
        byRelation[.fineTune] = try answers.1.get()
        byRelation[.adapter] = try answers.2.get()
        byRelation[.quantization] = try answers.3.get()
        byRelation[.merge] = try answers.4.get()
        return HubRepositoryFigures(repository: repository, downloads: model.downloadsAllTime, downloadsLast30Days: model.downloads,
                                    likes: model.likes, created: HubJSON.day(model.createdAt), derivatives: byRelation, source: source)
    }

    /// The Hub's most downloaded models with a pipeline tag, most downloaded first.
    /// - Parameter limit: how many, 1 to 1,000 (one page).
    public func topModels(pipelineTag: String, limit: Int) async throws(HubFailure) -> [HubModelListing] {
        let query = [("pipeline_tag", pipelineTag), ("sort", "downloads"), ("direction", "-1"), ("limit", String(limit))]
        guard let url = url("/api/models", query) else { throw .malformed("the listing's address could not be formed", url: endpoint) }
        let response = try await get(url)
        do {
            return try HubJSON.listing(response.body).prefix(limit).map { HubModelListing(id: $0.id, downloads: $0.downloads ?? 0, tags: $0.tags ?? []) }
        } catch {
            throw .malformed(error.message, url: url.absoluteString)
        }
    }

    func modelInfo(_ repository: HubRepositoryID) async throws(HubFailure) -> HubJSON.ModelInfo {
        let query = ["downloads", "downloadsAllTime", "likes", "createdAt"].map { ("expand[]", $0) }
        guard let url = url("/api/models/\(repository)", query) else { throw .malformed("the address could not be formed", url: endpoint) }
        let response = try await get(url)
        do { return try HubJSON.modelInfo(response.body) } catch { throw .malformed(error.message, url: url.absoluteString) }
    }

    /// Ids of the models whose `base_model` names `repository` with `relation`, from every
    /// page of the listing (the `Link: <...>; rel="next"` header leads from one to the next).
    func derivatives(of repository: HubRepositoryID, _ relation: DerivativeRelation) async throws(HubFailure) -> Set<String> {
        let query = [("filter", "base_model:\(relation.rawValue):\(repository)"), ("limit", "1000")]
        guard var next = url("/api/models", query) else { throw .malformed("the address could not be formed", url: endpoint) }
        var ids: Set<String> = []
        var visited: Set<URL> = [next]
        for _ in 0..<maxPages {
            let response = try await get(next)
            do { ids.formUnion(try HubJSON.listing(response.body).map(\.id)) } catch { throw .malformed(error.message, url: next.absoluteString) }
            guard let following = LinkHeader.next(in: response.header("link"), relativeTo: next) else { return ids }
            // The token goes with every request, so a page elsewhere would hand it over.
            guard isOnEndpoint(following) else {
                throw .pagination("the next page's link leads to \(following.host ?? "another host"), away from \(endpoint)", url: next.absoluteString)
            }
            guard visited.insert(following).inserted else {
                throw .pagination("the next page's link leads back to a page already read", url: next.absoluteString)
            }
            next = following
        }
        throw .pagination("the listing has more than \(maxPages) pages", url: next.absoluteString)
    }

    /// Runs a request to completion as a value, so several can run at once with `async let`.
    private func result<T: Sendable>(_ body: () async throws(HubFailure) -> T) async -> Result<T, HubFailure> {
        do { return .success(try await body()) } catch { return .failure(error) }
    }
}
