/// Delivery delays in log-spaced buckets, mergeable, for median and p95 without storing values.
///
/// Bucket k holds delays in [2^(k/4) - 1, 2^((k+1)/4) - 1) milliseconds: about 19% wide.
public struct DelayHistogram: Sendable, Equatable {
  public static let bucketCount = 112
  public private(set) var buckets = [UInt32](repeating: 0, count: DelayHistogram.bucketCount)
  public private(set) var count = 0

  public init() {}

  /// Adds one delay in milliseconds.
  public mutating func add(millis: Int) {
    guard millis >= 0 else { return }
    let k = DelayHistogram.bucket(millis)
    // Saturating: 4 billion delays in one bucket of one domain stop counting, never trap.
    if buckets[k] != UInt32.max { buckets[k] &+= 1 }
    count += 1
  }

  /// Adds `n` delays to bucket `k` (0..<bucketCount): rebuilds a histogram saved as buckets,
  /// e.g. from a JSON report that `logstat merge` reads back.
  public mutating func add(bucket k: Int, count n: Int) {
    guard (0..<DelayHistogram.bucketCount).contains(k), n > 0 else { return }
    buckets[k] = Self.saturated(buckets[k], UInt32(clamping: n))
    count = count.addingSaturated(n)
  }

  public mutating func merge(_ other: DelayHistogram) {
    guard other.count > 0 else { return }
    for k in 0..<DelayHistogram.bucketCount { buckets[k] = Self.saturated(buckets[k], other.buckets[k]) }
    count = count.addingSaturated(other.count)
  }

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
    for k in 0..<DelayHistogram.bucketCount {
      seen += Int(buckets[k])
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
