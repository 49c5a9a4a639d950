/// Delivery delays in log-spaced buckets, mergeable, for median and p95 without storing values.
///
/// Bucket k holds delays in [2^(k/4) - 1, 2^((k+1)/4) - 1) milliseconds: about 19% wide.
///
/// Sparse while small: one per recipient domain, and most domains of a long tail see one or two
/// deliveries, so a dense array of 112 counts (480 bytes) per domain was most of the memory
/// per domain. Up to `sparseLimit` buckets are held as sorted `bucket << 32 | count` words
/// (one small allocation); beyond that the dense array takes over. Counts saturate at
/// `UInt32.max`. The first bucket lives inline (`single`), so a domain whose deliveries all
/// fall in one bucket allocates nothing.
public struct DelayHistogram: Sendable {
  public static let bucketCount = 112
  /// Most distinct buckets held sparsely before switching to the dense array.
  static let sparseLimit = 8
  /// The only bucket as `bucket << 32 | count` (count ≥ 1), or 0; used while `sparse` and
  /// `dense` are both empty.
  private var single: UInt64 = 0
  /// Sorted by bucket; empty once `dense` is in use.
  private var sparse: [UInt64] = []
  /// All `bucketCount` counts, or empty while sparse.
  private var dense: [UInt32] = []
  public private(set) var count = 0

  public init() {}

  /// The count of every bucket (an array made on each call: for reports and tests).
  public var buckets: [UInt32] {
    if !dense.isEmpty { return dense }
    var all = [UInt32](repeating: 0, count: DelayHistogram.bucketCount)
    for e in sparseEntries { all[Int(e >> 32)] = UInt32(truncatingIfNeeded: e) }
    return all
  }

  /// The buckets that hold delays, in order, with their counts.
  public var nonEmptyBuckets: [(bucket: Int, count: UInt32)] {
    if dense.isEmpty { return sparseEntries.map { (Int($0 >> 32), UInt32(truncatingIfNeeded: $0)) } }
    return dense.enumerated().filter { $0.element > 0 }.map { ($0.offset, $0.element) }
  }

  /// Adds one delay in milliseconds.
  public mutating func add(millis: Int) {
    guard millis >= 0 else { return }
    add(DelayHistogram.bucket(millis), 1)
    count += 1
  }

  /// Adds `n` delays to bucket `k` (0..<bucketCount): rebuilds a histogram saved as buckets,
  /// e.g. from a JSON report that `logstat merge` reads back.
  public mutating func add(bucket k: Int, count n: Int) {
    guard (0..<DelayHistogram.bucketCount).contains(k), n > 0 else { return }
    add(k, UInt32(clamping: n))
    count = count.addingSaturated(n)
  }

  public mutating func merge(_ other: DelayHistogram) {
    guard other.count > 0 else { return }
    if other.dense.isEmpty {
      for e in other.sparseEntries { add(Int(e >> 32), UInt32(truncatingIfNeeded: e)) }
    } else {
      for k in 0..<DelayHistogram.bucketCount where other.dense[k] > 0 { add(k, other.dense[k]) }
    }
    count = count.addingSaturated(other.count)
  }

  /// Adds `n` to bucket `k`, saturating; switches to the dense array when sparse is full.
  private mutating func add(_ k: Int, _ n: UInt32) {
    if !dense.isEmpty {
      dense[k] = Self.saturated(dense[k], n)
      return
    }
    let key = UInt64(k) << 32
    if sparse.isEmpty {
      if single == 0 {
        single = key | UInt64(n)
        return
      }
      if single >> 32 == UInt64(k) {
        single = key | UInt64(Self.saturated(UInt32(truncatingIfNeeded: single), n))
        return
      }
      // A second bucket: both go to the sorted array.
      sparse.reserveCapacity(2)
      sparse.append(single)
      single = 0
    }
    var i = 0
    while i < sparse.count, sparse[i] < key { i += 1 }
    if i < sparse.count, sparse[i] >> 32 == UInt64(k) {
      let c = Self.saturated(UInt32(truncatingIfNeeded: sparse[i]), n)
      sparse[i] = key | UInt64(c)
      return
    }
    if sparse.count < Self.sparseLimit {
      sparse.insert(key | UInt64(n), at: i)
      return
    }
    dense = buckets
    sparse = []
    dense[k] = Self.saturated(dense[k], n)
  }

  /// The sparse buckets, sorted, the inline one included.
  private var sparseEntries: [UInt64] { single != 0 ? [single] : sparse }

  /// `a + b`, stopping at `UInt32.max`: merged counts of crafted reports never trap.
  @inline(__always) static func saturated(_ a: UInt32, _ b: UInt32) -> UInt32 {
    let (sum, overflow) = a.addingReportingOverflow(b)
    return overflow ? UInt32.max : sum
  }

  /// The delay (seconds, the bucket's midpoint) at quantile `q` in 0...1, or nil when empty.
  public func quantile(_ q: Double) -> Double? {
    guard count > 0 else { return nil }
    let rank = Swift.max(1, Int((q * Double(count)).rounded(.up)))
    var seen = 0
    for (k, n) in nonEmptyBuckets {
      seen += Int(n)
      if seen >= rank {
        let low = DelayHistogram.lowerBound(k)
        let high = DelayHistogram.lowerBound(k + 1)
        return (low + high) / 2 / 1000
      }
    }
    return nil
  }

  static func bucket(_ millis: Int) -> Int {
    // 4 buckets per doubling of (millis + 1).
    let x = Double(millis + 1)
    let k = Int(log2Approx(x) * 4)
    return Swift.min(Swift.max(k, 0), bucketCount - 1)
  }

  static func lowerBound(_ k: Int) -> Double {
    pow2(Double(k) / 4) - 1
  }
}

extension DelayHistogram: Equatable {
  /// Equal when every bucket holds the same count, sparse or dense.
  public static func == (a: DelayHistogram, b: DelayHistogram) -> Bool {
    a.count == b.count && a.nonEmptyBuckets.elementsEqual(b.nonEmptyBuckets) { $0 == $1 }
  }
}

/// log2 and 2^x without Foundation.
@inline(__always) func log2Approx(_ x: Double) -> Double {
  let e = x.exponent
  let m = x.significand  // in [1, 2)
  // log2(m) for m in [1,2) by a short series on ln: good to ~1e-4, enough for bucketing.
  let t = (m - 1) / (m + 1)
  let t2 = t * t
  let ln = 2 * t * (1 + t2 / 3 + t2 * t2 / 5 + t2 * t2 * t2 / 7 + t2 * t2 * t2 * t2 / 9)
  return Double(e) + ln / 0.693_147_180_559_945_3
}

@inline(__always) func pow2(_ x: Double) -> Double {
  let whole = x.rounded(.down)
  let frac = x - whole
  // 2^frac = e^(frac ln2), series.
  let y = frac * 0.693_147_180_559_945_3
  var term = 1.0
  var sum = 1.0
  for n in 1...12 {
    term *= y / Double(n)
    sum += term
  }
  return Double(sign: .plus, exponent: Int(whole), significand: sum)
}
