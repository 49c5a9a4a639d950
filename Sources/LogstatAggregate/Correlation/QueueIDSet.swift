import LogstatTables

/// A set of queue IDs held as 64-bit fingerprints on the shared hash-table core: about 11 to
/// 21 bytes a message instead of the 50 that whole 24-byte keys took, for the one set that
/// grows with a partial's messages (`Aggregate.bornFirst`).
///
/// Two queue IDs share a fingerprint with probability 2^-64; it could matter only if they also
/// met at a partial boundary, so for correlation this is exact in practice.
struct QueueIDSet: Sendable {
  /// Fingerprints; 0 marks an empty slot (a fingerprint of 0 is stored as 1).
  private var index = HashIndex<FingerprintKeys>(capacity: 64)

  init() {}

  /// Fingerprints held.
  var count: Int { index.count }
  var isEmpty: Bool { index.isEmpty }

  /// The fingerprint of `key`: its three words folded with the tables' mixing function.
  @inline(__always) static func fingerprint(_ key: QueueKey) -> UInt64 {
    let x = TableHash.combine(TableHash.combine(TableHash.mix(key.a), key.b), key.c)
    return x == 0 ? 1 : x
  }

  /// True when `key` is held.
  @inline(__always) func contains(_ key: QueueKey) -> Bool {
    contains(fingerprint: QueueIDSet.fingerprint(key))
  }

  @inline(__always) func contains(fingerprint f: UInt64) -> Bool {
    index.find(f, hash: f).found
  }

  /// Adds `key`; nothing when already held.
  @inline(__always) mutating func insert(_ key: QueueKey) {
    insert(fingerprint: QueueIDSet.fingerprint(key))
  }

  mutating func insert(fingerprint f: UInt64) {
    let (p, found) = index.find(f, hash: f)
    if !found { index.insert(f, at: p) }
  }

  /// Every fingerprint held, in no particular order.
  var fingerprints: [UInt64] {
    var out: [UInt64] = []
    out.reserveCapacity(count)
    index.forEachSlot { out.append($0) }
    return out
  }

  /// Empties the set and gives its memory back.
  mutating func removeAll() { index = HashIndex(capacity: 64) }

  /// Traps unless the set's index is sound (tests).
  func checkInvariants() { index._checkInvariants() }
}

/// `QueueIDSet`'s slots: the fingerprint itself, its own raw hash.
enum FingerprintKeys: HashTableKeys {
  @inline(__always) static func hash(slot: UInt64, in storage: Void) -> UInt64 { slot }
  @inline(__always) static func slot(_ slot: UInt64, holds key: UInt64, in storage: Void) -> Bool {
    slot == key
  }
}
