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

/// Counts per `Reason`, indexed by ordinal: no hashing per line.
///
/// The array is made on the first count: two of these live in every recipient domain's
/// counters, and most domains of a long tail never defer or fail (an array of every reason
/// per domain was ~900 bytes of the ~3.5 KB a domain cost).
public struct ReasonCounts: Sendable {
  /// Per `Reason.ordinal`; empty while every count is 0.
  public private(set) var counts: [Int] = []

  public init() {}

  public subscript(_ reason: Reason) -> Int {
    get { counts.isEmpty ? 0 : counts[reason.ordinal] }
    set { add(ordinal: reason.ordinal, newValue - self[reason]) }
  }

  /// Adds `n` to the count of the reason with `ordinal`.
  @inline(__always) public mutating func add(ordinal: Int, _ n: Int = 1) {
    if counts.isEmpty {
      guard n != 0 else { return }
      counts = [Int](repeating: 0, count: Reason.allCases.count)
    }
    counts[ordinal] += n
  }

  public var total: Int { counts.reduce(0, +) }

  /// The reason with the highest count (ties: declaration order), or nil when all are zero.
  public var top: Reason? {
    var best = -1
    var bestCount = 0
    for (k, c) in counts.enumerated() where c > bestCount {
      best = k
      bestCount = c
    }
    return best < 0 ? nil : Reason.at(best)
  }

  public mutating func merge(_ o: ReasonCounts) {
    guard !o.counts.isEmpty else { return }
    if counts.isEmpty {
      counts = o.counts
      return
    }
    for k in counts.indices { counts[k] += o.counts[k] }
  }
}

extension ReasonCounts: Equatable {
  /// Equal when every reason has the same count (an unused value equals one of zeros).
  public static func == (a: ReasonCounts, b: ReasonCounts) -> Bool {
    if a.counts.isEmpty || b.counts.isEmpty { return a.counts.allSatisfy { $0 == 0 } && b.counts.allSatisfy { $0 == 0 } }
    return a.counts == b.counts
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

  /// `text` cut to at most `maximumBytes` UTF-8 bytes (with the `…`).
  public static func capped(_ text: String) -> String {
    guard text.utf8.count > maximumBytes else { return text }
    var copy = text
    return copy.withUTF8 { capped(UnsafeRawBufferPointer($0)) }
  }

  /// The bytes as text, cut to at most `maximumBytes` UTF-8 bytes (with the `…`) at a
  /// character boundary: no String of the whole reply is made.
  public static func capped(_ bytes: UnsafeRawBufferPointer) -> String {
    guard bytes.count > maximumBytes else { return String(decoding: bytes, as: UTF8.self) }
    let ellipsis = "…"
    var end = maximumBytes - ellipsis.utf8.count
    // Back off continuation bytes (10xxxxxx) so a character is not cut in two.
    while end > 0, bytes[end] & 0xC0 == 0x80 { end -= 1 }
    return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[..<end]), as: UTF8.self) + ellipsis
  }
}
