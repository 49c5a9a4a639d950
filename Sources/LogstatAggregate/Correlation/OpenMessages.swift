/// The messages a partial holds open, by queue ID: an open-addressing hash table over a slab
/// of entries that are mutated in place and reused.
///
/// Why not `[QueueKey: MessageState]`: reading a state out of a dictionary, changing it and
/// writing it back copies its recipient array (an allocation per delivery line) and hashes the
/// key with SipHash two or three times per line. Here a line costs one multiply-shift hash and
/// a probe, the state is changed where it lives, and a finished message's slot (with the
/// capacity of its recipient array) is handed to the next new message, so a warm table
/// allocates nothing.
struct OpenMessages: Sendable {
  /// One open message: its key, its state, and the time of its last line (for expiry).
  struct Entry: Sendable {
    var key = QueueKey()
    var state = MessageState()
    /// Epoch seconds of the message's newest line, or `Int64.min` when none had a time.
    var lastSeen = Int64.min
    var inUse = false
  }

  /// The slab; freed entries are listed in `free` and keep their recipient capacity.
  private(set) var entries: [Entry] = []
  private var free: [Int32] = []
  /// Open addressing with linear probing: `entry index + 1`, 0 = empty. Power-of-two size.
  private var slots = [Int32](repeating: 0, count: 256)
  /// Entries in use.
  private(set) var count = 0

  init() {}

  /// True when no message is open.
  var isEmpty: Bool { count == 0 }

  @inline(__always) static func hash(_ key: QueueKey) -> Int {
    // Queue IDs are short: most of the entropy is in `a`; fold the rest in and mix once.
    let x = (key.a &+ (key.b &* 0x9E37_79B9_7F4A_7C15) &+ (key.c &* 0xC2B2_AE3D_27D4_EB4F))
      &* 0xD6E8_FEB8_6659_FD93
    return Int(truncatingIfNeeded: x ^ (x >> 29))
  }

  /// The entry index of `key`, or nil when it is not open.
  /// - Complexity: O(1) expected.
  @inline(__always) func find(_ key: QueueKey) -> Int? {
    let mask = slots.count - 1
    var i = OpenMessages.hash(key) & mask
    while true {
      let slot = slots[i]
      if slot == 0 { return nil }
      if entries[Int(slot - 1)].key == key { return Int(slot - 1) }
      i = (i + 1) & mask
    }
  }

  /// The entry index of `key`, opening a fresh message under it when it is not open.
  /// - Complexity: O(1) amortised.
  @inline(__always) mutating func findOrInsert(_ key: QueueKey) -> Int {
    if let index = find(key) { return index }
    return insert(key)
  }

  /// Opens a fresh message under `key`, which must not be open.
  mutating func insert(_ key: QueueKey) -> Int {
    if (count + 1) * 2 > slots.count { grow() }
    let index: Int
    if let reused = free.popLast() {
      index = Int(reused)
      entries[index].key = key
      entries[index].state.reset()
      entries[index].lastSeen = Int64.min
      entries[index].inUse = true
    } else {
      index = entries.count
      entries.append(Entry(key: key, state: MessageState(), lastSeen: Int64.min, inUse: true))
    }
    let mask = slots.count - 1
    var i = OpenMessages.hash(key) & mask
    while slots[i] != 0 { i = (i + 1) & mask }
    slots[i] = Int32(index + 1)
    count += 1
    return index
  }

  /// Reads the state of entry `index` in place.
  @inline(__always) subscript(index: Int) -> MessageState {
    get { entries[index].state }
    _modify { yield &entries[index].state }
  }

  /// Notes that entry `index` had a line at `epoch`.
  @inline(__always) mutating func touch(_ index: Int, _ epoch: Int64?) {
    if let t = epoch, t > entries[index].lastSeen { entries[index].lastSeen = t }
  }

  /// Closes entry `index`: its slot becomes free for the next message; the state's recipient
  /// buffer is kept for reuse, so read (or copy) the state before calling this.
  mutating func remove(at index: Int) {
    let mask = slots.count - 1
    var i = OpenMessages.hash(entries[index].key) & mask
    while Int(slots[i]) != index + 1 { i = (i + 1) & mask }
    // Backward-shift deletion keeps every probe chain unbroken without tombstones.
    var hole = i
    var j = (i + 1) & mask
    while slots[j] != 0 {
      let home = OpenMessages.hash(entries[Int(slots[j] - 1)].key) & mask
      // Move j into the hole unless its home lies cyclically in (hole, j].
      let inRange = hole <= j ? (home > hole && home <= j) : (home > hole || home <= j)
      if !inRange {
        slots[hole] = slots[j]
        hole = j
      }
      j = (j + 1) & mask
    }
    slots[hole] = 0
    entries[index].inUse = false
    entries[index].state.recipients.removeAll(keepingCapacity: true)
    free.append(Int32(index))
    count -= 1
  }

  /// Removes and returns the state under `key`, if open.
  mutating func removeValue(forKey key: QueueKey) -> MessageState? {
    guard let index = find(key) else { return nil }
    let state = entries[index].state
    // The returned copy shares the recipient buffer: give the slot a fresh one.
    entries[index].state.recipients = []
    remove(at: index)
    return state
  }

  /// Sets the state under `key`, opening it if needed.
  mutating func set(_ key: QueueKey, _ state: MessageState, lastSeen: Int64 = Int64.min) {
    let index = findOrInsert(key)
    entries[index].state = state
    entries[index].lastSeen = Swift.max(entries[index].lastSeen, lastSeen)
  }

  /// Closes every message, keeping the table's capacity.
  mutating func removeAll() {
    entries.removeAll(keepingCapacity: true)
    free.removeAll(keepingCapacity: true)
    for i in slots.indices { slots[i] = 0 }
    count = 0
  }

  /// The open messages, in slab order (any order gives the same counts).
  var openEntries: some Sequence<Entry> { entries.lazy.filter(\.inUse) }

  private mutating func grow() {
    let capacity = slots.count * 2
    var fresh = [Int32](repeating: 0, count: capacity)
    let mask = capacity - 1
    for index in entries.indices where entries[index].inUse {
      var i = OpenMessages.hash(entries[index].key) & mask
      while fresh[i] != 0 { i = (i + 1) & mask }
      fresh[i] = Int32(index + 1)
    }
    slots = fresh
  }
}

extension MessageState {
  /// Clears the state for a new message, keeping the recipient buffer's capacity.
  /// (Field by field, so the buffer is never shared and stays unique.)
  mutating func reset() {
    sender = -1
    senderKnown = false
    isNotification = false
    size = -1
    born = false
    ended = false
    expiredHere = false
    expiryCounted = false
    bornCounted = false
    removedHere = false
    removalCounted = false
    senderAddress = -1
    recipients.removeAll(keepingCapacity: true)
    if !recipientIndex.isEmpty { recipientIndex = [:] }
  }
}
