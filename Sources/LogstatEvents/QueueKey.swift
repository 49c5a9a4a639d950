#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A Postfix queue ID or Exim message ID packed into 24 bytes: exact for IDs up to 24 bytes
/// (all real forms), so correlating needs no `String`. Built from the line once, in
/// `LineEvent`; the correlator only compares and hashes it.
public struct QueueKey: Hashable, Sendable {
  public var a: UInt64 = 0
  public var b: UInt64 = 0
  public var c: UInt64 = 0

  /// The empty key (no ID).
  @inlinable public init() {}

  /// Packs `bytes` (one memcpy; longer IDs fold their tail into the last word).
  @inlinable @inline(__always) public init(_ bytes: UnsafeRawBufferPointer) {
    let n = Swift.min(bytes.count, 24)
    // Safe because: `n` is at most the key's inline size and at most `bytes.count`, so memcpy
    // stays inside both; the rebased tail below is a bounds-checked slice of `bytes`.
    if n > 0, let base = bytes.baseAddress {
      withUnsafeMutableBytes(of: &self) { w in _ = memcpy(w.baseAddress!, base, n) }
    }
    if bytes.count > 24 {
      // Longer than any real ID: fold the rest in so distinct IDs stay distinct in practice.
      // Safe because: `bytes[24...]` is a bounds-checked slice (count > 24 here).
      c ^= NameHash.of(UnsafeRawBufferPointer(rebasing: bytes[24...]))
    }
  }

  /// True for the key of no ID.
  @inlinable public var isEmpty: Bool { a == 0 && b == 0 && c == 0 }
}
