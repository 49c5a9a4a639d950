import LogstatEvents
import LogstatTables

/// Maps byte strings (domains, hosts) to small integer IDs, case-folded, one table per worker.
///
/// Bytes are stored once in an arena; a lookup hashes and compares bytes, so interning a
/// domain already seen allocates nothing. The IDs are indexed by the shared hash-table core.
public struct Interner: Sendable {
  /// The strings by ID: lower-cased bytes in one arena, and each one's place and hash.
  struct Strings: Sendable {
    var arena: [UInt8] = []
    var starts: [Int32] = []
    var lengths: [Int32] = []
    var hashes: [UInt64] = []
  }

  private var strings = Strings()
  /// Slots holding `id + 1`, at most half full (a probe compares a stored hash first).
  private var index = HashIndex<StringKeys>(capacity: 64, maxLoad: .half)

  public init() {}

  /// How many distinct strings are interned.
  public var count: Int { strings.starts.count }

  /// The ID of `bytes` after ASCII lower-casing, adding it if new.
  /// - Complexity: O(n) in the length of `bytes`, amortised.
  public mutating func intern(_ bytes: UnsafeRawBufferPointer) -> Int32 {
    intern(bytes, hash: Interner.hash(bytes))
  }

  /// The same, given `h == Interner.hash(bytes)` (an event's name comes hashed).
  @inline(__always)
  mutating func intern(_ bytes: UnsafeRawBufferPointer, hash h: UInt64) -> Int32 {
    let (p, found) = index.find(StringKeys.Key(hash: h, bytes: bytes), hash: h, in: strings)
    if found { return index[p] &- 1 }
    let id = Int32(strings.starts.count)
    strings.starts.append(Int32(strings.arena.count))
    strings.lengths.append(Int32(bytes.count))
    strings.hashes.append(h)
    // One append, then lower-case in place: a byte-at-a-time append checked capacity and
    // uniqueness per byte (most delivered recipients are new names).
    let from = strings.arena.count
    strings.arena.append(contentsOf: bytes)
    // Eight bytes at a time (`lowerWord` folds as `lower` does), then the tail.
    // Safe because: `from..<a.count` is the range just appended, inside the buffer; every
    // 8-byte load and store is at `k + 8 <= a.count`; the buffer is used only in the closure.
    strings.arena.withUnsafeMutableBytes { a in
      var k = from
      while k &+ 8 <= a.count {
        let word = a.loadUnaligned(fromByteOffset: k, as: UInt64.self)
        a.storeBytes(of: Interner.lowerWord(word), toByteOffset: k, as: UInt64.self)
        k &+= 8
      }
      while k < a.count {
        a[k] = Interner.lower(a[k])
        k &+= 1
      }
    }
    index.insert(id &+ 1, at: p, in: strings)
    return id
  }

  /// The strings `kept` marks, in ID order (so their new IDs keep their relative order), and
  /// the map from old IDs to new ones (-1: dropped). Bytes are copied as stored (already
  /// lower-cased) with their hashes, into tables sized once: nothing is hashed, compared or
  /// regrown (pruning a bounded table, ~8,000 names at a time).
  func compacted(keeping kept: [Bool]) -> (interner: Interner, map: [Int32]) {
    var out = Interner()
    var map = [Int32](repeating: -1, count: count)
    var n = 0
    var bytes = 0
    for id in 0..<Swift.min(count, kept.count) where kept[id] {
      n += 1
      bytes += Int(strings.lengths[id])
    }
    out.strings.arena.reserveCapacity(bytes)
    out.strings.starts.reserveCapacity(n)
    out.strings.lengths.reserveCapacity(n)
    out.strings.hashes.reserveCapacity(n)
    out.index.reserveCapacity(n, in: out.strings)
    for id in 0..<Swift.min(count, kept.count) where kept[id] {
      let mine = Int32(out.strings.starts.count)
      let start = Int(strings.starts[id])
      let length = Int(strings.lengths[id])
      out.strings.starts.append(Int32(out.strings.arena.count))
      out.strings.lengths.append(Int32(length))
      out.strings.hashes.append(strings.hashes[id])
      out.strings.arena.append(contentsOf: strings.arena[start..<(start + length)])
      out.index.insertDistinct(mine &+ 1, hash: strings.hashes[id], in: out.strings)
      map[id] = mine
    }
    return (out, map)
  }

  /// Traps unless the index is sound and holds every ID (tests).
  func checkInvariants() {
    index._checkInvariants(in: strings)
    precondition(index.count == count, "\(index.count) slots for \(count) strings")
  }

