import Foundation
import LogstatClassify
import Testing

@testable import LogstatAggregate

/// The kept reply texts stay within their byte budget: the least failing domains lose their
/// texts and shape counts (and keep none from then on), the busiest keep theirs exactly.
@Suite struct ExampleBoundTests {
  /// A text of `n` bytes that says which domain and shape it is.
  static func text(_ d: Int, _ shape: Int, bytes n: Int) -> String {
    let head = "450 4.2.0 domain \(d) shape \(shape) "
    return head + String(repeating: "x", count: Swift.max(0, n - head.utf8.count))
  }

  /// Domain d gets `shapes[d]` distinct texts of 100 bytes for `reason`, each counted once.
  static func fill(_ h: inout DomainHours, shapes: [Int], reason: Reason = .greylisted) {
    for (d, n) in shapes.enumerated() {
      for s in 0..<n {
        h.noteExample(
          domain: Int32(d), reason: reason, shape: UInt64(d * 100 + s + 1), text: text(d, s, bytes: 100))
      }
    }
  }

  static func kept(_ h: DomainHours, _ d: Int32, _ reason: Reason = .greylisted) -> Int {
    h.exampleCandidates(domain: d, reason: reason).count
  }

  @Test func exactWhileTheTextsFit() {
    var h = DomainHours()
    h.exampleByteBudget = 1_000
    Self.fill(&h, shapes: [4, 3, 2])  // 900 bytes
    #expect(!h.needsExampleBound)
    #expect(h.examplesDroppedDomains == 0)
    #expect(Self.kept(h, 0) == 4 && Self.kept(h, 1) == 3 && Self.kept(h, 2) == 2)
  }

  @Test func dropsTheLeastFailingDomainsUntilHalfIsLeft() {
    var h = DomainHours()
    h.exampleByteBudget = 600
    Self.fill(&h, shapes: [4, 3, 2])  // 400 + 300 + 200 bytes
    #expect(h.needsExampleBound)
    // Failing lines: domain 0 the most, then 2, then 1.
    h.dropLeastFailingExamples { [50, 5, 9][Int($0)] }
    // 900 > 300: domain 1 (300) goes, 600 > 300: domain 2 (200) goes; 400 > 300: domain 0 too.
    #expect(h.examplesDroppedDomains == 3)
    #expect(h.examples.byteCount == 0)
    #expect(h.exampleCounts.count == 0)
  }

  @Test func keepsTheBusiestDomainsTextsAndCounts() {
    var h = DomainHours()
    h.exampleByteBudget = 1_000
    Self.fill(&h, shapes: [4, 3, 2, 2])  // 1,100 bytes
    h.noteExample(domain: 0, reason: .greylisted, shape: 1, text: Self.text(0, 0, bytes: 100))
    h.dropLeastFailingExamples { [50, 5, 9, 5][Int($0)] }
    // Ties (1 and 3 at 5): the later seen first. 1,100: domain 3 (200) -> 900, domain 1
    // (300) -> 600, domain 2 (200) -> 400 <= 500.
    #expect(h.isExampleDropped(3) && h.isExampleDropped(1) && h.isExampleDropped(2))
    #expect(!h.isExampleDropped(0))
    #expect(h.examples.byteCount == 400)
    let zero = h.exampleCandidates(domain: 0, reason: .greylisted)
    #expect(zero.map(\.count) == [2, 1, 1, 1])
    #expect(zero.first?.text == Self.text(0, 0, bytes: 100))
    // A dropped domain keeps nothing from then on, counts included.
    h.noteExample(domain: 1, reason: .userUnknown, shape: 7, text: "550 5.1.1 no such user")
    #expect(Self.kept(h, 1, .userUnknown) == 0)
    #expect(h.exampleCounts.count == 4)
  }

  @Test func mergeDropsWhatEitherSideDropped() {
    var a = DomainHours()
    Self.fill(&a, shapes: [2, 2])
    var b = DomainHours()
    Self.fill(&b, shapes: [1, 1])
    b.dropExamples(of: [1])
    // b's domain 1 is a's domain 0, b's domain 0 is a's domain 1.
    a.merge(b, domainMap: [1, 0])
    #expect(a.isExampleDropped(0) && !a.isExampleDropped(1))
    #expect(Self.kept(a, 0) == 0)
    // a's domain 1 kept its two texts and gained b's domain 0 text (another shape).
    #expect(Self.kept(a, 1) == 3)
    // Merging into a side that dropped nothing keeps the mark too.
    var c = DomainHours()
    c.merge(a, domainMap: [])
    #expect(c.isExampleDropped(0) && Self.kept(c, 1) == 3)
  }

  @Test func theMarkRoundTripsThroughTheCountsEncoding() throws {
    var counts = CountsCodableTests.fixed
    let ids = counts.domainEntryIDs().filter { id in
      Reason.allCases.contains { !counts.domainHours.exampleCandidates(domain: id, reason: $0).isEmpty }
    }
    let victim = try #require(ids.first)
    counts.domainHours.dropExamples(of: [victim])
    let data = try CountsCodableTests.encoder().encode(counts)
    let doc = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let domains = try #require(doc["domains"] as? [[String: Any]])
    let marked = domains.filter { $0["reply_examples_dropped"] as? Bool == true }
    #expect(marked.map { $0["name"] as? String } == [counts.domains.string(victim)])
    #expect((marked.first?["reply_examples"] as? [Any])?.isEmpty == true)
    let decoded = try JSONDecoder().decode(AggregateCounts.self, from: data)
    #expect(decoded == counts)
    #expect(try CountsCodableTests.encoder().encode(decoded) == data)
  }
}
