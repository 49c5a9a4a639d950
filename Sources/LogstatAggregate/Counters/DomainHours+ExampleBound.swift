/// Bounding the kept reply texts: once they hold more than `exampleByteBudget` bytes, the
/// least failing domains (fewest deferred and failed lines so far; ties: the later seen
/// first) lose their texts and shape counts until half the budget is left, and keep none from
/// then on. A domain's counters, reasons and hour cells are untouched; only its
/// `reply_examples` are empty (with `reply_examples_dropped: true` in JSON).
///
/// The texts grow with (domain, reason) pairs, which grow with the log (30,377 pairs, 15 MB of
/// text on the 4 GB benchmark log against 16,659 and 7 MB on 1 GB): bounded, the busiest
/// failing domains keep their examples and the memory no longer follows the log's length.
/// Exact while the texts fit (every small log, every golden file); which domains lose their
/// texts depends only on the input order, and merging drops on both sides what either dropped.
extension DomainHours {
  /// The default bound: 4 MiB of reply text (about 16,000 texts of 250 bytes).
  public static let defaultExampleByteBudget = 4 << 20

  /// True when the kept texts hold more bytes than the budget allows.
  @inline(__always) public var needsExampleBound: Bool { examples.byteCount > exampleByteBudget }

  /// How many domains had their texts dropped.
  public var examplesDroppedDomains: Int { examplesDropped.reduce(0) { $0 + ($1 ? 1 : 0) } }

  /// True when `domain`'s texts were dropped (it keeps no text or shape count).
  @inline(__always) public func isExampleDropped(_ domain: Int32) -> Bool {
    Int(domain) < examplesDropped.count && examplesDropped[Int(domain)]
  }

  /// The same for a (domain << 8 | reason ordinal) key.
  @inline(__always) func isExampleDropped(key: UInt64) -> Bool {
    isExampleDropped(Int32(truncatingIfNeeded: key >> 8))
  }

  /// Drops the texts of the least failing domains until at most `exampleByteBudget / 2` bytes
  /// are left.
  /// - Parameter weight: a domain's deferred and failed lines so far (the less, the sooner).
  /// - Complexity: O(texts + domains log domains); runs once per `exampleByteBudget / 2` bytes.
  mutating func dropLeastFailingExamples(weight: (Int32) -> Int) {
    var bytes: [Int32: Int] = [:]
    examples.forEachKeyBytes { key, n in bytes[Int32(truncatingIfNeeded: key >> 8), default: 0] += n }
    let order = bytes.keys.map { ($0, weight($0)) }.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 > $1.0 }
    var left = examples.byteCount
    var chosen: [Int32] = []
    for (d, _) in order where left > exampleByteBudget / 2 {
      chosen.append(d)
      left -= bytes[d] ?? 0
    }
    dropExamples(of: chosen)
  }

  /// Marks `domains` as having no texts, and drops the texts and shape counts they held.
  mutating func dropExamples(of domains: [Int32]) {
    guard let top = domains.max() else { return }
    if examplesDropped.count <= Int(top) {
      examplesDropped.append(contentsOf: repeatElement(false, count: Int(top) + 1 - examplesDropped.count))
    }
    for d in domains { examplesDropped[Int(d)] = true }
    let dropped = examplesDropped
    @inline(__always) func kept(_ key: UInt64) -> Bool {
      let d = Int(truncatingIfNeeded: key >> 8)
      return d >= dropped.count || !dropped[d]
    }
    examples = examples.filtered(keepingKey: kept)
    var counts = ShapeCounts()
    counts.reserveCapacity(exampleCounts.count)
    exampleCounts.forEach { k, n in if kept(k.key) { counts.add(k.key, k.shape, n) } }
    exampleCounts = counts
  }
}

extension AggregateCounts {
  /// Drops the least failing domains' reply texts when they hold more bytes than the bound
  /// allows (see `DomainHours+ExampleBound`).
  mutating func boundExamples() {
    guard domainHours.needsExampleBound else { return }
    let counters = domainCounters
    domainHours.dropLeastFailingExamples { d in
      guard Int(d) < counters.count else { return 0 }
      let c = counters[Int(d)]
      return c.deferredAttempts + c.bounced + c.expired
    }
  }
}
