import Testing

@testable import LogstatClassify

/// The packed phrase DFA answers exactly what a naive matcher over every phrase rule answers:
/// on every corpus text (raw and normalised) and on random byte strings spliced from pieces of
/// the phrases, cut UTF-8 sequences and noise.
@Suite("Phrase automaton equals a naive matcher")
struct PhraseAutomatonTests {
  /// Tries every rule at every position, memmem-like, and keeps per slot the hit with the
  /// highest priority; on a tie the one that ends first, then the longer phrase (the more
  /// specific), then the earlier rule.
  struct NaiveMatcher {
    let phrases: [[UInt8]]
    let rules: [PhraseRule]
    /// Rule indices by the phrase's first byte.
    let byFirst: [[Int]]

    init(rules: [PhraseRule]) {
      self.rules = rules
      phrases = rules.map { Array($0.phrase.utf8) }
      var byFirst = [[Int]](repeating: [], count: 256)
      for (k, p) in phrases.enumerated() where !p.isEmpty { byFirst[Int(p[0])].append(k) }
      self.byFirst = byFirst
    }

    func match(_ text: [UInt8]) -> PhraseHits {
      // Per slot: (priority, end, length, rule) of the best hit so far.
      var best: [(priority: Int, end: Int, length: Int, rule: Int)?] = [nil, nil, nil]
      var concepts: UInt16 = 0
      for start in text.indices {
        for k in byFirst[Int(text[start])] {
          let p = phrases[k]
          guard start + p.count <= text.count, text[start..<(start + p.count)].elementsEqual(p) else {
            continue
          }
          let hit = (priority: Int(rules[k].priority), end: start + p.count, length: p.count, rule: k)
          let slot = rules[k].meaning.slot.index
          if slot == 3 {  // concept bits: the union of every match
            concepts |= UInt16(rules[k].meaning.slot.value)
            continue
          }
          if let old = best[slot] {
            let better =
              hit.priority != old.priority ? hit.priority > old.priority
              : hit.end != old.end ? hit.end < old.end
              : hit.length != old.length ? hit.length > old.length : hit.rule < old.rule
            if !better { continue }
          }
          best[slot] = hit
        }
      }
      func packed(_ slot: Int) -> UInt16 {
        guard let hit = best[slot] else { return 0 }
        let value = rules[hit.rule].meaning.slot.value
        return UInt16(hit.priority) << 8 | UInt16(value + 1)
      }
      return PhraseHits(reason: packed(0), blocklist: packed(1), provider: packed(2), concepts: concepts)
    }
  }

  /// SplitMix64: a fixed seed gives the same strings on every run.
  struct Random {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
  }

  static let naive = NaiveMatcher(rules: Rules.allPhraseRules)

  static func automatonMatch(_ bytes: [UInt8]) -> PhraseHits {
    bytes.withUnsafeBytes { Rules.automaton.match($0) }
  }

  @Test func tablesAreSmall() {
    let automaton = Rules.automaton
    #expect(automaton.tableBytes <= 1 << 20, "the phrase DFA should fit a 1 MB L2 cache")
    #expect(automaton.denseStates < automaton.stateCount)
  }

