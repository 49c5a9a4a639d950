/// Counts (and byte sizes) per name — client IPs, user names, addresses, message groups —
/// interned so a name already seen allocates nothing.
///
/// With a `capacity` it is a bounded heavy-hitter summary (Space-Saving with batch pruning):
/// exact while the distinct names fit; past that the least counted names are dropped and each
/// name carries an error bound, so memory stays flat however many names a log has. Without
/// one it is exact and grows with its names. Merges add counts (and error bounds); each name
/// keeps the first example seen in input order.
public struct NamedCounts: Sendable {
  public internal(set) var names = Interner()
  /// Per name: its count, exact while `isExact`; otherwise an upper bound, and the true count
  /// is at least `count - countError(id)`.
  public internal(set) var counts: [Int] = []
  /// Per name: its bytes, bounded like `counts` (`bytesError(id)`).
  public internal(set) var bytes: [Int] = []
  /// One example text per name (the first seen), when the caller keeps one; shorter than
  /// `counts` (nothing past its end has an example), and empty for tables that keep none, so
  /// an address table does not pay 16 bytes a name for examples it never has.
  var exampleTexts: [String?] = []
  /// Per-name error bounds (count, bytes); empty while every bound is 0, else shorter than
  /// `counts` where the rest are 0.
  var countErrors: [Int] = []
  var bytesErrors: [Int] = []

  /// Most names held before the least counted are dropped; nil: every name, exactly.
  public let capacity: Int?
  /// Size at which the next prune runs: the capacity, or twice what the last prune kept when
  /// the owner held so many names that it could not get below half of it (so pruning stays
  /// amortised O(log n) a name).
  var pruneAt = Int.max
  /// True when the owner prunes (it holds IDs elsewhere and must translate them): `add` and
  /// `merge` then never drop names themselves (see `needsPruning`, `prune(keeping:)`).
  public let prunedByOwner: Bool
  /// A name not in the table was counted at most this often (0 while nothing was dropped).
  public internal(set) var countFloor = 0
  /// A name not in the table had at most this many bytes.
  public internal(set) var bytesFloor = 0
  /// False once a name with a count or bytes was dropped (here or in a merged table): the
  /// counts are then bounds, not exact values.
  public internal(set) var isExact = true
  /// Every count and byte added, dropped names included (exact).
  public internal(set) var totalCount = 0
  public internal(set) var totalBytes = 0
  /// Names with a count that were dropped (a lower bound on how many distinct names there were
  /// beyond those listed: a dropped name may come back).
  public internal(set) var droppedNames = 0

  /// An exact table that grows with its names.
  public init() {
    capacity = nil
    prunedByOwner = false
  }

  /// A bounded table of at most `capacity` names (more while the owner holds IDs, see
  /// `prunedByOwner`), exact until more distinct names than that arrive.
  public init(capacity: Int, prunedByOwner: Bool = false) {
    precondition(capacity >= 2, "a bounded table keeps at least two names")
    self.capacity = capacity
    self.prunedByOwner = prunedByOwner
    pruneAt = capacity
  }

  /// The default bound of the address and client tables: 8,192 names, about 1 MB.
  public static let defaultCapacity = 8_192

  /// The example kept for `id`, if any.
  public func example(_ id: Int32) -> String? {
    Int(id) < exampleTexts.count ? exampleTexts[Int(id)] : nil
  }

  /// Keeps `text` as the example of `id` unless it has one.
  mutating func setExample(_ id: Int, _ text: String?) {
    guard let text, example(Int32(id)) == nil else { return }
    if exampleTexts.count <= id {
      exampleTexts.append(contentsOf: repeatElement(nil, count: id + 1 - exampleTexts.count))
    }
    exampleTexts[id] = text
  }

  public var count: Int { counts.count }
  public var isEmpty: Bool { counts.isEmpty }

  /// Adds `n` (and `size` bytes) to `name`; `example` is made only for a new name.
  @discardableResult
  public mutating func add(
    _ name: UnsafeRawBufferPointer, _ n: Int = 1, size: Int = 0, example: (() -> String)? = nil
  ) -> Int32 {
    add(name, hash: Interner.hash(name), n, size: size, example: example)
  }

  /// The same, given `h == Interner.hash(name)` (an event's name comes hashed).
  @inline(__always)
  mutating func add(
    _ name: UnsafeRawBufferPointer, hash h: UInt64, _ n: Int, size: Int, example: (() -> String)?
  ) -> Int32 {
    let id = names.intern(name, hash: h)
    if Int(id) == counts.count {
      appendEntry(countError: countFloor, bytesError: bytesFloor)
      if let example { setExample(Int(id), example()) }
    }
    counts[Int(id)] += n
    bytes[Int(id)] += size
    totalCount += n
    totalBytes += size
    if !prunedByOwner, counts.count > pruneAt {
      let map = prune(keeping: nil)
      return map[Int(id)]
    }
    return id
  }

