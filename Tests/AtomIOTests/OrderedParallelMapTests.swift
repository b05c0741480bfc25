import AtomIO
import Testing

/// The build's output is deterministic only because the parallel map keeps input order.
@Suite struct OrderedParallelMapTests {
    @Test func keepsInputOrderWhateverTheChunking() {
        for count in [0, 1, 2, 7, 1_000, 4_099] {
            let items = Array(0..<count)
            #expect(items.parallelMap { $0 * 3 } == items.map { $0 * 3 }, "\(count) items")
        }
    }

    @Test func concurrentlyReturnsBothResults() {
        let (a, b) = concurrently({ (1...100).reduce(0, +) }, { "done" })
        #expect(a == 5_050 && b == "done")
    }
}