  /// The textbook construction: a dense goto row per trie state, completed breadth-first with
  /// failure links. The packed tables give, for every state and byte class, the same next
  /// state (states numbered breadth-first, children in class order) and the same outputs.
  @Test func everyTransitionEqualsTheDenseConstruction() {
    let a = Rules.automaton
    let t = a.tables
    let width = a.classCount
    var goto: [Int] = Array(repeating: -1, count: width)
    var outputs: [UInt64] = [0]
    for rule in Rules.allPhraseRules {
      var state = 0
      for b in rule.phrase.utf8 {
        let cell = state * width + Int(t.classes[Int(b)])
        if goto[cell] < 0 {
          goto[cell] = outputs.count
          outputs.append(0)
          goto.append(contentsOf: repeatElement(-1, count: width))
        }
        state = goto[cell]
      }
      outputs[state] = 1
    }
    #expect(outputs.count == a.stateCount)
    var fail = [Int](repeating: 0, count: outputs.count)
    var queue: [Int] = []
    for c in 0..<width {
      if goto[c] < 0 { goto[c] = 0 } else { queue.append(goto[c]) }
    }
    var head = 0
    while head < queue.count {
      let s = queue[head]
      head += 1
      for c in 0..<width {
        let next = goto[s * width + c]
        if next < 0 { goto[s * width + c] = goto[fail[s] * width + c] } else {
          fail[next] = goto[fail[s] * width + c]
          queue.append(next)
        }
      }
    }
    let order = [0] + queue
    var number = [Int](repeating: 0, count: order.count)
    for (n, old) in order.enumerated() { number[old] = n }
    var sparseBase = [Int](repeating: -1, count: a.stateCount - t.denseStates)
    for base in 0..<t.cellCount where t.headers[base] >> 32 >= UInt64(t.denseStates) {
      sparseBase[Int(t.headers[base] >> 32) - t.denseStates] = t.denseLimit + base
    }
    /// The state number of an encoded state.
    func decode(_ encoded: Int) -> Int {
      encoded < t.denseLimit ? encoded / width : Int(t.headers[encoded - t.denseLimit] >> 32)
    }
    func encode(_ n: Int) -> Int {
      guard n >= t.denseStates else { return n * width }
      // Find the sparse state's base: its header names it.
      return sparseBase[n - t.denseStates]
    }
    #expect(!sparseBase.contains(-1))
    var wrong = 0
    for n in 0..<a.stateCount {
      let from = encode(n)
      for c in 0..<width {
        let word = t.next(from, c)
        let to = decode(Int(word & PhraseTables.stateMask))
        let expected = number[goto[order[n] * width + c]]
        if to != expected { wrong += 1 }
      }
    }
    #expect(wrong == 0, "\(wrong) transitions differ")
  }

  @Test func corpusTextsMatchTheNaiveMatcher() throws {
    let texts = try Corpus.load().map(\.text) + RealCorpus.load().map(\.text)
    #expect(texts.count > 500)
    var mismatches: [String] = []
    var found = 0
    for text in texts {
      for bytes in [Array(text.utf8), Array(Reply.parse(text).normalized.utf8)] {
        let expected = Self.naive.match(bytes)
        if expected != PhraseHits() { found += 1 }
        if Self.automatonMatch(bytes) != expected { mismatches.append(text) }
      }
    }
    #expect(mismatches.isEmpty, "\(mismatches.count) texts differ, first: \(mismatches.first ?? "")")
    // The comparison is not vacuous: most texts hold some phrase.
    #expect(found > texts.count)
  }

  @Test func randomSplicesMatchTheNaiveMatcher() {
    var random = Random(state: 13)
    let phrases = Self.naive.phrases
    var mismatches = 0
    var found = 0
    var firstMismatch: [UInt8] = []
    for _ in 0..<6_000 {
      var bytes: [UInt8] = []
      for _ in 0..<(1 + random.below(6)) {
        switch random.below(5) {
        case 0, 1:  // a whole phrase
          bytes += phrases[random.below(phrases.count)]
        case 2:  // a piece of a phrase, possibly cutting a UTF-8 sequence
          let p = phrases[random.below(phrases.count)]
          let from = random.below(p.count)
          bytes += p[from..<(from + random.below(p.count - from) + 1)]
        case 3:  // a phrase with one byte changed
          var p = phrases[random.below(phrases.count)]
          p[random.below(p.count)] = UInt8(truncatingIfNeeded: random.next())
          bytes += p
        default:  // noise, spaces and high bytes included
          for _ in 0..<random.below(8) { bytes.append(UInt8(truncatingIfNeeded: random.next())) }
        }
      }
      let expected = Self.naive.match(bytes)
      if expected != PhraseHits() { found += 1 }
      if Self.automatonMatch(bytes) != expected {
        if mismatches == 0 { firstMismatch = bytes }
        mismatches += 1
      }
    }
    #expect(mismatches == 0, "first: \(String(decoding: firstMismatch, as: UTF8.self))")
    #expect(found > 4_500)
  }
}