  /// Adds a name given as a `String` (restoring saved reports, tests); returns its ID.
  @discardableResult
  public mutating func add(_ name: String, _ n: Int, size: Int = 0, example: String? = nil) -> Int32 {
    var s = name
    // Safe because: the UTF-8 view lives for the closure, and `add` copies the name (and calls
    // the example closure) before it returns.
    return s.withUTF8 { u in add(UnsafeRawBufferPointer(u), n, size: size, example: example.map { e in { e } }) }
  }

  /// Adds bytes to the name with ID `id`.
  mutating func addBytes(_ id: Int32, _ n: Int) {
    bytes[Int(id)] += n
    totalBytes += n
  }

  /// Adds one message of `bytes` to the name with ID `id`.
  mutating func addMessage(_ id: Int32, bytes n: Int) {
    counts[Int(id)] += 1
    bytes[Int(id)] += n
    totalCount += 1
    totalBytes += n
  }

  /// Every name with its count, bytes and example, sorted by name (for stable output).
  public var entries: [(name: String, count: Int, bytes: Int, example: String?)] {
    (0..<counts.count).map { (names.string(Int32($0)), counts[$0], bytes[$0], example(Int32($0))) }
      .sorted { $0.name < $1.name }
  }

  /// Every ID, in name order (see `Interner.sortedIDs`).
  public var sortedIDs: [Int32] { names.sortedIDs }

  /// The `n` names with the highest count (ties by name), or by bytes with `bySize`. Only the
  /// names shown are made into `String`s: one per address would be millions.
  public func top(_ n: Int, bySize: Bool = false) -> [(name: String, count: Int, bytes: Int, example: String?)] {
    let key = bySize ? bytes : counts
    var best: [Int32] = []
    for id in 0..<Int32(counts.count) {
      // Keep the n best so far, best first: most are rejected by one comparison.
      if best.count == n, let last = best.last, !before(id, last, key) { continue }
      var i = best.count
      while i > 0, before(id, best[i - 1], key) { i -= 1 }
      best.insert(id, at: i)
      if best.count > n { best.removeLast() }
    }
    return best.map { (names.string($0), counts[Int($0)], bytes[Int($0)], example($0)) }
  }

  /// IDs of the names with a count or bytes, highest count (or bytes, with `bySize`) first,
  /// ties by name: no `String` is made for ASCII names.
  public func ranked(bySize: Bool = false) -> [Int32] {
    let key = bySize ? bytes : counts
    return (0..<Int32(counts.count)).filter { counts[Int($0)] > 0 || bytes[Int($0)] > 0 }
      .sorted { before($0, $1, key) }
  }

  /// How many names have a count, and how many distinct domains (the part after the last
  /// `@`, the whole name without one) they are at.
  public var distinctNamesAndDomains: (names: Int, domains: Int) {
    var domains = Interner()
    var n = 0
    for id in 0..<Int32(counts.count) where counts[Int(id)] > 0 {
      n += 1
      names.withBytes(id) { b in
        let at = b.lastIndex(of: UInt8(ascii: "@")).map { $0 + 1 } ?? 0
        // Safe because: `b[at...]` is a checked slice of the name's bytes, which `intern`
        // copies before `withBytes` returns.
        _ = domains.intern(UnsafeRawBufferPointer(rebasing: b[at...]))
      }
    }
    return (n, domains.count)
  }

  /// True when `a` ranks before `b`: a higher `key`, ties by name.
  private func before(_ a: Int32, _ b: Int32, _ key: [Int]) -> Bool {
    let x = key[Int(a)]
    let y = key[Int(b)]
    return x != y ? x > y : names.less(a, b)
  }
}

extension NamedCounts: Equatable {
  /// Same names, counts, bytes, examples and error bounds (IDs and capacity aside).
  public static func == (a: NamedCounts, b: NamedCounts) -> Bool {
    guard a.isExact == b.isExact, a.countFloor == b.countFloor, a.bytesFloor == b.bytesFloor else { return false }
    let x = a.entries
    let y = b.entries
    guard x.count == y.count else { return false }
    for (p, q) in zip(x, y) where p.name != q.name || p.count != q.count || p.bytes != q.bytes || p.example != q.example {
      return false
    }
    let ex = a.sortedIDs.map { (a.countError($0), a.bytesError($0)) }
    let ey = b.sortedIDs.map { (b.countError($0), b.bytesError($0)) }
    return ex.elementsEqual(ey) { $0 == $1 }
  }
}
