import LogstatTables

/// Line counts per (domain << 8 | reason ordinal, reply shape) on the shared hash-table core:
/// the table behind `DomainHours.exampleCounts`, hit by every failed delivery line. A
/// `Dictionary` hashed the 16-byte key with SipHash and grew by copying; here an add is one mix
/// and a short probe over slots that hold their key and count. Reads like
/// `[ShapeKey: Int]`, in no particular order.
struct ShapeCounts: Sendable {
  private var index = HashIndex<ShapeCountKeys>(capacity: 64)

  init() {}

  /// Keys held.
  var count: Int { index.count }
  var isEmpty: Bool { index.isEmpty }

  /// Adds `n` to the count of (`key`, `shape`), adding it when new; true when it was new.
  @inline(__always) @discardableResult
  mutating func add(_ key: UInt64, _ shape: UInt64, _ n: Int = 1) -> Bool {
    let probe = ShapeCountKeys.Key(stored: key &+ 1, shape: shape)
    let (p, found) = index.find(probe, hash: ShapeCountKeys.hash(probe))
    if found {
      index[p].count &+= n
    } else {
      index.insert(ShapeCountKeys.Slot(stored: probe.stored, shape: shape, count: n), at: p)
    }
    return !found
  }

  /// The count of `k`, or nil when it was never added.
  subscript(k: ShapeKey) -> Int? {
    let probe = ShapeCountKeys.Key(stored: k.key &+ 1, shape: k.shape)
    let (p, found) = index.find(probe, hash: ShapeCountKeys.hash(probe))
    return found ? index[p].count : nil
  }

  /// The count of `k` (`defaultValue` when absent); setting adds the difference.
  subscript(k: ShapeKey, default defaultValue: Int) -> Int {
    get { self[k] ?? defaultValue }
    set { add(k.key, k.shape, newValue &- (self[k] ?? 0)) }
  }

  /// Makes room for `n` keys without growing: call it before adding another table's keys,
  /// which come in that table's slot order (see `CountTable.reserveCapacity`).
  mutating func reserveCapacity(_ n: Int) { index.reserveCapacity(n) }

  /// Calls `body` with every key and its count, in no particular order.
  func forEach(_ body: (ShapeKey, Int) -> Void) {
    index.forEachSlot { body(ShapeKey($0.stored &- 1, $0.shape), $0.count) }
  }
}

extension ShapeCounts: Sequence {
  /// Every key with its count, in no particular order.
  func makeIterator() -> IndexingIterator<[(key: ShapeKey, value: Int)]> {
    var out: [(key: ShapeKey, value: Int)] = []
    out.reserveCapacity(count)
    forEach { out.append(($0, $1)) }
    return out.makeIterator()
  }
}

extension ShapeCounts: Equatable {
  /// Equal when both hold the same keys with the same counts (layout aside).
  static func == (a: ShapeCounts, b: ShapeCounts) -> Bool {
    guard a.count == b.count else { return false }
    var same = true
    a.forEach { k, n in if same, b[k] != n { same = false } }
    return same
  }
}

/// `ShapeCounts`' slots: the (domain, reason) key + 1 (0 marks an empty slot; a domain ID is
/// below 2^31, so the key is never `UInt64.max`), the reply shape and the count.
enum ShapeCountKeys: HashTableKeys {
  struct Key {
    var stored: UInt64
    var shape: UInt64
  }

  struct Slot: HashTableSlot, Sendable {
    var stored: UInt64
    var shape: UInt64
    var count: Int
    static var empty: Slot { Slot(stored: 0, shape: 0, count: 0) }
    var isEmpty: Bool { stored == 0 }
  }

  @inline(__always) static func hash(_ key: Key) -> UInt64 { TableHash.combine(key.stored, key.shape) }
  @inline(__always) static func hash(slot: Slot, in storage: Void) -> UInt64 {
    TableHash.combine(slot.stored, slot.shape)
  }
  @inline(__always) static func slot(_ slot: Slot, holds key: Key, in storage: Void) -> Bool {
    slot.stored == key.stored && slot.shape == key.shape
  }
}
