/// Every license the models use, in the order `licenses.yaml` lists them.
public struct LicenseCatalog: Sendable, Hashable {
    public private(set) var licenses: [License]
    private var index: [String: Int]

    public init(_ licenses: [License]) {
        self.licenses = licenses
        var index: [String: Int] = [:]
        for (position, license) in licenses.enumerated() where index[license.id] == nil {
            index[license.id] = position
        }
        self.index = index
    }

    public func license(_ id: String) -> License? { index[id].map { licenses[$0] } }

    public var ids: [String] { licenses.map(\.id) }
}
