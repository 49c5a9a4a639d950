/// Counts (and byte sizes) per name — client IPs, user names, addresses, message groups —
/// interned so a name already seen allocates nothing. Merges exactly: counts add, and each
/// name keeps the first example seen in input order.
public struct NamedCounts: Sendable {
  public private(set) var names = Interner()
  public private(set) var counts: [Int] = []
  public private(set) var bytes: [Int] = []
  /// One example text per name (the first seen), when the caller keeps one.
  public private(set) var examples: [String?] = []

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
      examples.append(example?())
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
        examples.append(nil)
      }
      counts[mine] += o.counts[id]
      bytes[mine] += o.bytes[id]
      if examples[mine] == nil { examples[mine] = o.examples[id] }
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
    (0..<counts.count).map { (names.string(Int32($0)), counts[$0], bytes[$0], examples[$0]) }
      .sorted { $0.name < $1.name }
  }

  /// The `n` names with the highest count (ties by name), or by bytes with `bySize`.
  public func top(_ n: Int, bySize: Bool = false) -> [(name: String, count: Int, bytes: Int, example: String?)] {
    let all = entries
    let sorted = all.sorted {
      let a = bySize ? $0.bytes : $0.count
      let b = bySize ? $1.bytes : $1.count
      return a != b ? a > b : $0.name < $1.name
    }
    return Array(sorted.prefix(n))
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
