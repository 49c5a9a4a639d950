import LogstatClassify

/// What one delivery line said, for time-resolved counting: the four statuses that make up the
/// attempts of a recipient domain.
public enum AttemptStatus: UInt8, Sendable, CaseIterable, Comparable {
  case sent, deferred, bounced, expired

  /// The stable name used in history rows and JSON (`sent`, `deferred`, `bounced`, `expired`).
  public var name: String {
    switch self {
    case .sent: "sent"
    case .deferred: "deferred"
    case .bounced: "bounced"
    case .expired: "expired"
    }
  }

  /// The status of a stored name, or nil for an unknown one.
  public init?(name: String) {
    guard let s = AttemptStatus.allCases.first(where: { $0.name == name }) else { return nil }
    self = s
  }

  public static func < (a: AttemptStatus, b: AttemptStatus) -> Bool { a.rawValue < b.rawValue }
}

/// One cell of `DomainHours`: delivery lines of one recipient domain in one UTC hour with one
/// status and reason.
public struct DomainHourKey: Sendable, Equatable, Hashable {
  /// Hours since 1970-01-01 00:00 UTC (epoch seconds / 3600).
  public var hour: Int64
  /// Domain ID in the owning aggregate's `domains`.
  public var domain: Int32
  public var status: AttemptStatus
  /// The reason of a deferred, bounced or expired line; nil for sent lines.
  public var reason: Reason?

  public init(hour: Int64, domain: Int32, status: AttemptStatus, reason: Reason?) {
    self.hour = hour
    self.domain = domain
    self.status = status
    self.reason = reason
  }

  /// hour (26 bits) << 36 | domain (28 bits) << 8 | status << 6 | reason ordinal + 1: a key
  /// for a `CountTable`.
  @inline(__always) public var packed: UInt64 {
    let r = UInt64(reason.map { $0.ordinal + 1 } ?? 0)
    return UInt64(hour) << 36 | UInt64(UInt32(bitPattern: domain)) << 8
      | UInt64(status.rawValue) << 6 | r
  }

  /// The key that `packed` gave.
  public init(packed k: UInt64) {
    hour = Int64(k >> 36)
    domain = Int32(truncatingIfNeeded: (k >> 8) & 0x0FFF_FFFF)
    status = AttemptStatus(rawValue: UInt8((k >> 6) & 3)) ?? .sent
    let r = Int(k & 63)
    reason = r == 0 ? nil : Reason.at(r - 1)
  }
}

/// One cell of the per-hour code counts: delivery lines with one reply code or enhanced code.
public struct CodeHourKey: Sendable, Equatable, Hashable {
  public var hour: Int64
  public var status: AttemptStatus
  /// True for an enhanced code (`5.7.1`, packed as `DSNCode`), false for a basic one (`550`).
  public var enhanced: Bool
  public var value: UInt32

  public init(hour: Int64, status: AttemptStatus, enhanced: Bool, value: UInt32) {
    self.hour = hour
    self.status = status
    self.enhanced = enhanced
    self.value = value
  }

  /// `5.7.1` or `550`.
  public var code: String { enhanced ? DSNCode.string(value) : String(value) }

  @inline(__always) var packed: UInt64 {
    UInt64(hour) << 36 | UInt64(status.rawValue) << 32 | (enhanced ? 1 << 31 : 0)
      | UInt64(value & 0x7FFF_FFFF)
  }

  init(packed k: UInt64) {
    hour = Int64(k >> 36)
    status = AttemptStatus(rawValue: UInt8((k >> 32) & 3)) ?? .sent
    enhanced = k & (1 << 31) != 0
    value = UInt32(k & 0x7FFF_FFFF)
  }
}

