/// The one hash-table core under every table of logstat: open addressing with linear probing
/// over a power-of-two array of slots, homes picked by the top bits of `TableHash.mix`, and
/// backward-shift deletion, so probe runs never hold tombstones.
///
/// Why not `Dictionary`: the tables are hit once or more per log line, and SipHash plus a
/// read-modify-write copy cost more than the counting. Why one core: six tables used to carry
/// their own probing, growth and constants, with nothing checking them; here the probing is
/// written once and `_checkInvariants(in:)` checks it (after every mutation when the module is
/// built with `LOGSTAT_CHECKS`, as debug builds and tests are).
///
/// A table owns a `HashIndex<Keys>` and whatever its slots point into (`Keys.Storage`), and
/// passes that storage to each call; `Keys` says how a slot is hashed and compared.
///
/// Invariants: the capacity is a power of two ≥ `minimumCapacity`; `count` slots are occupied;
/// `count * 4 ≤ capacity * maxLoad.quarters`, so at least one slot is empty and every probe
/// ends; every occupied slot is reached from its home without crossing an empty slot.
public struct HashIndex<Keys: HashTableKeys> {
  /// The largest share of slots in use before the index doubles.
  public enum MaxLoad: Int, Sendable {
    /// Short probes for tables whose slots point elsewhere (each probe reads an entry).
    case half = 2
    /// Denser, for tables whose slots hold their keys.
    case threeQuarters = 3
  }

  public static var minimumCapacity: Int { 8 }

  @usableFromInline var slots: [Keys.Slot]
  /// `64 - log2(capacity)`: a mixed hash shifted right by this is a home slot.
  @usableFromInline var shift: UInt64
  @usableFromInline var occupied: Int
  @usableFromInline let quarters: Int

  /// An empty index with room for at least `capacity` slots (rounded up to a power of two).
  @inlinable
  public init(capacity: Int = 16, maxLoad: MaxLoad = .threeQuarters) {
    var size = HashIndex.minimumCapacity
    var bits: UInt64 = 3
    while size < capacity {
      size &*= 2
      bits &+= 1
    }
    slots = [Keys.Slot](repeating: .empty, count: size)
    shift = 64 &- bits
    occupied = 0
    quarters = maxLoad.rawValue
  }

  /// Occupied slots.
  @inlinable public var count: Int { occupied }
  @inlinable public var isEmpty: Bool { occupied == 0 }
  /// Slots, occupied or not.
  @inlinable public var capacity: Int { slots.count }

  /// The home slot of a raw hash.
  @inlinable @inline(__always)
  public func home(_ hash: UInt64) -> Int {
    Int(truncatingIfNeeded: TableHash.mix(hash) &>> shift)
  }

  /// Where `key` (whose raw hash is `hash`) is, or the empty slot where it would go.
  /// - Complexity: O(1) expected.
  @inlinable @inline(__always)
  public func find(_ key: Keys.Key, hash: UInt64, in storage: Keys.Storage) -> (position: Int, found: Bool) {
    let mask = slots.count &- 1
    var i = home(hash)
    while true {
      let slot = slots[i]
      if slot.isEmpty { return (i, false) }
      if Keys.slot(slot, holds: key, in: storage) { return (i, true) }
      i = (i &+ 1) & mask
    }
  }

  /// The slot at `position`. Writing through this may change only what `Keys` neither hashes
  /// nor compares (a count kept in the slot), never empty or fill it.
  @inlinable
  public subscript(position: Int) -> Keys.Slot {
    @inline(__always) get { slots[position] }
    @inline(__always) _modify { yield &slots[position] }
  }

  /// Fills the empty slot `position` that `find` returned for the key `slot` holds, then
  /// doubles the index if it is over its load (positions found before are then stale).
  /// `storage` must already hold what `slot` points to.
  @inlinable
  public mutating func insert(_ slot: Keys.Slot, at position: Int, in storage: Keys.Storage) {
    slots[position] = slot
    occupied &+= 1
    if occupied &* 4 > slots.count &* quarters {
      grow(to: slots.count &* 2, in: storage)
    } else {
      afterMutation(at: position, in: storage)
    }
  }

