import LogstatTables

/// The messages a partial holds open, by queue ID: a slab of entries that are mutated in place
/// and reused, indexed by the shared hash-table core (`HashIndex`, slots `entry index + 1`).
///
/// Why not `[QueueKey: MessageState]`: reading a state out of a dictionary, changing it and
/// writing it back copies its recipient array (an allocation per delivery line) and hashes the
/// key with SipHash two or three times per line. Here a line costs one mix and a probe, the
/// state is changed where it lives, and a finished message's slot (with the capacity of its
/// recipient array) is handed to the next new message, so a warm table allocates nothing.
/// Closing a message empties its slot by backward shift (in `HashIndex.remove`): no tombstones
/// pile up however many messages come and go.
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
  /// At most half full: each probe reads an entry, so probes are kept short.
  private var index = HashIndex<EntryKeys>(capacity: 256, maxLoad: .half)

  init() {}

  /// Entries in use.
  var count: Int { index.count }

  /// True when no message is open.
  var isEmpty: Bool { index.isEmpty }

  /// The raw hash of a queue key (the index mixes it).
  @inline(__always) static func hash(_ key: QueueKey) -> UInt64 {
    // Queue IDs are short: most of the entropy is in `a`; fold the rest in.
    TableHash.combine(TableHash.combine(key.a, key.b), key.c)
  }

  /// The entry index of `key`, or nil when it is not open.
  /// - Complexity: O(1) expected.
  @inline(__always) func find(_ key: QueueKey) -> Int? {
    let (p, found) = index.find(key, hash: OpenMessages.hash(key), in: entries)
    return found ? Int(index[p]) &- 1 : nil
  }

  /// The entry index of `key`, opening a fresh message under it when it is not open.
  /// - Complexity: O(1) amortised.
  @inline(__always) mutating func findOrInsert(_ key: QueueKey) -> Int {
    let (p, found) = index.find(key, hash: OpenMessages.hash(key), in: entries)
    return found ? Int(index[p]) &- 1 : insert(key, at: p)
  }

  /// The entry index of `key` and its slot in the index, or nil when it is not open: for a
  /// caller that closes the message (`remove(at:slot:)`) without probing again.
  @inline(__always) func findSlot(_ key: QueueKey) -> (entry: Int, slot: Int)? {
    let (p, found) = index.find(key, hash: OpenMessages.hash(key), in: entries)
    return found ? (Int(index[p]) &- 1, p) : nil
  }

  /// Opens a fresh message under `key`, which must not be open.
  mutating func insert(_ key: QueueKey) -> Int {
    let (p, found) = index.find(key, hash: OpenMessages.hash(key), in: entries)
    precondition(!found, "queue key already open")
    return insert(key, at: p)
  }

  /// Opens a fresh message under `key` in the empty slot `position` found for it.
  private mutating func insert(_ key: QueueKey, at position: Int) -> Int {
    let entry: Int
    if let reused = free.popLast() {
      entry = Int(reused)
      entries[entry].key = key
      entries[entry].state.reset()
      entries[entry].lastSeen = Int64.min
      entries[entry].inUse = true
    } else {
      entry = entries.count
      entries.append(Entry(key: key, state: MessageState(), lastSeen: Int64.min, inUse: true))
    }
    index.insert(Int32(entry &+ 1), at: position, in: entries)
    return entry
  }

  /// Reads the state of entry `index` in place.
  @inline(__always) subscript(index: Int) -> MessageState {
    // `_read`, not `get`: reading one field (`open[i].born`) must not copy the whole state
    // (a retain and release of its recipient list and index per access).
    _read { yield entries[index].state }
    _modify { yield &entries[index].state }
  }

  /// Runs `body` on the state of entry `index` in place: one access for several changes.
  @inline(__always) mutating func withState<T>(_ index: Int, _ body: (inout MessageState) -> T) -> T {
    body(&entries[index].state)
  }

  /// Notes that entry `index` had a line at `epoch`.
  @inline(__always) mutating func touch(_ index: Int, _ epoch: Int64?) {
    if let t = epoch, t > entries[index].lastSeen { entries[index].lastSeen = t }
  }

  /// Closes entry `entry`: its slot becomes free for the next message; the state's recipient
  /// buffer is kept for reuse, so read (or copy) the state before calling this.
  mutating func remove(at entry: Int) {
    let key = entries[entry].key
    let (p, found) = index.find(key, hash: OpenMessages.hash(key), in: entries)
    precondition(found && Int(index[p]) == entry &+ 1, "entry \(entry) is not open")
    remove(at: entry, slot: p)
  }

  /// Closes entry `entry`, whose index slot `findSlot` returned (no mutation since).
  mutating func remove(at entry: Int, slot p: Int) {
    // Backward-shift deletion keeps every probe run unbroken without tombstones.
    index.remove(at: p, in: entries)
    entries[entry].inUse = false
    entries[entry].state.recipients.removeAll(keepingCapacity: true)
    free.append(Int32(entry))
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
    index.removeAll()
  }

  /// The open messages, in slab order (any order gives the same counts).
  var openEntries: some Sequence<Entry> { entries.lazy.filter(\.inUse) }

  /// One past the last entry index (open or free), for walks by index that change states
  /// (`self[i]` in place) or read only their scalars (`isOpen`, `key`, `lastSeen`).
  /// Iterating `openEntries` copies every entry, a retain and release of its recipient list
  /// and index each: too much for the callers that walk the table while adding lines
  /// (`boundAddresses`, `closeStale`).
  var slabCount: Int { entries.count }

  /// Sets `senders[id]` and `recipients[id]` for every sender and recipient address ID an open
  /// message refers to (an empty array: not wanted), reading each state where it lives.
  ///
  /// Reading states through the array (`openEntries`, or `self[i]` handed to a function)
  /// copied each entry: a retain and release of its recipient list and index per open
  /// message, each time a bounded address table is pruned (`Aggregate.boundAddresses`).
  /// - Complexity: O(open messages + their recipients).
  func markHeldAddresses(senders: inout [Bool], recipients: inout [Bool]) {
    let markSenders = !senders.isEmpty
    let markRecipients = !recipients.isEmpty
    // Safe because: the three buffers are used only inside the closures; the slab is only
    // read, and each flag's index is checked against its buffer's count before the store.
    entries.withUnsafeBufferPointer { slab in
      senders.withUnsafeMutableBufferPointer { held in
        recipients.withUnsafeMutableBufferPointer { heldRecipients in
          for i in slab.indices where slab[i].inUse {
            let sender = Int(slab[i].state.senderAddress)
            if markSenders, sender >= 0 {
              precondition(sender < held.count, "sender address ID out of range")
              held[sender] = true
            }
            guard markRecipients else { continue }
            for k in slab[i].state.recipients.indices {
              let address = Int(slab[i].state.recipients[k].address)
              guard address >= 0 else { continue }
              precondition(address < heldRecipients.count, "recipient address ID out of range")
              heldRecipients[address] = true
            }
          }
        }
      }
    }
  }

  /// Whether entry `index` holds an open message.
  @inline(__always) func isOpen(_ index: Int) -> Bool { entries[index].inUse }

  /// The queue key of entry `index`.
  @inline(__always) func key(_ index: Int) -> QueueKey { entries[index].key }

  /// Epoch seconds of entry `index`'s newest line, or `Int64.min` when none had a time.
  @inline(__always) func lastSeen(_ index: Int) -> Int64 { entries[index].lastSeen }

  /// Traps unless the index is sound and agrees with the slab (tests).
  func checkInvariants() {
    index._checkInvariants(in: entries)
    precondition(entries.count - free.count == index.count, "slab and index disagree")
  }
}

/// `OpenMessages`' slots: `entry index + 1` into the slab, hashed and compared by the entry's key.
enum EntryKeys: HashTableKeys {
  @inline(__always)
  static func hash(slot: Int32, in entries: [OpenMessages.Entry]) -> UInt64 {
    OpenMessages.hash(entries[Int(slot) &- 1].key)
  }

  @inline(__always)
  static func slot(_ slot: Int32, holds key: QueueKey, in entries: [OpenMessages.Entry]) -> Bool {
    entries[Int(slot) &- 1].key == key
  }
}

extension MessageState {
  /// Clears the state for a new message, keeping the recipient buffer's capacity.
  /// (Field by field, so the buffer is never shared and stays unique.)
  mutating func reset() {
    sender = -1
    senderKnown = false
    isNotification = false
    madeHere = false
    size = -1
    born = false
    ended = false
    expiredHere = false
    expiryCounted = false
    bornCounted = false
    removedHere = false
    removalCounted = false
    senderAddress = -1
    arrivedAt = Int64.min
    if !pendingDeliveries.isEmpty { pendingDeliveries = [] }
    recipients.removeAll(keepingCapacity: true)
    if !recipientIndex.isEmpty { recipientIndex = [:] }
  }
}