/// Delivery lines counted per (UTC hour, recipient domain, status, reason), per (hour, code) and
/// per (hour, blocklist named in an outbound reply), so that history can store local calendar
/// days and alerts can find the hour a block began. Sparse: only cells that occurred are held.
///
/// Merging adds cells (after translating domain IDs), so it is associative and does not depend
/// on how the input was split.
public struct DomainHours: Sendable, Equatable {
  /// Every cell, except those of the hour being read, which are in `current`.
  var cells = CountTable()
  /// The cells of the hour being read. Lines come in time order, so most adds land in this
  /// small table, which stays in the core's cache, instead of probing the large one; it moves
  /// into `cells` when the hour changes, on `flush()`, and whenever cells are read.
  var current = CountTable()
  var currentHour = Int64.min
  var codes = CountTable()
  /// Key: hour << 8 | blocklist index in `Blocklist.allCases`.
  var lists = CountTable()
  /// Reply texts per (domain << 8 | reason ordinal) among deferred and failed lines: the
  /// first `examplesKept` distinct texts (by `ReplyShape`), each at most `exampleLength` bytes,
  /// kept in pages (`ExampleTexts`) rather than a `String` and an array per key.
  var examples = ExampleTexts()
  /// Lines per (domain << 8 | reason ordinal, reply shape): exact counts, so the example
  /// shown is the most frequent reply whatever the split of the input. One flat table: a
  /// dictionary per (domain, reason) cost ~150 bytes for each domain that ever failed.
  var exampleCounts = ShapeCounts()
  /// Per domain ID: 0 while its cells are kept, else its provider's index in
  /// `Provider.allCases` + 1 once its cells were folded into `other` (DomainHours+Bound).
  var folded: [UInt8] = []
  /// Cells of folded domains per (hour, provider, status, reason): packed as a
  /// `DomainHourKey` whose domain field is the provider's index.
  var other = CountTable()
  /// Most (hour, domain, status, reason) cells held before the least active domains are
  /// folded into `other` (DomainHours+Bound).
  var cellBudget = DomainHours.defaultCellBudget
  /// Most (domain, reason, shape) counts held in `exampleCounts` before the counts of shapes
  /// whose text is not kept are dropped (then only the kept texts' counts stay).
  var shapeCountBudget = DomainHours.defaultShapeCountBudget
  /// Size at which the next shape-count prune runs (twice what the last one kept, when the
  /// kept texts' counts alone are more than half the budget).
  var shapePruneAt = DomainHours.defaultShapeCountBudget
  /// The default bound of `exampleCounts`: 65,536 counts, about 3 MB.
  public static let defaultShapeCountBudget = 1 << 16
  /// Per domain ID: true once its reply texts and shape counts were dropped to keep the texts
  /// within `exampleByteBudget` (DomainHours+ExampleBound); it keeps none from then on.
  var examplesDropped: [Bool] = []
  /// Most bytes of kept reply texts before the least failing domains' texts are dropped.
  var exampleByteBudget = DomainHours.defaultExampleByteBudget
  /// Distinct reply texts kept per domain and reason.
  static let examplesKept = 4
  /// Longest example text kept (reports show at most 160 characters).
  static let exampleLength = 400

  public init() {}

  /// Number of distinct (hour, domain, status, reason) cells held.
  public var cellCount: Int {
    var n = 0
    forEachCell { _, _ in n += 1 }
    return n
  }

  /// `cells` with `current` added (a copy only while an hour is still being read).
  var allCells: CountTable {
    if current.isEmpty { return cells }
    var all = cells
    all.merge(current)
    return all
  }

  /// Moves the cells of the hour being read into `cells`.
  public mutating func flush() {
    guard !current.isEmpty else { return }
    cells.merge(current)
    current.removeAll()
  }

  /// Calls `body` with every (hour, domain, status, reason) cell and its count, in no
  /// particular order.
  public func forEachDomainCell(_ body: (DomainHourKey, Int) -> Void) {
    forEachCell { body(DomainHourKey(packed: $0), $1) }
  }

  /// Calls `body` once with every packed cell and its count (`cells` and the hour being read
  /// added up), like `allCells.forEach` but without copying the table: a million cells are
  /// 32 MB.
  func forEachCell(_ body: (UInt64, Int) -> Void) {
    guard !current.isEmpty else { return cells.forEach(body) }
    cells.forEach { k, n in body(k, n &+ current[k]) }
    current.forEach { k, n in if !cells.contains(k) { body(k, n) } }
  }

  /// Every (hour, code, status) cell with its count, in no particular order.
  public var codeCells: [(key: CodeHourKey, count: Int)] {
    codes.entries.map { (CodeHourKey(packed: $0.key), $0.count) }
  }

  /// Outbound replies naming each blocklist, per UTC hour, in no particular order.
  public var blocklistCells: [(hour: Int64, blocklist: Blocklist, count: Int)] {
    lists.entries.map { (Int64($0.key >> 8), Blocklist.allCases[Int($0.key & 0xFF)], $0.count) }
  }

