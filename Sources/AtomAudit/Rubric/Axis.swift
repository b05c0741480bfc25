/// The four axes of openness the rubric scores.
public enum Axis: String, CaseIterable, Sendable, Hashable, Comparable, Codable {
    case weights, data, code, license

    /// The level ids of this axis, lowest first. This vocabulary is the manifest
    /// contract; rubric.yaml gives each level its label, points and definition.
    public var levelIDs: [String] {
        switch self {
        case .weights: WeightsLevel.allCases.map(\.rawValue)
        case .data: DataAccess.allCases.map(\.rawValue)
        case .code: CodeAccess.allCases.map(\.rawValue)
        case .license: LicenseLevel.allCases.map(\.rawValue)
        }
    }

    public var displayName: String {
        switch self {
        case .weights: "Weights"
        case .data: "Data"
        case .code: "Code"
        case .license: "License"
        }
    }

    public static func < (a: Axis, b: Axis) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }
}

/// How the weights can be obtained, as a manifest states it.
public enum WeightsAccess: String, CaseIterable, Sendable, Hashable {
    case hosted, gated, open
}

/// The level of the weights axis: access plus whether the training trajectory is published.
public enum WeightsLevel: String, CaseIterable, Sendable, Hashable {
    case hosted, gated, open
    case openWithCheckpoints = "open-checkpoints"

    public init(access: WeightsAccess, checkpoints: Bool) {
        switch access {
        case .hosted: self = .hosted
        case .gated: self = .gated
        case .open: self = checkpoints ? .openWithCheckpoints : .open
        }
    }
}

public enum DataAccess: String, CaseIterable, Sendable, Hashable {
    case undisclosed, described, partial, documented, released
}

public enum CodeAccess: String, CaseIterable, Sendable, Hashable {
    case none, inference
    case partialTraining = "partial-training"
    case fullPipeline = "full-pipeline"
}

/// The level of a license in the catalog, lowest (most restrictive) first.
public enum LicenseLevel: String, CaseIterable, Sendable, Hashable {
    case proprietary
    case nonCommercial = "non-commercial"
    case customRestrictive = "custom-restrictive"
    case openRestricted = "open-restricted"
    case open
}

public enum Modality: String, CaseIterable, Sendable, Hashable {
    case text, code, image, audio, video
}
