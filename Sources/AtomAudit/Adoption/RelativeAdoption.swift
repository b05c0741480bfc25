/// Size classes by total parameters, for comparing a model's downloads with models like it:
/// a 7B model is downloaded far more than a 600B one, whoever makes them.
public enum SizeClass: String, CaseIterable, Sendable, Hashable {
    case small, medium, large, frontier

    /// Lower bounds in parameters: under 10B, 10B to under 50B, 50B to under 200B, 200B or more.
    static let bounds: [(SizeClass, Double)] = [(.frontier, 200e9), (.large, 50e9), (.medium, 10e9), (.small, 0)]

    public init(parameters: Double) {
        self = Self.bounds.first { parameters >= $0.1 }?.0 ?? .small
    }

    public var label: String {
        switch self {
        case .small: "Under 10B parameters"
        case .medium: "10B to under 50B parameters"
        case .large: "50B to under 200B parameters"
        case .frontier: "200B parameters or more"
        }
    }

    /// The label inside a sentence: "under 10B parameters".
    public var labelInSentence: String { label.lowercasedFirst }
}

/// Relative adoption within a size class, after the ATOM Project's Relative Adoption
/// Metric: a model's all-time downloads divided by those of the 10th most-downloaded model
/// of its size class at the same age (days since release). 1 means "as adopted as the
/// 10th best of its class was at that age"; above 1, better.
///
/// The age is the model's age at its newest figure. A peer's downloads at that age are read
/// off its figures: between two snapshots by a straight line, and before its first snapshot
/// by a straight line from 0 on its release day (real downloads come faster early on, so
/// this reads peers low and ratios high). A peer whose newest figure is younger than the age
/// cannot be read there and is left out: nothing is extrapolated. The ratio is computed only
/// when at least `referenceRank` models of the class (the model included) can be read at that
/// age and the reference has downloads; otherwise the model has "not enough data".
public struct RelativeAdoption: Sendable {
    /// The reference is the model at this place in the class's downloads at the same age.
    public static let referenceRank = 10

    public struct Entry: Sendable, Hashable {
        public var id: ManifestID
        /// Days from release to the newest figure.
        public var age: Int
        public var downloads: Int
        /// Downloads of the `referenceRank`-th model of the class at the same age.
        public var reference: Int
        /// How many models of the class could be read at that age.
        public var peers: Int
        public var ratio: Double
    }

    public struct ClassResult: Sendable, Hashable {
        public var sizeClass: SizeClass
        /// Models of the class (known parameter count), with or without figures.
        public var models: Int
        /// Models of the class with a downloads figure and a release date on or before it.
        public var withFigures: Int
        /// Highest ratio first (ties by id).
        public var entries: [Entry]
        /// Models with figures whose ratio could not be computed (too few peers at their age).
        public var notEnoughData: [ManifestID]
    }

    /// One result per size class, smallest first.
    public static func compute(_ rows: [AdoptionTally.Row]) -> [ClassResult] {
        SizeClass.allCases.map { sizeClass in
            let members = rows.filter { $0.parameters.map(SizeClass.init) == sizeClass }
            let curves = members.compactMap(Curve.init)
            // Peers by their newest downloads, most first: a peer's downloads at any age it
            // reached are at most those, so the scan can stop once none can enter the top.
            let byDownloads = curves.sorted { ($0.latestDownloads, $1.id) > ($1.latestDownloads, $0.id) }
            var references: [Int: (downloads: Int, peers: Int)?] = [:]
            var entries: [Entry] = [], lacking: [ManifestID] = []
            for curve in curves {
                let age = curve.latestAge
                if references[age] == nil { references[age] = reference(at: age, among: byDownloads) }
                if age > 0, let found = references[age] ?? nil, found.downloads > 0 {
                    entries.append(Entry(id: curve.id, age: age, downloads: curve.latestDownloads, reference: found.downloads,
                                         peers: found.peers, ratio: Double(curve.latestDownloads) / Double(found.downloads)))
                } else {
                    lacking.append(curve.id)
                }
            }
            entries.sort { ($0.ratio, $1.id) > ($1.ratio, $0.id) }
            return ClassResult(sizeClass: sizeClass, models: members.count, withFigures: curves.count, entries: entries,
                               notEnoughData: lacking.sorted())
        }
    }

    /// The `referenceRank`-th highest downloads at `age`, and how many peers reached that age;
    /// nil when fewer than `referenceRank` did.
    private static func reference(at age: Int, among curves: [Curve]) -> (downloads: Int, peers: Int)? {
        var top: [Int] = []  // the highest values so far, highest first, at most referenceRank
        var peers = 0
        for curve in curves where curve.latestAge >= age {
            peers += 1
            if top.count == referenceRank, let last = top.last, curve.latestDownloads <= last { continue }
            let value = curve.downloads(atAge: age)
            let position = top.firstIndex { value > $0 } ?? top.count
            if position < referenceRank {
                top.insert(value, at: position)
                if top.count > referenceRank { top.removeLast() }
            }
        }
        guard top.count == referenceRank, let tenth = top.last else { return nil }
        return (tenth, peers)
    }

    /// A model's cumulative downloads by age: 0 on its release day, then its figures.
    struct Curve {
        let id: ManifestID
        /// (age in days, downloads), ages rising, starting at (0, 0).
        let points: [(age: Int, downloads: Int)]

        init?(_ row: AdoptionTally.Row) {
            guard let released = row.released else { return nil }
            // Figures dated before the release date cannot be placed on the model's age.
            let figures = row.figures.filter { $0.date >= released }
            guard !figures.isEmpty else { return nil }
            id = row.id
            points = [(0, 0)] + figures.map { ($0.date.dayNumber - released.dayNumber, $0.downloads) }
        }

        var latestAge: Int { points.last?.age ?? 0 }
        var latestDownloads: Int { points.last?.downloads ?? 0 }

        /// Downloads at `age` (at most `latestAge`), on the straight line between the points around it.
        func downloads(atAge age: Int) -> Int {
            guard let after = points.firstIndex(where: { $0.age >= age }) else { return latestDownloads }
            let upper = points[after]
            guard upper.age > age, after > 0 else { return upper.downloads }
            let lower = points[after - 1]
            let fraction = Double(age - lower.age) / Double(upper.age - lower.age)
            return lower.downloads + Int((Double(upper.downloads - lower.downloads) * fraction).rounded(.down))
        }
    }
}