  /// The most frequent reply text from `domain` for `reason` (among the first distinct ones
  /// kept; ties go to the first seen), or nil.
  public func example(domain: Int32, reason: Reason) -> String? {
    exampleCandidates(domain: domain, reason: reason).first?.text
  }

  /// The kept reply texts from `domain` for `reason` with their line counts, most frequent
  /// first (ties: first seen first).
  public func exampleCandidates(domain: Int32, reason: Reason) -> [(text: String, count: Int)] {
    let key = UInt64(UInt32(bitPattern: domain)) << 8 | UInt64(reason.ordinal)
    let kept = examples.texts(key)
    guard !kept.isEmpty else { return [] }
    let counted = kept.enumerated().map { (k, e) in (k, e.text, exampleCounts[ShapeKey(key, e.shape), default: 0]) }
    return counted.sorted { ($0.2, -$0.0) > ($1.2, -$1.0) }.map { ($0.1, $0.2) }
  }

  /// Adds `count` lines to a cell (tests and merging).
  public mutating func add(_ key: DomainHourKey, count: Int = 1) {
    let d = Int(key.domain)
    if d < folded.count, folded[d] != 0 {
      addOther(key, provider: folded[d], count: count)
      return
    }
    if key.hour != currentHour {
      flush()
      currentHour = key.hour
    }
    current.add(key.packed, count)
  }

  /// Adds `count` lines to a code cell.
  public mutating func add(_ key: CodeHourKey, count: Int = 1) {
    codes.add(key.packed, count)
  }

  /// Adds `count` outbound replies naming `list` in `hour`.
  public mutating func add(blocklist list: Blocklist, hour: Int64, count: Int = 1) {
    let index = UInt64(Blocklist.allCases.firstIndex(of: list) ?? 0)
    lists.add(UInt64(hour) << 8 | index, count)
  }

  /// Counts one reply of `shape` (see `ReplyShape`) from `domain` for `reason`, and keeps its
  /// text while fewer than `examplesKept` distinct ones are kept. The text is made only then.
  public mutating func noteExample(
    domain: Int32, reason: Reason, shape: UInt64, text: @autoclosure () -> String
  ) {
    if isExampleDropped(domain) { return }
    let key = UInt64(UInt32(bitPattern: domain)) << 8 | UInt64(reason.ordinal)
    // A shape counted before was kept then, or its key already had all its texts (keys only
    // gain texts; a pruned count comes back as new): either way there is nothing to keep, and
    // most failed lines repeat a shape, so they skip the walk over the key's texts.
    guard exampleCounts.add(key, shape) else { return }
    if exampleCounts.count > shapePruneAt { pruneShapeCounts() }
    let kept = examples.status(key, shape: shape)
    if kept.count >= DomainHours.examplesKept || kept.hasShape { return }
    var text = text()
    if text.utf8.count > DomainHours.exampleLength {
      // Cut at a character boundary: back off UTF-8 continuation bytes (10xxxxxx).
      let utf8 = Array(text.utf8)
      var end = DomainHours.exampleLength
      while end > 0, utf8[end] & 0xC0 == 0x80 { end -= 1 }
      text = String(decoding: utf8[..<end], as: UTF8.self)
    }
    examples.append(key, shape: shape, text: text)
  }

  /// Joins `later` (whose domain IDs `domainMap` translates; empty means already ours).
  public mutating func merge(_ later: DomainHours, domainMap: [Int32]) {
    flush()
    // A domain the later piece folded is folded here too, so its cells stay in one place.
    var newly: [Int32: UInt8] = [:]
    for (d, p) in later.folded.enumerated() where p != 0 {
      let mine = domainMap.isEmpty ? Int32(d) : domainMap[d]
      if !isFolded(mine) { newly[mine] = p }
    }
    if !newly.isEmpty { fold(newly) }
    // Room first: `later`'s cells come in its slot order, and added in that order to a smaller
    // table they would pile into long probe runs (quadratic; see CountTable.reserveCapacity).
    cells.reserveCapacity(cells.count + later.cells.count + later.current.count)
    later.forEachCell { k, c in
      var key = DomainHourKey(packed: k)
      if !domainMap.isEmpty { key.domain = domainMap[Int(key.domain)] }
      let d = Int(key.domain)
      if d < folded.count, folded[d] != 0 {
        addOther(key, provider: folded[d], count: c)
      } else {
        cells.add(key.packed, c)
      }
    }
    other.merge(later.other)
    codes.merge(later.codes)
    lists.merge(later.lists)
    // A domain whose texts either side dropped keeps none here either (as with folding).
    var dropped: [Int32] = []
    for (d, isDropped) in later.examplesDropped.enumerated() where isDropped {
      dropped.append(domainMap.isEmpty ? Int32(d) : domainMap[d])
    }
    if !dropped.isEmpty { dropExamples(of: dropped) }
    for k in later.examples.keys {
      var key = k
      if !domainMap.isEmpty {
        key = UInt64(UInt32(bitPattern: domainMap[Int(k >> 8)])) << 8 | (k & 0xFF)
      }
      if isExampleDropped(Int32(truncatingIfNeeded: key >> 8)) { continue }
      examples.append(from: later.examples, k, as: key, limit: DomainHours.examplesKept)
    }
    mergeShapeCounts(later.exampleCounts, domainMap: domainMap)
  }

