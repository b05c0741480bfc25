/// How much of a Hub listing the catalogue covers: each listed model is claimed by a
/// manifest (it is in the manifest's adoption.repositories), covered through the base
/// model its tags name (a quantization or fine-tune of a claimed repository), or not covered.
public struct CoverageTally: Sendable, Equatable {
    public enum Status: Sendable, Equatable {
        case claimed(by: String)
        /// Covered through `base`, a repository that manifest `by` claims.
        case viaBase(by: String, base: HubRepositoryID)
        case uncovered

        /// The manifest id that covers the model, if any.
        public var manifest: String? {
            switch self {
            case .claimed(let id), .viaBase(let id, _): id
            case .uncovered: nil
            }
        }
    }

    public struct Row: Sendable, Equatable {
        /// 1-based, in the listing's order.
        public var rank: Int
        public var repository: String
        public var downloads: Int
        public var status: Status
    }

    public var rows: [Row]

    // The Hub's figures come over the network: sums saturate rather than trap.
    public var totalDownloads: Int { rows.reduce(0) { DownloadTotal.saturatingSum($0, $1.downloads) } }
    public var coveredDownloads: Int { rows.reduce(0) { DownloadTotal.saturatingSum($0, $1.status == .uncovered ? 0 : $1.downloads) } }

    /// - Parameters:
    ///   - models: the listing, most downloaded first.
    ///   - manifests: the catalogue; when two claim one repository the first by id covers it.
    public init(models: [HubModelListing], manifests: [Manifest]) {
        // The Hub matches repository names without regard to case; so do claims.
        var claims: [String: String] = [:]
        for manifest in manifests.sorted(by: { $0.id.rawValue < $1.id.rawValue }) {
            for repository in manifest.adoption?.repositories ?? [] where claims[repository.description.lowercased()] == nil {
                claims[repository.description.lowercased()] = manifest.id.rawValue
            }
        }
        rows = models.enumerated().map { offset, model in
            let status: Status
            if let id = claims[model.id.lowercased()] {
                status = .claimed(by: id)
            } else if let base = model.baseModels.first(where: { claims[$0.description.lowercased()] != nil }),
                      let id = claims[base.description.lowercased()] {
                status = .viaBase(by: id, base: base)
            } else {
                status = .uncovered
            }
            return Row(rank: offset + 1, repository: model.id, downloads: model.downloads, status: status)
        }
    }

    /// The tally as `Content/coverage.yaml` records it.
    public func record(date: CalendarDate, endpoint: String, top: Int) -> HubCoverage {
        HubCoverage(date: date, endpoint: endpoint, top: top, downloads: totalDownloads, coveredDownloads: coveredDownloads,
                    uncovered: rows.filter { $0.status == .uncovered }.map { .init(repository: $0.repository, downloads: $0.downloads) })
    }
}
