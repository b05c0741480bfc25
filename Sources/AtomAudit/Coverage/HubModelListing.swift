/// One model of a Hub listing (`GET /api/models?...`): its id, its downloads over the last
/// 30 days and its tags.
public struct HubModelListing: Sendable, Hashable {
    /// The repository as the Hub spells it, e.g. `Qwen/Qwen3-8B`.
    public var id: String
    /// The Hub's `downloads`: the last 30 days.
    public var downloads: Int
    public var tags: [String]

    public init(id: String, downloads: Int, tags: [String] = []) {
        self.id = id
        self.downloads = downloads
        self.tags = tags
    }

    /// The models this one names as its base, in tag order: `base_model:quantized:Qwen/Qwen3-8B`,
    /// `base_model:finetune:...` (any relation the Hub uses) or plain `base_model:Qwen/Qwen3-8B`.
    public var baseModels: [HubRepositoryID] {
        var result: [HubRepositoryID] = []
        for tag in tags where tag.hasPrefix("base_model:") {
            let rest = tag.dropFirst("base_model:".count)
            let parts = rest.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            // A repository id holds no ':', so two parts are a relation and the repository.
            let named = parts.count == 2 ? parts[1] : rest
            if let repository = HubRepositoryID(String(named)), !result.contains(repository) { result.append(repository) }
        }
        return result
    }
}
