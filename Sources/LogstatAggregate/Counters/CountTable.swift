import LogstatTables

/// Counts by 64-bit key on the shared hash-table core (`HashIndex`): one mix and a short
/// linear probe per add, no SipHash, no per-key allocation.
///
/// Used for the per-line tallies keyed by packed integers (hour × domain × status × reason,
/// client × reason), where a `Dictionary` spent most of its time hashing. Keys must not be
/// `UInt64.max` (stored as key + 1, 0 marks an empty slot).
public struct CountTable: Sendable {
  /// Slots hold their key (as `key + 1`) and its count: one cache line serves a probe and the add.
  private var index = HashIndex<CountKeys>(capacity: 64)

  public init() {}

  /// Keys held.
  public var count: Int { index.count }
  public var isEmpty: Bool { index.isEmpty }

  /// Adds `n` to the count of `key`, adding the key when new.
  /// - Complexity: O(1) amortised.
  @inline(__always)
  public mutating func add(_ key: UInt64, _ n: Int = 1) {
    let stored = key &+ 1
    let (p, found) = index.find(stored, hash: stored)
    if found {
      index[p].count &+= n
    } else {
      index.insert(CountKeys.Slot(stored: stored, count: n), at: p)
    }
  }

  /// The count of `key` (0 when absent).
  public subscript(_ key: UInt64) -> Int {
    let stored = key &+ 1
    let (p, found) = index.find(stored, hash: stored)
    return found ? index[p].count : 0
  }

  /// True when `key` has been added.
  public func contains(_ key: UInt64) -> Bool {
    let stored = key &+ 1
    return index.find(stored, hash: stored).found
  }

  /// Every key with its count, in no particular order.
  public var entries: [(key: UInt64, count: Int)] {
    var out: [(key: UInt64, count: Int)] = []
    out.reserveCapacity(count)
    index.forEachSlot { out.append(($0.stored &- 1, $0.count)) }
    return out
  }

  /// Calls `body` with every key and its count, in no particular order.
  public func forEach(_ body: (UInt64, Int) -> Void) {
    index.forEachSlot { body($0.stored &- 1, $0.count) }
  }

  /// Removes every key, keeping the capacity.
  public mutating func removeAll() { index.removeAll() }

  /// Adds every count of `other`.
  public mutating func merge(_ other: CountTable) {
    reserveCapacity(count + other.count)
    other.forEach { add($0, $1) }
  }

  /// Makes room for `n` keys without growing.
  ///
  /// Call it before adding another table's keys: they come in that table's slot order, and
  /// adding them in that order to a smaller table would pile them into long probe runs.
  public mutating func reserveCapacity(_ n: Int) { index.reserveCapacity(n) }

  /// Traps unless the table's index is sound (tests).
  func checkInvariants() { index._checkInvariants() }
}

/// `CountTable`'s slots: the key (stored as `key + 1`, so 0 marks an empty slot) and its count.
enum CountKeys: HashTableKeys {
  struct Slot: HashTableSlot, Sendable {
    var stored: UInt64
    var count: Int
    static var empty: Slot { Slot(stored: 0, count: 0) }
    var isEmpty: Bool { stored == 0 }
  }

  @inline(__always) static func hash(slot: Slot, in storage: Void) -> UInt64 { slot.stored }
  @inline(__always) static func slot(_ slot: Slot, holds key: UInt64, in storage: Void) -> Bool {
    slot.stored == key
  }
}

extension CountTable: Equatable {
  /// Equal when both hold the same keys with the same counts (layout aside).
  public static func == (a: CountTable, b: CountTable) -> Bool {
    guard a.count == b.count else { return false }
    var same = true
    a.forEach { key, n in if same, b[key] != n { same = false } }
    return same
  }
}