  /// Interns string `id` of `other` (merging: no `String` made, nothing hashed again).
  public mutating func intern(_ id: Int32, of other: Interner) -> Int32 {
    let start = Int(other.strings.starts[Int(id)])
    let end = start + Int(other.strings.lengths[Int(id)])
    // Safe because: `start..<end` is string `id`'s range in `other`'s arena (a checked slice),
    // and `intern` copies what it keeps before the closure returns.
    return other.strings.arena.withUnsafeBytes { a in
      let bytes = UnsafeRawBufferPointer(rebasing: a[start..<end])
      // A stored hash is `hash` of the bytes as given, which folds case as it reads them: the
      // hash of the stored lower-cased bytes too. (The empty name is hashed again: an event's
      // `EventName.none` carries hash 0.)
      let h = bytes.isEmpty ? Interner.hash(bytes) : other.strings.hashes[Int(id)]
      return intern(bytes, hash: h)
    }
  }

  /// Interns a `String` (for merging and tests).
  public mutating func intern(_ string: String) -> Int32 {
    var s = string
    // Safe because: the UTF-8 view lives for the closure and `intern` copies what it keeps.
    return s.withUTF8 { intern(UnsafeRawBufferPointer($0)) }
  }

  /// The interned (lower-cased) string of `id`.
  public func string(_ id: Int32) -> String {
    let start = Int(strings.starts[Int(id)])
    let end = start + Int(strings.lengths[Int(id)])
    return String(decoding: strings.arena[start..<end], as: UTF8.self)
  }

  /// True when string `a` sorts before string `b` as `String`s do (`string(a) < string(b)`),
  /// comparing the stored bytes when both are ASCII: no `String` is made for most names.
  public func less(_ a: Int32, _ b: Int32) -> Bool {
    let sa = Int(strings.starts[Int(a)])
    let sb = Int(strings.starts[Int(b)])
    let na = Int(strings.lengths[Int(a)])
    let nb = Int(strings.lengths[Int(b)])
    // Safe because: both ranges are stored strings' ranges in the arena (checked slices), read
    // only inside the closure.
    let ascii: Bool? = strings.arena.withUnsafeBytes { u -> Bool? in
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
    let start = Int(strings.starts[Int(id)])
    let end = start + Int(strings.lengths[Int(id)])
    // Safe because: the slice is string `id`'s range (checked), valid while `body` runs; `body`
    // must not keep the pointer, as the signature's doc says.
    return try strings.arena.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
  }

  /// Every ID, ordered by its string as `String`s sort (for reports in name order).
  public var sortedIDs: [Int32] {
    (0..<Int32(count)).sorted(by: less)
  }

  /// True when `stored` (already lower-cased) equals `bytes` lower-cased; same lengths.
  @inline(__always) static func equalFolded(
    _ stored: UnsafeRawBufferPointer, _ bytes: UnsafeRawBufferPointer
  ) -> Bool {
    let n = bytes.count
    var k = 0
    // Safe because: callers pass `stored` of the same length as `bytes` (the slot test checks
    // the lengths first), so every 8-byte load at `k + 8 <= n` is inside both buffers.
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

  @inline(__always) static func lower(_ b: UInt8) -> UInt8 {
    b &- UInt8(ascii: "A") < 26 ? b | 0x20 : b
  }

  /// A hash of the lower-cased bytes: `NameHash`, the one events carry, so an interner can
  /// take an event's name without hashing it again.
  @inline(__always) static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 { NameHash.of(bytes) }
}

/// `Interner`'s slots: `id + 1`, hashed by the stored hash and compared by hash, then bytes.
enum StringKeys: HashTableKeys {
  struct Key {
    var hash: UInt64
    var bytes: UnsafeRawBufferPointer
  }

  @inline(__always)
  static func hash(slot: Int32, in strings: Interner.Strings) -> UInt64 { strings.hashes[Int(slot) &- 1] }

  @inline(__always)
  static func slot(_ slot: Int32, holds key: Key, in strings: Interner.Strings) -> Bool {
    let id = Int(slot) &- 1
    guard strings.hashes[id] == key.hash, Int(strings.lengths[id]) == key.bytes.count else { return false }
    let start = Int(strings.starts[id])
    // Safe because: the arena holds `lengths[id]` == bytes.count bytes from `start`, read only
    // inside the closure.
    return strings.arena.withUnsafeBytes { a in
      Interner.equalFolded(UnsafeRawBufferPointer(rebasing: a[start..<(start &+ key.bytes.count)]), key.bytes)
    }
  }
}
