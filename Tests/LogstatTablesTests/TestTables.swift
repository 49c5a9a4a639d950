import LogstatTables

/// Keys whose raw hash is their bits above the lowest 8: the 256 keys `r << 8 | 0...255` all
/// share raw hash `r`, so one home, which builds long probe runs (and, with `r` chosen so the
/// home is the last slot, runs that wrap around the end).
enum CollidingKeys: HashTableKeys {
  typealias Slot = UInt64
  typealias Key = UInt64
  static func rawHash(_ key: UInt64) -> UInt64 { key >> 8 }
  static func hash(slot: UInt64, in storage: Void) -> UInt64 { rawHash(slot &- 1) }
  static func slot(_ slot: UInt64, holds key: UInt64, in storage: Void) -> Bool { slot == key &+ 1 }
}

/// Keys hashed as themselves: the core's mix alone must spread them.
enum PlainKeys: HashTableKeys {
  typealias Slot = UInt64
  typealias Key = UInt64
  static func hash(slot: UInt64, in storage: Void) -> UInt64 { slot &- 1 }
  static func slot(_ slot: UInt64, holds key: UInt64, in storage: Void) -> Bool { slot == key &+ 1 }
}

/// Slots that point into a slab of keys (`index + 1`), as the interner and the open-message
/// table use them; the raw hash collides like `CollidingKeys`.
enum SlabKeys: HashTableKeys {
  typealias Slot = Int32
  typealias Key = UInt64
  typealias Storage = [UInt64]
  static func hash(slot: Int32, in storage: [UInt64]) -> UInt64 {
    CollidingKeys.rawHash(storage[Int(slot) - 1])
  }
  static func slot(_ slot: Int32, holds key: UInt64, in storage: [UInt64]) -> Bool {
    storage[Int(slot) - 1] == key
  }
}

/// A set of keys on the core, with the same operations the real tables perform.
struct TestSet<Keys: HashTableKeys> where Keys.Slot == UInt64, Keys.Key == UInt64, Keys.Storage == Void {
  var index: HashIndex<Keys>
  let hash: (UInt64) -> UInt64

  init(capacity: Int = 16, maxLoad: HashIndex<Keys>.MaxLoad = .threeQuarters, hash: @escaping (UInt64) -> UInt64) {
    index = HashIndex(capacity: capacity, maxLoad: maxLoad)
    self.hash = hash
  }

  func contains(_ key: UInt64) -> Bool { index.find(key, hash: hash(key)).found }

  /// The slot `key` sits in, or nil.
  func position(_ key: UInt64) -> Int? {
    let (p, found) = index.find(key, hash: hash(key))
    return found ? p : nil
  }

  @discardableResult mutating func insert(_ key: UInt64) -> Bool {
    let (p, found) = index.find(key, hash: hash(key))
    if found { return false }
    index.insert(key &+ 1, at: p)
    return true
  }

  @discardableResult mutating func remove(_ key: UInt64) -> Bool {
    let (p, found) = index.find(key, hash: hash(key))
    if !found { return false }
    index.remove(at: p)
    return true
  }

  var keys: Set<UInt64> {
    var out: Set<UInt64> = []
    index.forEachSlot { out.insert($0 &- 1) }
    return out
  }
}

/// A small deterministic generator, so a failure repeats.
struct Xorshift {
  var state: UInt64
  init(seed: UInt64) { state = seed &* 0x2545_F491_4F6C_DD1D | 1 }
  mutating func next() -> UInt64 {
    state ^= state << 13
    state ^= state >> 7
    state ^= state << 17
    return state
  }
  mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}
