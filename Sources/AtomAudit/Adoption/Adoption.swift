/// Who uses a model: the Hugging Face repositories whose downloads count for it and
/// dated snapshots of their figures, oldest first.
public struct Adoption: Sendable, Hashable {
    public var repositories: [HubRepositoryID]
    public var snapshots: [AdoptionSnapshot]

    public init(repositories: [HubRepositoryID] = [], snapshots: [AdoptionSnapshot] = []) {
        self.repositories = repositories
        self.snapshots = snapshots
    }

    /// The newest snapshot, or nil when no figure was ever recorded ("no data", never 0).
    public var latest: AdoptionSnapshot? { snapshots.last }

    /// The newest snapshot on or before `date`, for figures "as of" a past day.
    public func latest(onOrBefore date: CalendarDate) -> AdoptionSnapshot? {
        snapshots.last { $0.date <= date }
    }
}

/// The figures of all of a model's repositories, summed, on one day. A figure the source
/// did not give is nil, which the site shows as "no data".
public struct AdoptionSnapshot: Sendable, Hashable {
    public var date: CalendarDate
    /// Cumulative downloads since the repositories were created.
    public var downloads: Int?
    /// Downloads in the 30 days before `date`.
    public var downloadsLast30Days: Int?
    public var likes: Int?
    public var derivatives: DerivativeCounts?
    /// Where the figures were read (Hub API or model pages, a report).
    public var sources: [String]

    public init(date: CalendarDate, downloads: Int? = nil, downloadsLast30Days: Int? = nil, likes: Int? = nil,
                derivatives: DerivativeCounts? = nil, sources: [String]) {
        self.date = date
        self.downloads = downloads
        self.downloadsLast30Days = downloadsLast30Days
        self.likes = likes
        self.derivatives = derivatives
        self.sources = sources
    }
}

/// Models on the Hub that declare one of the repositories as their base, by relation.
public struct DerivativeCounts: Sendable, Hashable {
    public var fineTunes: Int
    public var adapters: Int
    public var quantizations: Int
    public var merges: Int

    public init(fineTunes: Int = 0, adapters: Int = 0, quantizations: Int = 0, merges: Int = 0) {
        self.fineTunes = fineTunes
        self.adapters = adapters
        self.quantizations = quantizations
        self.merges = merges
    }

    /// The four counts summed; it stops at `Int.max` rather than trapping (content can hold any count).
    public var total: Int {
        [adapters, quantizations, merges].reduce(fineTunes) { DownloadTotal.saturatingSum($0, $1) }
    }

    /// The Hub's names for the relations (`base_model:<relation>:<repo>`), in display order.
    public static let relations: [DerivativeRelation] = DerivativeRelation.allCases

    public subscript(relation: DerivativeRelation) -> Int {
        get {
            switch relation {
            case .fineTune: fineTunes
            case .adapter: adapters
            case .quantization: quantizations
            case .merge: merges
            }
        }
        set {
            switch relation {
            case .fineTune: fineTunes = newValue
            case .adapter: adapters = newValue
            case .quantization: quantizations = newValue
            case .merge: merges = newValue
            }
        }
    }
}

/// How a derivative model relates to its base, as the Hub's `base_model` tags name it.
public enum DerivativeRelation: String, CaseIterable, Sendable {
    case fineTune = "finetune"
    case adapter
    case quantization = "quantized"
    case merge = "merge"

    /// The manifest's key for the count.
    public var manifestKey: String {
        switch self {
        case .fineTune: "fine-tunes"
        case .adapter: "adapters"
        case .quantization: "quantizations"
        case .merge: "merges"
        }
    }
}

/// A Hugging Face model repository, `owner/name`, as the Hub spells it.
public struct HubRepositoryID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let owner: String
    public let name: String

    /// The id, if `text` is `owner/name` with the Hub's alphabet (letters, digits, `-`, `_`, `.`)
    /// and neither part is `.` or `..` (so it can never climb out of a URL path).
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy(Self.isValidPart) else { return nil }
        owner = String(parts[0])
        name = String(parts[1])
    }

    private static func isValidPart(_ part: Substring) -> Bool {
        guard !part.isEmpty, part.unicodeScalars.count <= 96, part != ".", part != ".." else { return false }
        return part.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "-" || scalar == "_" || scalar == "."
        }
    }

    /// `owner/name`, or a bare `name` as the Hub's oldest models have (`gpt2`), by the
    /// same rules: the one check for a repository a listing or a model card names.
    public static func isRepository(_ text: String) -> Bool {
        Self(text) != nil || (!text.contains("/") && isValidPart(Substring(text)))
    }

    public var description: String { "\(owner)/\(name)" }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.description < rhs.description }
}
