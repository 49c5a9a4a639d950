#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A Postfix queue ID or Exim message ID packed into 24 bytes: exact for IDs up to 24 bytes
/// (all real forms), so correlating needs no `String`.
struct QueueKey: Hashable, Sendable {
  var a: UInt64 = 0
  var b: UInt64 = 0
  var c: UInt64 = 0

  /// The empty key (no ID).
  init() {}

  /// Packs `bytes` (one memcpy; longer IDs fold their tail into the last word).
  @inline(__always) init(_ bytes: UnsafeRawBufferPointer) {
    let n = Swift.min(bytes.count, 24)
    // Safe because: `n` is at most the key's inline size and at most `bytes.count`, so memcpy
    // stays inside both; the rebased tail below is a bounds-checked slice of `bytes`.
    if n > 0, let base = bytes.baseAddress {
      // Safe: `self` is 24 bytes of plain integers and n ≤ 24.
      withUnsafeMutableBytes(of: &self) { w in _ = memcpy(w.baseAddress!, base, n) }
    }
    if bytes.count > 24 {
      // Longer than any real ID: fold the rest in so distinct IDs stay distinct in practice.
      c ^= Interner.hash(UnsafeRawBufferPointer(rebasing: bytes[24...]))
    }
  }
}
