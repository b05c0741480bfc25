/// A license that model weights or code are published under, from `licenses.yaml`.
public struct License: Sendable, Hashable {
    /// The SPDX id where one exists (`Apache-2.0`), else the catalog's own id (`llama3.1`).
    public var id: String
    public var name: String
    /// The official license text.
    public var url: String
    public var osiApproved: Bool
    /// The level on the license axis that weights under this license get.
    public var level: LicenseLevel
    /// One sentence naming the restrictions.
    public var summary: String
    /// The conditions that place the license at its level (empty for a license whose only
    /// condition is keeping notices).
    public var terms: [LicenseTerm]

    public init(id: String, name: String, url: String, osiApproved: Bool, level: LicenseLevel, summary: String, terms: [LicenseTerm] = []) {
        self.id = id
        self.name = name
        self.url = url
        self.osiApproved = osiApproved
        self.level = level
        self.summary = summary
        self.terms = terms
    }
}
