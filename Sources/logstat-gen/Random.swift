import Foundation

/// A small, fast, seedable PRNG (xoshiro256**) so the same seed always yields the same log.
///
/// Seeded through splitmix64 as its authors recommend; never use it for anything secret.
struct Xoshiro256 {
  private var s0: UInt64
  private var s1: UInt64
  private var s2: UInt64
  private var s3: UInt64

  /// Creates a generator whose whole stream is determined by `seed`.
  init(seed: UInt64) {
    var sm = seed
    s0 = Xoshiro256.splitMix(&sm)
    s1 = Xoshiro256.splitMix(&sm)
    s2 = Xoshiro256.splitMix(&sm)
    s3 = Xoshiro256.splitMix(&sm)
  }

  /// One step of splitmix64, used to expand the seed and as a stateless hash.
  @inline(__always)
  static func splitMix(_ state: inout UInt64) -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A stateless 64-bit mix of `x`, for values that must be stable per key (names, IPs).
  @inline(__always)
  static func hash(_ x: UInt64) -> UInt64 {
    var s = x
    return splitMix(&s)
  }

  /// The next 64 random bits.
  @inline(__always)
  mutating func next() -> UInt64 {
    let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = (s3 << 45) | (s3 >> 19)
    return result
  }

  /// A uniform integer in `0..<n` (n > 0), by multiply-shift (bias is negligible here).
  @inline(__always)
  mutating func below(_ n: Int) -> Int {
    Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(n)).high)
  }

  /// A uniform integer in `range`.
  @inline(__always)
  mutating func inRange(_ range: ClosedRange<Int>) -> Int {
    range.lowerBound + below(range.count)
  }

  /// A uniform double in `[0, 1)`.
  @inline(__always)
  mutating func unit() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// True with probability `p`.
  @inline(__always)
  mutating func chance(_ p: Double) -> Bool {
    unit() < p
  }

  /// An exponentially distributed value with the given mean (for Poisson arrivals).
  mutating func exponential(mean: Double) -> Double {
    // 1 - unit() is in (0, 1], so the log is finite.
    -mean * log(1 - unit())
  }
}
