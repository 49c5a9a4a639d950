import LogstatClassify

extension Reason {
  /// Position in `Reason.allCases` (declaration order), for array-indexed counting.
  @inlinable public var ordinal: Int { Int(unsafeBitCast(self, to: UInt8.self)) }
  /// The reason at `ordinal`.
  public static func at(_ ordinal: Int) -> Reason { allCases[ordinal] }
}

extension Provider {
  /// Position in `Provider.allCases`, for array-indexed counting.
  @inlinable public var ordinal: Int { Int(unsafeBitCast(self, to: UInt8.self)) }
}

/// Counts per `Reason`: only the reasons counted, as (ordinal, count) pairs sorted by ordinal.
///
/// Two of these live in every recipient domain's counters, and a domain of a long tail that
/// fails or defers at all does so for one or two reasons: a dense array of every reason (34
/// counts, ~300 bytes with its header) per domain was most of the memory of such domains;
/// a pair is 16 bytes. A lookup scans the few pairs held: no hashing per line.
public struct ReasonCounts: Sendable {
  struct Entry: Sendable, Equatable {
    var ordinal: UInt8
    var count: Int
  }
  /// The reasons counted, by ordinal; empty while nothing is counted.
  private var entries: [Entry] = []

  public init() {}

  /// Every reason's count by `Reason.ordinal` (an array made on each call).
  public var counts: [Int] {
    var all = [Int](repeating: 0, count: Reason.allCases.count)
    for e in entries { all[Int(e.ordinal)] = e.count }
    return all
  }

  public subscript(_ reason: Reason) -> Int {
    get {
      let o = UInt8(reason.ordinal)
      for e in entries where e.ordinal >= o { return e.ordinal == o ? e.count : 0 }
      return 0
    }
    set { add(ordinal: reason.ordinal, newValue - self[reason]) }
  }

  /// Adds `n` to the count of the reason with `ordinal`.
  @inline(__always) public mutating func add(ordinal: Int, _ n: Int = 1) {
    let o = UInt8(truncatingIfNeeded: ordinal)
    var i = 0
    while i < entries.count, entries[i].ordinal < o { i += 1 }
    if i < entries.count, entries[i].ordinal == o {
      entries[i].count += n
      return
    }
    guard n != 0 else { return }
    if entries.isEmpty { entries.reserveCapacity(1) }
    entries.insert(Entry(ordinal: o, count: n), at: i)
  }

  public var total: Int { entries.reduce(0) { $0 + $1.count } }

  /// The reason with the highest count (ties: declaration order), or nil when all are zero.
  public var top: Reason? {
    var best = -1
    var bestCount = 0
    for e in entries where e.count > bestCount {
      best = Int(e.ordinal)
      bestCount = e.count
    }
    return best < 0 ? nil : Reason.at(best)
  }

  public mutating func merge(_ o: ReasonCounts) {
    guard !o.entries.isEmpty else { return }
    if entries.isEmpty {
      entries = o.entries
      return
    }
    for e in o.entries { add(ordinal: Int(e.ordinal), e.count) }
  }
}

extension ReasonCounts: Equatable {
  /// Equal when every reason has the same count (a reason counted to 0 equals one never counted).
  public static func == (a: ReasonCounts, b: ReasonCounts) -> Bool {
    a.entries.filter { $0.count != 0 }.elementsEqual(b.entries.filter { $0.count != 0 })
  }
}

/// What a blocklist named in reply texts amounts to: how often, when, and for which domains.
public struct BlocklistStats: Sendable, Equatable {
  public var count = 0
  public var first: Int64?
  public var last: Int64?
  /// Recipient domain IDs (in the owning aggregate's `domains`).
  public var domainIDs: Set<Int32> = []

  public init() {}

  mutating func note(_ epoch: Int64?, domain: Int32?) {
    count += 1
    if let t = epoch {
      if first == nil || t < first! { first = t }
      if last == nil || t > last! { last = t }
    }
    if let domain { domainIDs.insert(domain) }
  }

  mutating func merge(_ o: BlocklistStats, domainMap: [Int32]) {
    count += o.count
    if let t = o.first, first == nil || t < first! { first = t }
    if let t = o.last, last == nil || t > last! { last = t }
    for id in o.domainIDs { domainIDs.insert(domainMap[Int(id)]) }
  }
}

/// One reply text shown as an example of a reason, with the domain that sent it.
public struct ReasonExample: Sendable, Equatable {
  public var text: String
  public var domain: String

  /// The longest example kept, in UTF-8 bytes: more than any report prints (text 160-200
  /// characters, HTML 300; JSON and CSV print what is kept). A reply may be up to the 1 MiB
  /// line cap, and one is kept per (domain, reason): whole, 150 distinct long replies took
  /// 6 GB. Longer texts are cut at a character boundary and end in `…`.
  public static let maximumBytes = 1024

  /// An example reply `text` given by recipient domain `domain` (public for saved reports);
  /// cut to `maximumBytes`.
  public init(text: String, domain: String) {
    self.text = ReasonExample.capped(text)
    self.domain = domain
  }

  /// `text` cut to at most `maximumBytes` UTF-8 bytes at a character boundary (with the `…`),
  /// as `EventText.string(cappedAt:)` cuts a reply read from a log.
  public static func capped(_ text: String) -> String {
    guard text.utf8.count > maximumBytes else { return text }
    let ellipsis = "…"
    let utf8 = Array(text.utf8)
    var end = maximumBytes - ellipsis.utf8.count
    // Back off continuation bytes (10xxxxxx) so a character is not cut in two.
    while end > 0, utf8[end] & 0xC0 == 0x80 { end -= 1 }
    return String(decoding: utf8[..<end], as: UTF8.self) + ellipsis
  }
}
