import LogstatClassify
import LogstatEvents
import Testing

@testable import LogstatAggregate

/// An alert's example is the most frequent reply of its domain and reason, not the first seen,
/// and replies that differ only in numbers count as one.
@Suite struct ReplyExampleTests {
  // Real Gmail and Yahoo texts (samples/ and Google's and Yahoo's postmaster pages).
  static let rare = "421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1"
  static func frequent(_ n: Int) -> String {
    "421-4.7.28 Our system has detected an unusual rate of unsolicited mail originating from your IP address. \(n)a1si\(n * 7) - gsmtp"
  }

  static func note(_ h: inout DomainHours, _ text: String, domain: Int32 = 0) {
    let bytes = Array(text.utf8)
    bytes.withUnsafeBytes { b in
      h.noteExample(domain: domain, reason: .rateLimited, shape: ReplyShape.of(b), text: text)
    }
  }

  @Test func mostFrequentReplyWins() {
    var h = DomainHours()
    Self.note(&h, Self.rare)
    for n in 1...3 { Self.note(&h, Self.frequent(n)) }
    #expect(h.example(domain: 0, reason: .rateLimited) == Self.frequent(1))
    let candidates = h.exampleCandidates(domain: 0, reason: .rateLimited)
    #expect(candidates.map(\.count) == [3, 1])
  }

  @Test func sameAnswerForEverySplit() {
    let texts = [Self.rare] + (1...5).map(Self.frequent) + [Self.rare, "550 5.7.1 other", "451 4.3.0 x", "452 4.2.2 y", Self.rare]
    var whole = DomainHours()
    for t in texts { Self.note(&whole, t) }
    for cut in 0...texts.count {
      var a = DomainHours()
      var b = DomainHours()
      for t in texts[..<cut] { Self.note(&a, t) }
      for t in texts[cut...] { Self.note(&b, t) }
      a.merge(b, domainMap: [])
      #expect(a.example(domain: 0, reason: .rateLimited) == Self.frequent(1), "cut \(cut)")
      #expect(a.exampleCandidates(domain: 0, reason: .rateLimited).first?.count == 5, "cut \(cut)")
    }
  }

  @Test func keptTextsAreBoundedInNumberAndLength() {
    var h = DomainHours()
    for k in 0..<50 { Self.note(&h, "550 reply kind " + String(repeating: Character(UnicodeScalar(97 + k % 26)!), count: 2000) + "\(k)") }
    let kept = h.exampleCandidates(domain: 0, reason: .rateLimited)
    #expect(kept.count == DomainHours.examplesKept)
    #expect(kept.allSatisfy { $0.text.utf8.count <= DomainHours.exampleLength })
  }

  /// Merging shape counts gives what adding all of them and then pruning gave, past the budget
  /// (pruned without building the whole join first) and under it, with domain IDs translated.
  @Test func shapeCountMergeMatchesAddThenPrune() {
    let words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliett"]
    let reasons: [Reason] = [.rateLimited, .userUnknown, .mailboxFull]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ n: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(n))
    }
    func noteSome(_ h: inout DomainHours, _ count: Int) {
      for _ in 0..<count {
        let text = "451 4.7.0 " + words[next(words.count)] + " " + words[next(words.count)]
        Array(text.utf8).withUnsafeBytes { b in
          h.noteExample(domain: Int32(next(3)), reason: reasons[next(reasons.count)], shape: ReplyShape.of(b), text: text)
        }
      }
    }
    var pruned = 0
    var unpruned = 0
    for round in 0..<40 {
      var a = DomainHours()
      var b = DomainHours()
      for k in [0, 1] {
        let budget = 8 + round % 24
        if k == 0 { a.shapeCountBudget = budget; a.shapePruneAt = budget } else { b.shapeCountBudget = budget; b.shapePruneAt = budget }
      }
      noteSome(&a, 5 + next(40))
      noteSome(&b, 5 + next(40))
      let map: [Int32] = [2, 0, 1]
      // The old way: join the examples, add every count, then prune once past the threshold.
      var expected = a
      var textsOnly = b
      textsOnly.exampleCounts = ShapeCounts()
      expected.merge(textsOnly, domainMap: map)
      for (k, n) in b.exampleCounts {
        expected.exampleCounts.add(UInt64(UInt32(bitPattern: map[Int(k.key >> 8)])) << 8 | (k.key & 0xFF), k.shape, n)
      }
      if expected.exampleCounts.count > expected.shapePruneAt {
        expected.pruneShapeCounts()
        pruned += 1
      } else {
        unpruned += 1
      }
      var merged = a
      merged.merge(b, domainMap: map)
      #expect(merged.exampleCounts == expected.exampleCounts, "round \(round)")
      #expect(merged.examples == expected.examples, "round \(round)")
      #expect(merged.shapePruneAt == expected.shapePruneAt, "round \(round)")
    }
    #expect(pruned > 0 && unpruned > 0, "both paths: \(pruned) pruned, \(unpruned) not")
  }
}
