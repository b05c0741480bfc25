/// One model's facts as a reviewer recorded them in `Content/models/<id>.yaml`.
public struct Manifest: Sendable, Hashable {
    public var id: ManifestID
    /// The path the manifest was read from, as shown in diagnostics.
    public var path: String
    public var name: String
    public var developer: String
    public var origin: CountryCode
    public var released: CalendarDate?
    public var parameters: ParameterCount?
    public var activeParameters: ParameterCount?
    public var modality: [Modality]
    public var weights: WeightsFacts
    public var data: DataFacts
    public var code: CodeFacts
    /// Markdown shown on the scorecard.
    public var notes: String?
    public var assessed: CalendarDate
    /// The generation the release belongs to (`qwen3`, `llama-3.1`), for counting families
    /// rather than releases; nil when the reviewer has not set it (`check` warns).
    public var family: String?
    /// Hub repositories and dated download figures; nil for hosted models and when unrecorded.
    public var adoption: Adoption?
    /// Facts the reviewer marked `unknown` (`released`, `parameters`, `active-parameters`):
    /// looked for and not published, which `check` accepts without a warning.
    public var unknownFacts: Set<String> = []
    /// Why a model outside the inclusion policy's census is kept (e.g. a pre-2023 model
    /// kept as a historical reference); nil for models the census itself includes.
    public var reference: String?
    /// Where each field was written, keyed by its path (e.g. `weights.license`), for
    /// diagnostics raised after loading (duplicate names, review warnings). The auditor
    /// empties it once those checks have run, so manifests in a report carry none.
    public var positions: [String: SourceLocation]

    public init(
        id: ManifestID, path: String, name: String, developer: String, origin: CountryCode,
        released: CalendarDate? = nil, parameters: ParameterCount? = nil,
        activeParameters: ParameterCount? = nil, modality: [Modality] = [],
        weights: WeightsFacts, data: DataFacts, code: CodeFacts,
        notes: String? = nil, assessed: CalendarDate, family: String? = nil, adoption: Adoption? = nil,
        positions: [String: SourceLocation] = [:]
    ) {
        self.id = id
        self.path = path
        self.name = name
        self.developer = developer
        self.origin = origin
        self.released = released
        self.parameters = parameters
        self.activeParameters = activeParameters
        self.modality = modality
        self.weights = weights
        self.data = data
        self.code = code
        self.notes = notes
        self.assessed = assessed
        self.family = family
        self.adoption = adoption
        self.positions = positions
    }
}

public struct WeightsFacts: Sendable, Hashable {
    public var access: WeightsAccess
    /// The base model and intermediate training checkpoints are downloadable.
    public var checkpoints: Bool
    /// The license id of the weights; nil only for hosted models.
    public var license: String?
    public var evidence: [String]
    public var note: String?

    public init(access: WeightsAccess, checkpoints: Bool = false, license: String? = nil,
                evidence: [String] = [], note: String? = nil) {
        self.access = access
        self.checkpoints = checkpoints
        self.license = license
        self.evidence = evidence
        self.note = note
    }

    public var level: WeightsLevel { WeightsLevel(access: access, checkpoints: checkpoints) }
}

public struct DataFacts: Sendable, Hashable {
    public var access: DataAccess
    public var evidence: [String]
    public var note: String?

    public init(access: DataAccess, evidence: [String] = [], note: String? = nil) {
        self.access = access
        self.evidence = evidence
        self.note = note
    }
}

public struct CodeFacts: Sendable, Hashable {
    public var access: CodeAccess
    public var license: String?
    public var evidence: [String]
    public var note: String?

    public init(access: CodeAccess, license: String? = nil, evidence: [String] = [], note: String? = nil) {
        self.access = access
        self.license = license
        self.evidence = evidence
        self.note = note
    }
}
