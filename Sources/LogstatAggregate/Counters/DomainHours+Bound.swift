import LogstatClassify

/// Bounding `DomainHours`: once more than `cellBudget` (hour, domain, status, reason) cells
/// are held, the least active domains (fewest delivery lines so far; ties: the later seen
/// first) are folded until half the budget is left. A folded domain keeps its counters,
/// examples and totals; its hour cells, then and from then on, are counted per (hour,
/// provider, status, reason) in `other`, the "other domains" row of each hour. So the hour
/// series of the busiest domains stay exact, every provider's series stays whole, and the
/// cells held no longer grow with domains × hours.
///
/// Exact while the cells fit (every small log, every golden file). Which domains fold
/// depends only on the input order; merging folds on both sides whatever either folded.
extension DomainHours {
  /// The default bound: 65,536 cells, a table of about 2 MB.
  public static let defaultCellBudget = 1 << 16

  /// True when more cells are held than the budget allows (checked as an hour is closed).
  @inline(__always) public var needsFolding: Bool { cells.count > cellBudget }

  /// True once any domain's cells were folded into the "other domains" cells.
  public var isExact: Bool { foldedDomains == 0 }

  /// How many domains have their cells folded.
  public var foldedDomains: Int { folded.reduce(0) { $0 + ($1 != 0 ? 1 : 0) } }

  /// True when `domain`'s cells are folded into the "other domains" cells.
  @inline(__always) public func isFolded(_ domain: Int32) -> Bool {
    Int(domain) < folded.count && folded[Int(domain)] != 0
  }

  /// Calls `body` with every "other domains" cell: (hour, provider of the folded domains,
  /// status, reason) and its delivery lines, in no particular order.
  public func forEachOtherCell(_ body: (_ key: DomainHourKey, _ provider: Provider, _ count: Int) -> Void) {
    other.forEach { k, n in
      let key = DomainHourKey(packed: k)
      body(key, Provider.allCases[Int(key.domain)], n)
    }
  }

  /// Adds `count` lines of a folded domain to the "other domains" cell of its provider
  /// (`provider` is the index in `Provider.allCases` + 1).
  @inline(__always)
  mutating func addOther(_ key: DomainHourKey, provider: UInt8, count: Int) {
    var k = key
    k.domain = Int32(provider) - 1
    other.add(k.packed, count)
  }

  /// Adds an "other domains" cell (decoding).
  mutating func addOther(_ key: DomainHourKey, provider: Provider, count: Int) {
    addOther(key, provider: Self.providerCode(provider), count: count)
  }

  /// Folds `domain` (a decoded domain that was folded where it was counted).
  mutating func markFolded(_ domain: Int32, provider: Provider) {
    guard !isFolded(domain) else { return }
    fold([domain: Self.providerCode(provider)])
  }

  static func providerCode(_ p: Provider) -> UInt8 {
    UInt8((Provider.allCases.firstIndex(of: p) ?? 0) + 1)
  }

  /// Folds the least active domains until at most `cellBudget / 2` cells are left.
  /// - Parameters:
  ///   - weight: a domain's delivery lines so far (the less, the sooner it folds).
  ///   - provider: the provider a domain's cells are counted under once folded.
  /// - Complexity: O(cells + domains log domains); runs once per `cellBudget / 2` new cells.
  mutating func foldLeastActive(weight: (Int32) -> Int, provider: (Int32) -> Provider) {
    flush()
    var perDomain: [Int32: Int] = [:]
    cells.forEach { k, _ in perDomain[DomainHourKey(packed: k).domain, default: 0] += 1 }
    let order = perDomain.keys.map { ($0, weight($0)) }.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 > $1.0 }
    var left = cells.count
    var chosen: [Int32: UInt8] = [:]
    for (d, _) in order where left > cellBudget / 2 {
      chosen[d] = Self.providerCode(provider(d))
      left -= perDomain[d] ?? 0
    }
    fold(chosen)
  }

  /// Marks `domains` folded (with their provider codes) and moves their cells into `other`.
  mutating func fold(_ domains: [Int32: UInt8]) {
    flush()
    guard let top = domains.keys.max() else { return }
    if folded.count <= Int(top) { folded.append(contentsOf: repeatElement(0, count: Int(top) + 1 - folded.count)) }
    for (d, p) in domains { folded[Int(d)] = p }
    // Room first: keys copied in `cells`' slot order into a smaller table pile into long runs.
    var kept = CountTable()
    kept.reserveCapacity(cells.count)
    cells.forEach { k, n in
      let key = DomainHourKey(packed: k)
      let d = Int(key.domain)
      if d < folded.count, folded[d] != 0 {
        addOther(key, provider: folded[d], count: n)
      } else {
        kept.add(k, n)
      }
    }
    cells = kept
  }
}

extension AggregateCounts {
  /// Folds the least active domains' hour cells when more are held than the bound allows
  /// (see `DomainHours+Bound`): by delivery lines so far, under each domain's provider.
  mutating func boundHourCells() {
    guard domainHours.needsFolding else { return }
    let counters = domainCounters
    let providers = domainProviders
    domainHours.foldLeastActive(
      weight: { Int($0) < counters.count ? counters[Int($0)].attempts : 0 },
      provider: { Int($0) < providers.count ? providers[Int($0)] : .none })
  }
}
