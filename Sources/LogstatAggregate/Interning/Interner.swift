import LogstatEvents

/// Maps byte strings (domains, hosts) to small integer IDs, case-folded, one table per worker.
///
/// Bytes are stored once in an arena; a lookup hashes and compares bytes, so interning a
/// domain already seen allocates nothing.
public struct Interner: Sendable {
  private var arena: [UInt8] = []
  private var starts: [Int32] = []
  private var lengths: [Int32] = []
  private var hashes: [UInt64] = []
  /// Open-addressing slots holding `id + 1` (0 = empty).
  private var slots: [Int32] = Array(repeating: 0, count: 64)

  public init() {}

  /// How many distinct strings are interned.
  public var count: Int { starts.count }

  /// The ID of `bytes` after ASCII lower-casing, adding it if new.
  /// - Complexity: O(n) in the length of `bytes`, amortised.
  public mutating func intern(_ bytes: UnsafeRawBufferPointer) -> Int32 {
    intern(bytes, hash: Interner.hash(bytes))
  }

  /// The same, given `h == Interner.hash(bytes)` (an event's name comes hashed).
  @inline(__always)
  mutating func intern(_ bytes: UnsafeRawBufferPointer, hash h: UInt64) -> Int32 {
    let mask = slots.count - 1
    var i = Int(truncatingIfNeeded: h) & mask
    while true {
      let slot = slots[i]
      if slot == 0 { break }
      let id = Int(slot - 1)
      if hashes[id] == h, equals(id, bytes) { return Int32(id) }
      i = (i + 1) & mask
    }
    let id = Int32(starts.count)
    starts.append(Int32(arena.count))
    lengths.append(Int32(bytes.count))
    hashes.append(h)
    for byte in bytes { arena.append(Interner.lower(byte)) }
    slots[i] = id + 1
    if starts.count * 2 > slots.count { grow() }
    return id
  }

  /// Interns string `id` of `other` (merging: no `String` made).
  public mutating func intern(_ id: Int32, of other: Interner) -> Int32 {
    let start = Int(other.starts[Int(id)])
    let end = start + Int(other.lengths[Int(id)])
    return other.arena.withUnsafeBytes { a in intern(UnsafeRawBufferPointer(rebasing: a[start..<end])) }
  }

  /// Interns a `String` (for merging and tests).
  public mutating func intern(_ string: String) -> Int32 {
    var s = string
    return s.withUTF8 { intern(UnsafeRawBufferPointer($0)) }
  }

  /// The interned (lower-cased) string of `id`.
  public func string(_ id: Int32) -> String {
    let start = Int(starts[Int(id)])
    let end = start + Int(lengths[Int(id)])
    return String(decoding: arena[start..<end], as: UTF8.self)
  }

  /// True when string `a` sorts before string `b` as `String`s do (`string(a) < string(b)`),
  /// comparing the stored bytes when both are ASCII: no `String` is made for most names.
  public func less(_ a: Int32, _ b: Int32) -> Bool {
    let sa = Int(starts[Int(a)])
    let sb = Int(starts[Int(b)])
    let na = Int(lengths[Int(a)])
    let nb = Int(lengths[Int(b)])
    let ascii: Bool? = arena.withUnsafeBytes { u -> Bool? in
      let x = UnsafeRawBufferPointer(rebasing: u[sa..<(sa + na)])
      let y = UnsafeRawBufferPointer(rebasing: u[sb..<(sb + nb)])
      // Byte order is String order for ASCII only (other bytes decode, perhaps as U+FFFD).
      guard !x.contains(where: { $0 >= 0x80 }), !y.contains(where: { $0 >= 0x80 }) else { return nil }
      return x.lexicographicallyPrecedes(y)
    }
    return ascii ?? (string(a) < string(b))
  }

  /// Calls `body` with the stored (lower-cased) bytes of `id`.
  public func withBytes<T>(_ id: Int32, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
    let start = Int(starts[Int(id)])
    let end = start + Int(lengths[Int(id)])
    return try arena.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
  }

  /// Every ID, ordered by its string as `String`s sort (for reports in name order).
  public var sortedIDs: [Int32] {
    (0..<Int32(count)).sorted(by: less)
  }

  private func equals(_ id: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
    guard Int(lengths[id]) == bytes.count else { return false }
    let start = Int(starts[id])
    return arena.withUnsafeBytes { a in
      // Safe: the arena holds `lengths[id]` == bytes.count bytes from `start`.
      Interner.equalFolded(UnsafeRawBufferPointer(rebasing: a[start..<(start + bytes.count)]), bytes)
    }
  }

  /// True when `stored` (already lower-cased) equals `bytes` lower-cased; same lengths.
  @inline(__always) static func equalFolded(
    _ stored: UnsafeRawBufferPointer, _ bytes: UnsafeRawBufferPointer
  ) -> Bool {
    let n = bytes.count
    var k = 0
    while k + 8 <= n {
      let a = stored.loadUnaligned(fromByteOffset: k, as: UInt64.self)
      let b = lowerWord(bytes.loadUnaligned(fromByteOffset: k, as: UInt64.self))
      if a != b { return false }
      k += 8
    }
    while k < n {
      if stored[k] != lower(bytes[k]) { return false }
      k += 1
    }
    return true
  }

  /// ASCII lower-casing of eight bytes at once; bytes ≥ 0x80 are left alone.
  @inline(__always) static func lowerWord(_ x: UInt64) -> UInt64 {
    let heptets = x & 0x7F7F_7F7F_7F7F_7F7F
    let atLeastA = heptets &+ 0x3F3F_3F3F_3F3F_3F3F  // high bit set from 0x41 ("A")
    let pastZ = heptets &+ 0x2525_2525_2525_2525  // high bit set from 0x5B (after "Z")
    let upper = atLeastA & ~pastZ & ~x & 0x8080_8080_8080_8080
    return x | (upper >> 2)
  }

  private mutating func grow() {
    let capacity = slots.count * 2
    var fresh = [Int32](repeating: 0, count: capacity)
    let mask = capacity - 1
    for id in 0..<starts.count {
      var i = Int(truncatingIfNeeded: hashes[id]) & mask
      while fresh[i] != 0 { i = (i + 1) & mask }
      fresh[i] = Int32(id + 1)
    }
    slots = fresh
  }

  @inline(__always) static func lower(_ b: UInt8) -> UInt8 {
    b &- UInt8(ascii: "A") < 26 ? b | 0x20 : b
  }

  /// A hash of the lower-cased bytes: `NameHash`, the one events carry, so an interner can
  /// take an event's name without hashing it again.
  @inline(__always) static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 { NameHash.of(bytes) }
}
