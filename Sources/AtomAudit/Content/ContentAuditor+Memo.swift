/// The per-file steps of an audit that can take their result from an `AuditMemo`.
extension ContentAuditor {
    /// Maps files on the mapper, except those whose result the memo has.
    func mapMemoized<T: Sendable>(
        _ paths: [String], in snapshot: ContentSnapshot, dependingOn dependencies: [String],
        store: WritableKeyPath<AuditMemo, AuditMemo.Store<T>>, memo: inout AuditMemo,
        _ transform: @escaping @Sendable (String) -> (T?, [Diagnostic])
    ) -> [(T?, [Diagnostic])] {
        // A folder read from disk has no ids: the plain map, as fast as before memos.
        guard !snapshot.objectIDs.isEmpty else {
            memo.countDecoded(paths.count)
            return mapper.map(paths, transform)
        }
        let context = AuditMemo.context(of: dependencies, in: snapshot)
        let keys = paths.map { AuditMemo.key($0, in: snapshot, context: context) }
        var results: [(T?, [Diagnostic])] = []
        results.reserveCapacity(paths.count)
        var missing: [Int] = []
        for index in paths.indices {
            if let key = keys[index], let known = memo[keyPath: store][key] {
                results.append((known.value, known.diagnostics))
            } else {
                results.append((nil, []))
                missing.append(index)
            }
        }
        let fresh = mapper.map(missing.map { paths[$0] }, transform)
        memo.countDecoded(fresh.count)
        for (index, result) in zip(missing, fresh) {
            results[index] = result
            if let key = keys[index] { memo[keyPath: store][key] = (result.0, result.1) }
        }
        return results
    }

    /// Scores manifests on the mapper, except those whose scorecard the memo has (same
    /// manifest, rubric and license catalog).
    func scoreMemoized(_ manifests: [Manifest], paths: [String], in snapshot: ContentSnapshot,
                       scorer: Scorer, memo: inout AuditMemo) -> [Scorecard] {
        guard !snapshot.objectIDs.isEmpty else { return mapper.map(manifests) { scorer.score($0) } }
        let context = AuditMemo.context(of: ["rubric.yaml", "licenses.yaml"], in: snapshot)
        let keys = paths.map { AuditMemo.key($0, in: snapshot, context: context) }
        var cards: [Scorecard?] = keys.map { $0.flatMap { memo.scorecards[$0] } }
        let missing = cards.indices.filter { cards[$0] == nil }
        let fresh = mapper.map(missing.map { manifests[$0] }) { scorer.score($0) }
        for (index, card) in zip(missing, fresh) {
            cards[index] = card
            if let key = keys[index] { memo.scorecards[key] = card }
        }
        return cards.compactMap { $0 }
    }
}