  /// Inserts `slot`, whose key is known not to be in the index, at the first empty slot of its
  /// probe run: nothing is compared (rebuilding a table from keys already distinct).
  @inlinable
  public mutating func insertDistinct(_ slot: Keys.Slot, hash: UInt64, in storage: Keys.Storage) {
    let mask = slots.count &- 1
    var i = home(hash)
    while !slots[i].isEmpty { i = (i &+ 1) & mask }
    insert(slot, at: i, in: storage)
  }

  /// Empties the occupied slot `position`, moving later slots of its probe run back so each
  /// stays reachable from its home (no tombstones).
  @inlinable
  public mutating func remove(at position: Int, in storage: Keys.Storage) {
    let mask = slots.count &- 1
    var hole = position
    var j = (position &+ 1) & mask
    while true {
      let slot = slots[j]
      if slot.isEmpty { break }
      let h = home(Keys.hash(slot: slot, in: storage))
      // The slot at j may fill the hole when the hole lies on its probe path, cyclically in
      // [h, j): its distance from home is at least the hole's distance to j.
      if (j &- h) & mask >= (j &- hole) & mask {
        slots[hole] = slot
        hole = j
      }
      j = (j &+ 1) & mask
    }
    slots[hole] = .empty
    occupied &-= 1
    afterMutation(at: hole, in: storage)
  }

  /// Empties every slot; keeps the capacity unless `keepingCapacity` is false.
  @inlinable
  public mutating func removeAll(keepingCapacity: Bool = true) {
    if keepingCapacity {
      guard occupied > 0 else { return }
      for i in slots.indices { slots[i] = .empty }
      occupied = 0
    } else {
      self = HashIndex(capacity: HashIndex.minimumCapacity, maxLoad: MaxLoad(rawValue: quarters)!)
    }
  }

  /// Makes room for `n` occupied slots without growing.
  @inlinable
  public mutating func reserveCapacity(_ n: Int, in storage: Keys.Storage) {
    var size = slots.count
    while n &* 4 > size &* quarters { size &*= 2 }
    if size > slots.count { grow(to: size, in: storage) }
  }

  /// Calls `body` with each occupied slot, in slot order (which says nothing about the keys).
  @inlinable
  public func forEachSlot(_ body: (Keys.Slot) throws -> Void) rethrows {
    for slot in slots where !slot.isEmpty { try body(slot) }
  }

  /// Rehashes every slot into `size` slots.
  @inlinable
  mutating func grow(to size: Int, in storage: Keys.Storage) {
    let old = slots
    slots = [Keys.Slot](repeating: .empty, count: size)
    shift = 64 &- UInt64(size.trailingZeroBitCount)
    let mask = size &- 1
    for slot in old where !slot.isEmpty {
      var i = home(Keys.hash(slot: slot, in: storage))
      while !slots[i].isEmpty { i = (i &+ 1) & mask }
      slots[i] = slot
    }
    #if LOGSTAT_CHECKS
      _checkInvariants(in: storage)
    #endif
  }

  /// The checks run after a mutation when built with `LOGSTAT_CHECKS`; nothing otherwise.
  @inlinable @inline(__always)
  func afterMutation(at position: Int, in storage: Keys.Storage) {
    #if LOGSTAT_CHECKS
      if slots.count <= 64 {
        _checkInvariants(in: storage)
      } else {
        _checkRun(around: position, in: storage)
      }
    #endif
  }
}

extension HashIndex: Sendable where Keys.Slot: Sendable {}

extension HashIndex where Keys.Storage == Void {
  /// `find(_:hash:in:)` for tables whose slots hold their keys.
  @inlinable @inline(__always)
  public func find(_ key: Keys.Key, hash: UInt64) -> (position: Int, found: Bool) {
    find(key, hash: hash, in: ())
  }

  @inlinable @inline(__always)
  public mutating func insert(_ slot: Keys.Slot, at position: Int) { insert(slot, at: position, in: ()) }

  @inlinable
  public mutating func remove(at position: Int) { remove(at: position, in: ()) }

  @inlinable
  public mutating func reserveCapacity(_ n: Int) { reserveCapacity(n, in: ()) }
}
