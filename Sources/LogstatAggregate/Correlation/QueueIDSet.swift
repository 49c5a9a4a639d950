/// A set of queue IDs held as 64-bit fingerprints in an open-addressing table: about 11 to 21
/// bytes a message instead of the 50 that whole 24-byte keys took, for the one set that grows
/// with a partial's messages (`Aggregate.bornFirst`).
///
/// Two queue IDs share a fingerprint with probability 2^-64; it could matter only if they also
/// met at a partial boundary, so for correlation this is exact in practice.
struct QueueIDSet: Sendable {
  /// Fingerprints; 0 marks an empty slot (a fingerprint of 0 is stored as 1).
  private var slots: [UInt64]
  private var shift: UInt64
  /// Fingerprints held.
  private(set) var count = 0

  init() {
    slots = [UInt64](repeating: 0, count: 64)
    shift = 64 - 6
  }

  var isEmpty: Bool { count == 0 }

  /// The fingerprint of `key`: its three words mixed into 64 bits.
  @inline(__always) static func fingerprint(_ key: QueueKey) -> UInt64 {
    var x = key.a &* 0x9E37_79B9_7F4A_7C15
    x = (x ^ (x >> 29) ^ key.b) &* 0xBF58_476D_1CE4_E5B9
    x = (x ^ (x >> 31) ^ key.c) &* 0x94D0_49BB_1331_11EB
    x ^= x >> 32
    return x == 0 ? 1 : x
  }

  @inline(__always) private func home(_ f: UInt64) -> Int {
    Int(truncatingIfNeeded: (f &* 0x9E37_79B9_7F4A_7C15) >> shift)
  }

  /// True when `key` is held.
  @inline(__always) func contains(_ key: QueueKey) -> Bool {
    contains(fingerprint: QueueIDSet.fingerprint(key))
  }

  @inline(__always) func contains(fingerprint f: UInt64) -> Bool {
    let mask = slots.count &- 1
    var i = home(f)
    while true {
      let s = slots[i]
      if s == f { return true }
      if s == 0 { return false }
      i = (i &+ 1) & mask
    }
  }

  /// Adds `key`; nothing when already held.
  @inline(__always) mutating func insert(_ key: QueueKey) {
    insert(fingerprint: QueueIDSet.fingerprint(key))
  }

  mutating func insert(fingerprint f: UInt64) {
    let mask = slots.count &- 1
    var i = home(f)
    while true {
      let s = slots[i]
      if s == f { return }
      if s == 0 { break }
      i = (i &+ 1) & mask
    }
    slots[i] = f
    count &+= 1
    if count &* 4 > slots.count &* 3 { grow() }
  }

  /// Every fingerprint held, in no particular order.
  var fingerprints: [UInt64] { slots.filter { $0 != 0 } }

  /// Empties the set and gives its memory back.
  mutating func removeAll() { self = QueueIDSet() }

  private mutating func grow() {
    let old = slots
    slots = [UInt64](repeating: 0, count: old.count * 2)
    shift -= 1
    count = 0
    for f in old where f != 0 { insert(fingerprint: f) }
  }
}