  /// Adds `later`'s shape counts (after `examples` was merged), giving what adding them all
  /// and then `pruneShapeCounts()` would, without holding the sum of both tables first: the
  /// keys the join would hold are counted, and when they pass `shapePruneAt` only the kept
  /// texts' counts are added up into a new table. (The full join at the bound held twice the
  /// budget's table, 6 MB, before the prune.)
  /// - Complexity: O(counts of both sides); allocates at most the joined table.
  mutating func mergeShapeCounts(_ later: ShapeCounts, domainMap: [Int32]) {
    @inline(__always) func ours(_ key: UInt64) -> UInt64 {
      domainMap.isEmpty ? key : UInt64(UInt32(bitPattern: domainMap[Int(key >> 8)])) << 8 | (key & 0xFF)
    }
    var joined = exampleCounts.count
    later.forEach { k, _ in
      let key = ours(k.key)
      if !isExampleDropped(key: key), exampleCounts[ShapeKey(key, k.shape)] == nil { joined += 1 }
    }
    guard joined > shapePruneAt else {
      exampleCounts.reserveCapacity(joined)
      later.forEach { k, n in
        let key = ours(k.key)
        if !isExampleDropped(key: key) { exampleCounts.add(key, k.shape, n) }
      }
      return
    }
    var kept = ShapeCounts()
    examples.forEachShape { key, shape in
      if let n = exampleCounts[ShapeKey(key, shape)] { kept.add(key, shape, n) }
    }
    later.forEach { k, n in
      let key = ours(k.key)
      if examples.contains(key, shape: k.shape) { kept.add(key, k.shape, n) }
    }
    exampleCounts = kept
    shapePruneAt = Swift.max(shapeCountBudget, 2 * kept.count)
  }

  /// Drops the counts of reply shapes whose text is not kept: only the kept texts' counts
  /// decide which example is shown, and shapes (one per relay host named in a reply) grow
  /// with the log. Exact until more than `shapeCountBudget` counts are held.
  /// - Complexity: O(counts); runs once per `shapeCountBudget / 2` new shapes at most.
  mutating func pruneShapeCounts() {
    var kept = ShapeCounts()
    examples.forEachShape { key, shape in
      if let n = exampleCounts[ShapeKey(key, shape)] { kept.add(key, shape, n) }
    }
    exampleCounts = kept
    shapePruneAt = Swift.max(shapeCountBudget, 2 * kept.count)
  }
}

extension DomainHours {
  /// Equal when the same cells hold the same counts, however they are split between the hour
  /// being read and the rest.
  public static func == (a: DomainHours, b: DomainHours) -> Bool {
    a.allCells == b.allCells && a.codes == b.codes && a.lists == b.lists && a.examples == b.examples
      && a.exampleCounts == b.exampleCounts && a.other == b.other && a.foldedDomains == b.foldedDomains
      && a.examplesDroppedDomains == b.examplesDroppedDomains
  }
}

/// A (domain << 8 | reason ordinal, reply shape) pair: the key of `DomainHours.exampleCounts`.
struct ShapeKey: Sendable, Hashable {
  var key: UInt64
  var shape: UInt64

  init(_ key: UInt64, _ shape: UInt64) {
    self.key = key
    self.shape = shape
  }
}

/// One kept reply text and its shape (see `ReplyShape`).
struct ExampleText: Sendable, Equatable {
  var shape: UInt64
  var text: String
}
