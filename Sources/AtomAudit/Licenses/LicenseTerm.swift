/// A condition a model license imposes, as `licenses.yaml` lists it in `terms`. Each term
/// caps the license axis at a level, and a license sits at the lowest cap of its terms
/// (at `open` with none), so two licenses with the same kinds of restriction always score
/// the same, whatever their names or their authors' origin.
public enum LicenseTerm: String, CaseIterable, Sendable, Hashable {
    /// Research, evaluation or other non-commercial use only.
    case nonCommercial = "non-commercial"
    /// A separate license above a number of users or an amount of revenue.
    case userCap = "user-cap"
    /// Commercial use only after registering with, or applying to, the licensor.
    case commercialRegistration = "commercial-registration"
    /// Not licensed in some countries or regions.
    case territoryExclusion = "territory-exclusion"
    /// The model or its outputs may not be used to train or improve other models.
    case modelImprovementBan = "model-improvement-ban"
    /// Derivative models must carry the licensor's name in their own name.
    case derivativeNaming = "derivative-naming"
    /// The licensor may revoke the grant at will, or restrict use remotely for more than
    /// breaches of the license. OpenRAIL-style licenses (DeepSeek, Gemma, BLOOM RAIL) let the
    /// licensor restrict use that violates their use restrictions; that enforcement is part
    /// of `useRestrictions`, not this term.
    case revocable
    /// Behavioural use restrictions (an acceptable- or prohibited-use policy) that every
    /// downstream user and derivative must also accept (OpenRAIL-style).
    case useRestrictions = "use-restrictions"
    /// Products must display the model's name or "built with" (for all, or above a size).
    case attributionDisplay = "attribution-display"
    /// Only keeping the copyright and license notice (or a NOTICE file).
    case notice

    /// The highest level a license with this term can reach.
    public var ceiling: LicenseLevel {
        switch self {
        case .nonCommercial: .nonCommercial
        case .userCap, .commercialRegistration, .territoryExclusion, .modelImprovementBan, .derivativeNaming, .revocable:
            .customRestrictive
        case .useRestrictions, .attributionDisplay: .openRestricted
        case .notice: .open
        }
    }

    /// What the term means, for the methodology page.
    public var definition: String {
        switch self {
        case .nonCommercial: "Research, evaluation or other non-commercial use only."
        case .userCap: "A separate license is needed above a number of users or an amount of revenue."
        case .commercialRegistration: "Commercial use only after registering with, or applying to, the licensor."
        case .territoryExclusion: "Not licensed in some countries or regions."
        case .modelImprovementBan: "The model or its outputs may not be used to train or improve other models."
        case .derivativeNaming: "Derivative models must carry the licensor's name in their own name."
        case .revocable: "The licensor may revoke the grant at will, or restrict use remotely for more than breaches of the license."
        case .useRestrictions: "Behavioural use restrictions that every user and derivative must accept (OpenRAIL-style)."
        case .attributionDisplay: "Products must display the model's name or a \"built with\" notice."
        case .notice: "Only the copyright and license notice must be kept."
        }
    }

    /// The level a license with these terms sits at: the lowest ceiling, `open` with none.
    public static func level(of terms: [LicenseTerm]) -> LicenseLevel {
        terms.map(\.ceiling).min { LicenseLevel.allCases.firstIndex(of: $0) ?? 0 < LicenseLevel.allCases.firstIndex(of: $1) ?? 0 } ?? .open
    }
}
