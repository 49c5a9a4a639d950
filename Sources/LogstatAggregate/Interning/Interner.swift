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
    let h = Interner.hash(bytes)
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

  private func equals(_ id: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
    guard Int(lengths[id]) == bytes.count else { return false }
    let start = Int(starts[id])
    return arena.withUnsafeBufferPointer { a in
      for k in 0..<bytes.count where a[start + k] != Interner.lower(bytes[k]) { return false }
      return true
    }
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

  /// FNV-1a over the lower-cased bytes, finished with a multiply-xorshift mix.
  @inline(__always) static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes {
      h = (h ^ UInt64(lower(b))) &* 0x0000_0100_0000_01b3
    }
    h ^= h >> 32
    h = h &* 0xd6e8_feb8_6659_fd93
    h ^= h >> 32
    return h
  }
}
