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

    /// The license whose id is `id`, scalar for scalar: the index compares by canonical
    /// equivalence, so a look-alike of an id would otherwise find it.
    public func license(_ id: String) -> License? {
        guard let position = index[id], licenses[position].id.isIdentical(to: id) else { return nil }
        return licenses[position]
    }

    public var ids: [String] { licenses.map(\.id) }
}
