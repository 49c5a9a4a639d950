/// Counts (and byte sizes) per name — client IPs, user names, addresses, message groups —
/// interned so a name already seen allocates nothing. Merges exactly: counts add, and each
/// name keeps the first example seen in input order.
public struct NamedCounts: Sendable {
  public private(set) var names = Interner()
  public private(set) var counts: [Int] = []
  public private(set) var bytes: [Int] = []
  /// One example text per name (the first seen), when the caller keeps one; shorter than
  /// `counts` (nothing past its end has an example), and empty for tables that keep none, so
  /// an address table does not pay 16 bytes a name for examples it never has.
  private var exampleTexts: [String?] = []

  /// The example kept for `id`, if any.
  public func example(_ id: Int32) -> String? {
    Int(id) < exampleTexts.count ? exampleTexts[Int(id)] : nil
  }

  /// Keeps `text` as the example of `id` unless it has one.
  private mutating func setExample(_ id: Int, _ text: String?) {
    guard let text, example(Int32(id)) == nil else { return }
    if exampleTexts.count <= id {
      exampleTexts.append(contentsOf: repeatElement(nil, count: id + 1 - exampleTexts.count))
    }
    exampleTexts[id] = text
  }

  public init() {}

  public var count: Int { counts.count }
  public var isEmpty: Bool { counts.isEmpty }

  /// Adds `n` (and `size` bytes) to `name`; `example` is made only for a new name.
  @discardableResult
  public mutating func add(
    _ name: UnsafeRawBufferPointer, _ n: Int = 1, size: Int = 0, example: (() -> String)? = nil
  ) -> Int32 {
    let id = names.intern(name)
    if Int(id) == counts.count {
      counts.append(0)
      bytes.append(0)
      if let example { setExample(Int(id), example()) }
    }
    counts[Int(id)] += n
    bytes[Int(id)] += size
    return id
  }

  /// Adds a name given as a `String` (restoring saved reports, tests).
  public mutating func add(_ name: String, _ n: Int, size: Int = 0, example: String? = nil) {
    var s = name
    s.withUTF8 { u in add(UnsafeRawBufferPointer(u), n, size: size, example: example.map { e in { e } }) }
  }

  /// Adds `o`; returns the map from `o`'s IDs to ours.
  @discardableResult
  public mutating func merge(_ o: NamedCounts) -> [Int32] {
    var map = [Int32](repeating: 0, count: o.counts.count)
    for id in 0..<o.counts.count {
      let mine = Int(names.intern(Int32(id), of: o.names))
      if mine == counts.count {
        counts.append(0)
        bytes.append(0)
      }
      counts[mine] += o.counts[id]
      bytes[mine] += o.bytes[id]
      setExample(mine, o.example(Int32(id)))
      map[id] = Int32(mine)
    }
    return map
  }

  /// Adds bytes to the name with ID `id`.
  mutating func addBytes(_ id: Int32, _ n: Int) { bytes[Int(id)] += n }

  /// Adds one message of `bytes` to the name with ID `id`.
  mutating func addMessage(_ id: Int32, bytes n: Int) {
    counts[Int(id)] += 1
    bytes[Int(id)] += n
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
  public static func == (a: NamedCounts, b: NamedCounts) -> Bool {
    let x = a.entries
    let y = b.entries
    guard x.count == y.count else { return false }
    for (p, q) in zip(x, y) where p.name != q.name || p.count != q.count || p.bytes != q.bytes || p.example != q.example {
      return false
    }
    return true
  }
}
