import LogstatAggregate
import Testing

/// The delay histogram is sparse while it holds few buckets and dense beyond: every split and
/// order of the same delays gives the same buckets and quantiles.
@Suite struct DelayHistogramTests {
  /// Delays of a fixed pseudo-random sequence, in milliseconds over six decades.
  func delays(_ n: Int, seed: UInt64) -> [Int] {
    var state = seed
    return (0..<n).map { _ in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let decade = Int(state >> 61) % 6
      let base = [1, 10, 100, 1_000, 10_000, 100_000][decade]
      return base + Int(state >> 33) % (base * 9)
    }
  }

  @Test(arguments: [1, 3, 8, 9, 40, 2_000])
  func sparseAndDenseAgree(_ n: Int) {
    let values = delays(n, seed: UInt64(n))
    var whole = DelayHistogram()
    for v in values { whole.add(millis: v) }
    // The same delays in two halves merged, and in reverse order.
    var first = DelayHistogram()
    var second = DelayHistogram()
    for (k, v) in values.enumerated() {
      if k < n / 2 { first.add(millis: v) } else { second.add(millis: v) }
    }
    first.merge(second)
    var reversed = DelayHistogram()
    for v in values.reversed() { reversed.add(millis: v) }
    #expect(first == whole)
    #expect(reversed == whole)
    #expect(whole.count == n)
    #expect(whole.buckets.reduce(0) { $0 + Int($1) } == n)
    #expect(whole.nonEmptyBuckets.map(\.bucket) == whole.buckets.indices.filter { whole.buckets[$0] > 0 })
    for q in [0.5, 0.95] {
      #expect(first.quantile(q) == whole.quantile(q))
    }
    // Rebuilt from its buckets, as `logstat merge` does.
    var rebuilt = DelayHistogram()
    for (k, c) in whole.nonEmptyBuckets { rebuilt.add(bucket: k, count: Int(c)) }
    #expect(rebuilt == whole)
  }

  @Test func bucketCountsSaturate() {
    var h = DelayHistogram()
    h.add(bucket: 3, count: Int(UInt32.max))
    h.add(bucket: 3, count: 10)
    #expect(h.buckets[3] == UInt32.max)
    #expect(h.count == Int(UInt32.max) + 10)
  }
}
