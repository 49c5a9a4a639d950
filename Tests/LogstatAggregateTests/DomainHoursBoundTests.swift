import LogstatClassify
import Testing

@testable import LogstatAggregate

/// The hour cells keep the busiest domains' series exact and fold the least active domains
/// into per-provider "other domains" cells once more than the budget are held.
@Suite struct DomainHoursBoundTests {
  /// Domain d gets `lines[d]` sent lines spread over `hours` hours, and one deferral.
  static func fill(_ h: inout DomainHours, lines: [Int], hours: Int64) {
    for (d, n) in lines.enumerated() {
      for k in 0..<n {
        h.add(DomainHourKey(hour: 1000 + Int64(k) % hours, domain: Int32(d), status: .sent, reason: nil))
      }
      h.add(DomainHourKey(hour: 1000, domain: Int32(d), status: .deferred, reason: .greylisted))
    }
    h.flush()
  }

  static func total(_ h: DomainHours) -> Int {
    var n = 0
    h.forEachDomainCell { _, c in n += c }
    h.forEachOtherCell { _, _, c in n += c }
    return n
  }

  @Test func exactWhileTheCellsFit() {
    var h = DomainHours()
    Self.fill(&h, lines: [40, 3, 7], hours: 10)
    #expect(!h.needsFolding)
    #expect(h.isExact)
    #expect(h.cellCount == 10 + 3 + 7 + 3)
  }

  @Test func foldsTheLeastActiveDomainsUnderTheirProvider() {
    var h = DomainHours()
    h.cellBudget = 16
    // Domain 0: 40 lines in 10 hours (11 cells); 1: 3 lines (4 cells); 2: 7 lines (8 cells).
    Self.fill(&h, lines: [40, 3, 7], hours: 10)
    #expect(h.needsFolding)
    let providers: [Provider] = [.google, .microsoft, .none]
    h.foldLeastActive(weight: { [40, 3, 7][Int($0)] }, provider: { providers[Int($0)] })
    // 23 cells > 8: domain 1 (4 cells) then domain 2 (8) fold; 11 > 8 still, so domain 0 too.
    #expect(h.foldedDomains == 3)
    #expect(Self.total(h) == 40 + 3 + 7 + 3)
    var other: [Provider: Int] = [:]
    h.forEachOtherCell { _, p, c in other[p, default: 0] += c }
    #expect(other == [.google: 41, .microsoft: 4, .none: 8])
  }

  @Test func keepsTheBusiestDomainsExact() {
    var h = DomainHours()
    h.cellBudget = 24
    Self.fill(&h, lines: [40, 3, 7, 2], hours: 10)  // 11 + 4 + 8 + 3 = 26 cells
    h.foldLeastActive(weight: { [40, 3, 7, 2][Int($0)] }, provider: { _ in .yahoo })
    // Least active first: domain 3 (3 cells), 1 (4), 2 (8): 11 left ≤ 12.
    #expect(h.isFolded(1) && h.isFolded(2) && h.isFolded(3) && !h.isFolded(0))
    var kept = 0
    h.forEachDomainCell { key, c in
      #expect(key.domain == 0)
      kept += c
    }
    #expect(kept == 41)
    // A folded domain's later lines go to its provider's cells.
    h.add(DomainHourKey(hour: 2000, domain: 2, status: .bounced, reason: .userUnknown))
    h.flush()
    var late = 0
    h.forEachOtherCell { key, p, c in if key.hour == 2000 { late += c; #expect(p == .yahoo) } }
    #expect(late == 1)
    #expect(Self.total(h) == 40 + 3 + 7 + 2 + 4 + 1)
  }

  @Test func mergeFoldsWhatEitherSideFolded() {
    var a = DomainHours()
    Self.fill(&a, lines: [5, 5], hours: 5)
    var b = DomainHours()
    Self.fill(&b, lines: [5, 1], hours: 5)
    b.fold([1: DomainHours.providerCode(.google)])
    #expect(b.isFolded(1) && !b.isFolded(0))
    // b's domain 1 is a's domain 0.
    a.merge(b, domainMap: [1, 0])
    #expect(a.isFolded(0) && !a.isFolded(1))
    #expect(Self.total(a) == 6 + 6 + 6 + 2)
    var other = 0
    a.forEachOtherCell { _, p, c in
      #expect(p == .google)
      other += c
    }
    #expect(other == 6 + 2)
  }
}
