/// Counts by 64-bit key in an open-addressing table: one multiply-shift hash and a short
/// linear probe per add, no SipHash, no per-key allocation.
///
/// Used for the per-line tallies keyed by packed integers (hour × domain × status × reason,
/// client × reason), where a `Dictionary` spent most of its time hashing. Keys must not be
/// `UInt64.max` (stored as key + 1, 0 marks an empty slot).
public struct CountTable: Sendable {
  private var keys: [UInt64]
  private var values: [Int]
  private var shift: UInt64
  /// Keys held.
  public private(set) var count = 0

  public init() {
    keys = [UInt64](repeating: 0, count: 64)
    values = [Int](repeating: 0, count: 64)
    shift = 64 - 6
  }

  public var isEmpty: Bool { count == 0 }

  @inline(__always) private func home(_ stored: UInt64) -> Int {
    Int(truncatingIfNeeded: (stored &* 0x9E37_79B9_7F4A_7C15) >> shift)
  }

  /// Adds `n` to the count of `key`, adding the key when new.
  /// - Complexity: O(1) amortised.
  @inline(__always)
  public mutating func add(_ key: UInt64, _ n: Int = 1) {
    let stored = key &+ 1
    let mask = keys.count &- 1
    var i = home(stored)
    while true {
      let k = keys[i]
      if k == stored {
        values[i] &+= n
        return
      }
      if k == 0 { break }
      i = (i &+ 1) & mask
    }
    keys[i] = stored
    values[i] = n
    count &+= 1
    if count &* 4 > keys.count &* 3 { grow() }
  }

  /// The count of `key` (0 when absent).
  public subscript(_ key: UInt64) -> Int {
    let stored = key &+ 1
    let mask = keys.count - 1
    var i = home(stored)
    while true {
      let k = keys[i]
      if k == stored { return values[i] }
      if k == 0 { return 0 }
      i = (i + 1) & mask
    }
  }

  /// True when `key` has been added.
  public func contains(_ key: UInt64) -> Bool {
    let stored = key &+ 1
    let mask = keys.count - 1
    var i = home(stored)
    while true {
      let k = keys[i]
      if k == stored { return true }
      if k == 0 { return false }
      i = (i + 1) & mask
    }
  }

  /// Every key with its count, in no particular order.
  public var entries: [(key: UInt64, count: Int)] {
    var out: [(key: UInt64, count: Int)] = []
    out.reserveCapacity(count)
    for i in keys.indices where keys[i] != 0 { out.append((keys[i] &- 1, values[i])) }
    return out
  }

  /// Calls `body` with every key and its count, in no particular order.
  public func forEach(_ body: (UInt64, Int) -> Void) {
    for i in keys.indices where keys[i] != 0 { body(keys[i] &- 1, values[i]) }
  }

  /// Removes every key, keeping the capacity.
  public mutating func removeAll() {
    guard count > 0 else { return }
    for i in keys.indices { keys[i] = 0 }
    count = 0
  }

  /// Adds every count of `other`.
  public mutating func merge(_ other: CountTable) {
    reserveCapacity(count + other.count)
    other.forEach { add($0, $1) }
  }

  /// Makes room for `n` keys without growing.
  ///
  /// Call it before adding another table's keys: they come in that table's slot order, and
  /// adding them in that order to a smaller table would pile them into long probe runs.
  public mutating func reserveCapacity(_ n: Int) {
    while n * 4 > keys.count * 3 { grow() }
  }

  private mutating func grow() {
    let oldKeys = keys
    let oldValues = values
    keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
    values = [Int](repeating: 0, count: oldKeys.count * 2)
    shift -= 1
    let mask = keys.count - 1
    for j in oldKeys.indices where oldKeys[j] != 0 {
      var i = home(oldKeys[j])
      while keys[i] != 0 { i = (i + 1) & mask }
      keys[i] = oldKeys[j]
      values[i] = oldValues[j]
    }
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
