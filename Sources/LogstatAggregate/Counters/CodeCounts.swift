import LogstatTables

/// Counters per basic reply code: a plain array indexed by `code - 200` for 200–599 (every
/// code the scanner parses, `[245][0-5][0-9]`), allocated at the first count; codes outside
/// (only a saved report can hold one) go to a dictionary. Reads like `[Int: CodeCounters]`,
/// in ascending code order.
public struct ReplyCodeCounts: Sendable, Sequence {
  public static let lowest = 200
  public static let highest = 599

  /// Per `code - lowest`, once any code is counted; `present` says which codes were.
  private var cells: [CodeCounters] = []
  private var present: [Bool] = []
  private var others: [Int: CodeCounters] = [:]
  /// Codes held.
  public private(set) var count = 0

  public init() {}

  public var isEmpty: Bool { count == 0 }

  /// The counters of `code`, or nil when it was never counted.
  public subscript(code: Int) -> CodeCounters? {
    let i = code &- ReplyCodeCounts.lowest
    if i >= 0, i < present.count { return present[i] ? cells[i] : nil }
    return others[code]
  }

  /// The counters of `code`, added as `defaultValue` when new (like `Dictionary`'s).
  public subscript(code: Int, default defaultValue: @autoclosure () -> CodeCounters) -> CodeCounters {
    get { self[code] ?? defaultValue() }
    @inline(__always) _modify {
      let i = code &- ReplyCodeCounts.lowest
      if i >= 0, i <= ReplyCodeCounts.highest &- ReplyCodeCounts.lowest {
        if present.isEmpty {
          let n = ReplyCodeCounts.highest - ReplyCodeCounts.lowest + 1
          cells = [CodeCounters](repeating: CodeCounters(), count: n)
          present = [Bool](repeating: false, count: n)
        }
        if !present[i] {
          present[i] = true
          cells[i] = defaultValue()
          count &+= 1
        }
        yield &cells[i]
      } else {
        if others[code] == nil { count &+= 1 }
        yield &others[code, default: defaultValue()]
      }
    }
  }

  /// Runs `body` on the counters of `code`, added when new: a counted code is reached by
  /// plain indexing (the subscript's accessor was a coroutine call per line).
  @inline(__always)
  mutating func update(_ code: Int, _ body: (inout CodeCounters) -> Void) {
    let i = code &- ReplyCodeCounts.lowest
    if i >= 0, i < present.count, present[i] {
      body(&cells[i])
    } else {
      body(&self[code, default: CodeCounters()])
    }
  }

  /// Every code with its counters, in ascending code order.
  public func makeIterator() -> IndexingIterator<[(key: Int, value: CodeCounters)]> {
    var out: [(key: Int, value: CodeCounters)] = []
    out.reserveCapacity(count)
    for i in present.indices where present[i] { out.append((i + ReplyCodeCounts.lowest, cells[i])) }
    if !others.isEmpty {
      for (code, c) in others { out.append((code, c)) }
      out.sort { $0.key < $1.key }
    }
    return out.makeIterator()
  }
}

extension ReplyCodeCounts: Equatable {
  /// Equal when both hold the same codes with the same counters (allocation aside).
  public static func == (a: ReplyCodeCounts, b: ReplyCodeCounts) -> Bool {
    a.count == b.count && a.elementsEqual(b) { $0.key == $1.key && $0.value == $1.value }
  }
}

/// Counters per enhanced status code (packed as `DSNCode` does) on the shared hash-table core:
/// the codes seen are few but spread over a wide range. Reads like `[UInt32: CodeCounters]`,
/// in no particular order.
public struct DSNCodeCounts: Sendable, Sequence {
  private var index = HashIndex<DSNCodeKeys>(capacity: 32)

  public init() {}

  /// Codes held.
  public var count: Int { index.count }
  public var isEmpty: Bool { index.isEmpty }

  /// The counters of `code`, or nil when it was never counted.
  public subscript(code: UInt32) -> CodeCounters? {
    let stored = UInt64(code) &+ 1
    let (p, found) = index.find(stored, hash: stored)
    return found ? index[p].counters : nil
  }

  /// The counters of `code`, added as `defaultValue` when new (like `Dictionary`'s).
  public subscript(code: UInt32, default defaultValue: @autoclosure () -> CodeCounters) -> CodeCounters {
    get { self[code] ?? defaultValue() }
    @inline(__always) _modify {
      let stored = UInt64(code) &+ 1
      var (p, found) = index.find(stored, hash: stored)
      if !found {
        index.insert(DSNCodeKeys.Slot(stored: stored, counters: defaultValue()), at: p)
        // An insert may have grown the index and moved every slot.
        p = index.find(stored, hash: stored).position
      }
      yield &index[p].counters
    }
  }

  /// Runs `body` on the counters of `code`, added when new: one probe for a code already held.
  @inline(__always)
  mutating func update(_ code: UInt32, _ body: (inout CodeCounters) -> Void) {
    let stored = UInt64(code) &+ 1
    let (p, found) = index.find(stored, hash: stored)
    if found {
      body(&index[p].counters)
    } else {
      body(&self[code, default: CodeCounters()])
    }
  }

  /// Every code with its counters, in no particular order.
  public func makeIterator() -> IndexingIterator<[(key: UInt32, value: CodeCounters)]> {
    var out: [(key: UInt32, value: CodeCounters)] = []
    out.reserveCapacity(count)
    index.forEachSlot { out.append((UInt32(truncatingIfNeeded: $0.stored &- 1), $0.counters)) }
    return out.makeIterator()
  }
}

extension DSNCodeCounts: Equatable {
  /// Equal when both hold the same codes with the same counters (layout aside).
  public static func == (a: DSNCodeCounts, b: DSNCodeCounts) -> Bool {
    a.count == b.count && a.allSatisfy { b[$0.key] == $0.value }
  }
}

/// `DSNCodeCounts`' slots: the packed code + 1 (0 = empty) and its counters.
enum DSNCodeKeys: HashTableKeys {
  struct Slot: HashTableSlot, Sendable {
    var stored: UInt64
    var counters: CodeCounters
    static var empty: Slot { Slot(stored: 0, counters: CodeCounters()) }
    var isEmpty: Bool { stored == 0 }
  }

  @inline(__always) static func hash(slot: Slot, in storage: Void) -> UInt64 { slot.stored }
  @inline(__always) static func slot(_ slot: Slot, holds key: UInt64, in storage: Void) -> Bool {
    slot.stored == key
  }
}

extension Aggregate {
  /// Adds to the counters of `dsn` and of the basic `code`, where present.
  @inline(__always)
  mutating func countCode(_ dsn: UInt32, _ code: Int, _ body: (inout CodeCounters) -> Void) {
    if dsn != 0 { counts.dsnCounters.update(dsn, body) }
    if code != 0 { counts.replyCodeCounters.update(code, body) }
  }
}
