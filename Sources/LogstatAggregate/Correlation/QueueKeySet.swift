/// A set of queue IDs in an open-addressing table with the same cheap hash as `OpenMessages`:
/// `Set<QueueKey>` spent most of a message's birth in SipHash.
struct QueueKeySet: Sendable {
  private var keys: [QueueKey]
  private var used: [Bool]
  /// Keys held.
  private(set) var count = 0

  init() {
    keys = [QueueKey](repeating: QueueKey(), count: 64)
    used = [Bool](repeating: false, count: 64)
  }

  var isEmpty: Bool { count == 0 }

  /// True when `key` is held.
  @inline(__always) func contains(_ key: QueueKey) -> Bool {
    let mask = keys.count &- 1
    var i = OpenMessages.hash(key) & mask
    while used[i] {
      if keys[i] == key { return true }
      i = (i &+ 1) & mask
    }
    return false
  }

  /// Adds `key`; nothing when already held.
  @inline(__always) mutating func insert(_ key: QueueKey) {
    let mask = keys.count &- 1
    var i = OpenMessages.hash(key) & mask
    while used[i] {
      if keys[i] == key { return }
      i = (i &+ 1) & mask
    }
    keys[i] = key
    used[i] = true
    count &+= 1
    if count &* 2 > keys.count { grow() }
  }

  /// Every key, in no particular order.
  var elements: [QueueKey] {
    var out: [QueueKey] = []
    out.reserveCapacity(count)
    for i in keys.indices where used[i] { out.append(keys[i]) }
    return out
  }

  /// Empties the set and gives its memory back.
  mutating func removeAll() { self = QueueKeySet() }

  private mutating func grow() {
    let old = elements
    keys = [QueueKey](repeating: QueueKey(), count: keys.count * 2)
    used = [Bool](repeating: false, count: used.count * 2)
    count = 0
    for key in old { insert(key) }
  }
}
