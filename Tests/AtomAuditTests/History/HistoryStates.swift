@testable import AtomAudit

/// Hand-made commits and states for the history builder's tests.
enum HistoryStates {
    static func commit(_ number: Int, day: Int? = nil) -> HistoryCommit {
        HistoryCommit(id: String(repeating: String(number), count: 40).prefix(40).description,
                      date: CalendarDate(year: 2025, month: 1, day: day ?? number) ?? CalendarDate(year: 2025, month: 1, day: 1)!,
                      subject: "commit \(number)")
    }

    static let tierLabels = ["truly-open": "Truly open", "open-source": "Open source", "open-weights": "Open weights",
                             "restricted-weights": "Restricted weights", "closed": "Closed"]

    /// A model state; labels are made from the ids ("open-checkpoints" → "Open-checkpoints").
    static func model(_ id: String, name: String? = nil, weights: String = "open", data: String = "undisclosed",
                      code: String = "none", license: String? = "Apache-2.0", tier: String = "open-weights", points: Int,
                      origin: String = "US") -> ModelState {
        let licenseLevel = license == nil ? "proprietary" : "open"
        let levels = zip(Axis.allCases, [weights, data, code, licenseLevel]).map { axis, level in
            LevelState(axis: axis, id: level, label: level.prefix(1).uppercased() + level.dropFirst())
        }
        return ModelState(id: id, name: name ?? id.uppercased(), levels: levels,
                          tier: TierState(id: tier, label: tierLabels[tier] ?? tier), points: points, license: license, origin: origin)
    }

    static func signpost(_ text: String, met: Bool, value: String = "1") -> SignpostState {
        SignpostState(scenario: "divergence", scenarioTitle: "Continued divergence", text: text, met: met,
                      value: value, threshold: "= 0")
    }

    static func state(_ models: [ModelState], rubric: String = "1.0", signposts: [SignpostState] = []) -> AuditState {
        AuditState(rubricVersion: rubric, models: models, signposts: signposts)
    }

    static func entry(_ number: Int, _ state: AuditState, renames: [String: String] = [:]) -> HistoryEntry {
        HistoryEntry(commit: commit(number), renames: renames, outcome: .audited(state))
    }

    static func failed(_ number: Int, renames: [String: String] = [:]) -> HistoryEntry {
        HistoryEntry(commit: commit(number), renames: renames, outcome: .failed([
            .error("unknown-license", "weights.license 'inf' is not in the license catalog; expected an id defined in licenses.yaml",
                   at: SourceLocation(file: "Content/models/a.yaml", line: 9, column: 12)),
        ]))
    }
}
