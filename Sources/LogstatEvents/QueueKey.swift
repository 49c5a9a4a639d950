#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import LogstatScan

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

  /// Packs the ID at `span` of line `b`, as `init(_:)` does with its bytes, but with three
  /// word loads instead of a `memcpy` call when the line has 24 bytes from the ID's start (an
  /// ID is followed by `: ` and the rest of the line, so nearly always).
  ///
  /// Exact: each word keeps the ID's bytes that fall in it and zeroes the rest, which is what
  /// copying the ID into a zeroed key leaves there.
  @inline(__always) init(line b: UnsafeRawBufferPointer, _ span: LogstatScan.Span) {
    #if _endian(little)
      let n = span.count
      if n > 0, n <= 24, span.start >= 0, span.start &+ 24 <= b.count, let base = b.baseAddress {
        let p = base + span.start
        self.init()
        // Safe because: start >= 0 and start + 24 <= b.count, so the three 8-byte loads at
        // start, start + 8 and start + 16 lie inside the line (unaligned loads need no alignment).
        self.a = p.loadUnaligned(as: UInt64.self) & QueueKey.lowBytes(n)
        self.b = p.loadUnaligned(fromByteOffset: 8, as: UInt64.self) & QueueKey.lowBytes(n &- 8)
        self.c = p.loadUnaligned(fromByteOffset: 16, as: UInt64.self) & QueueKey.lowBytes(n &- 16)
        return
      }
    #endif
    self.init(b.slice(span))
  }

  /// A mask of the low `bytes` bytes of a word (all of it from 8, none from 0 down).
  @inline(__always) static func lowBytes(_ bytes: Int) -> UInt64 {
    bytes >= 8 ? ~0 : bytes <= 0 ? 0 : (1 << UInt64(truncatingIfNeeded: bytes &* 8)) &- 1
  }

  /// True for the key of no ID.
  @inlinable public var isEmpty: Bool { a == 0 && b == 0 && c == 0 }
}
