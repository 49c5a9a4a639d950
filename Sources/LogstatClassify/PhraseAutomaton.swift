/// What a phrase says when it occurs in a normalised reply.
enum PhraseMeaning: Sendable {
  case reason(Reason)
  case blocklist(Blocklist)
  case provider(Provider)
  /// Concept bits (`Rules.Concept`): words that name a reason only beside another concept.
  case concept(UInt16)

  /// Which of the four output slots the meaning fills, and its value there (for a concept,
  /// its bits, OR-ed with the other concepts of the state rather than ranked).
  var slot: (index: Int, value: Int) {
    switch self {
    case .reason(let reason): (0, Reason.allCases.firstIndex(of: reason)!)
    case .blocklist(let list): (1, Blocklist.allCases.firstIndex(of: list)!)
    case .provider(let provider): (2, Provider.allCases.firstIndex(of: provider)!)
    case .concept(let bits): (3, Int(bits))
    }
  }
}

/// One rule: a lower-case phrase, what it means, and how much it outweighs other evidence.
struct PhraseRule: Sendable {
  let phrase: String
  let meaning: PhraseMeaning
  let priority: UInt8
}

/// The best rule of each kind seen so far while scanning one reply.
///
/// Each slot packs `priority << 8 | (value + 1)`, 0 meaning "none", so keeping the best is one
/// shift and compare; a tie keeps the earlier match.
struct PhraseHits: Equatable {
  var reason: UInt16 = 0
  var blocklist: UInt16 = 0
  var provider: UInt16 = 0
  /// Every concept bit seen (the union, not the best).
  var concepts: UInt16 = 0

  @inline(__always)
  mutating func absorb(_ word: UInt64) {
    let r = UInt16(truncatingIfNeeded: word)
    if r >> 8 > reason >> 8 || (reason == 0 && r != 0) { reason = r }
    let b = UInt16(truncatingIfNeeded: word >> 16)
    if b >> 8 > blocklist >> 8 || (blocklist == 0 && b != 0) { blocklist = b }
    let p = UInt16(truncatingIfNeeded: word >> 32)
    if p >> 8 > provider >> 8 || (provider == 0 && p != 0) { provider = p }
    concepts |= UInt16(truncatingIfNeeded: word >> 48)
  }

  /// The weight of a slot (0 when empty).
  static func priority(_ slot: UInt16) -> Int { Int(slot >> 8) }
  /// The case index stored in a non-empty slot.
  static func value(_ slot: UInt16) -> Int { Int(slot & 0xFF) - 1 }
}

/// An Aho-Corasick automaton over the phrase rules, stored as a small two-part DFA.
///
/// Built once from the rule tables; matching is a table lookup or two per byte, with no
/// allocation, closure or existential call. For each state it keeps only the best
/// (highest-priority) reason, blocklist and provider ending there, including those reached
/// through failure links, so a match never walks a chain.
///
/// Why two parts: a dense row per state was 16,036 states x 122 byte classes x 4 bytes = 7.8 MB
/// once Russian, Japanese and Chinese phrases gave every UTF-8 byte a class, and most bytes
/// of a reply then waited on the last-level cache. Only the shallow states, which most bytes
/// visit, keep a dense row (`PhraseTables.denseBudget`); every deeper state keeps just the
/// classes where it differs from its nearest dense failure state, packed into one shared
/// array (a double array with owner checks). The transition function is unchanged, so
/// matches are identical (`PhraseAutomatonTests` checks this against a naive matcher).
/// `@unchecked Sendable`: the tables are written once in `init` and only read afterwards.
final class PhraseAutomaton: @unchecked Sendable {
  /// The packed tables the scanner copies (plain pointers, no reference counting per reply).
  let tables: PhraseTables
  let classCount: Int
  let stateCount: Int
  /// States with a dense row (the shallowest, in breadth-first order).
  let denseStates: Int

  init(rules: [PhraseRule]) {
    // Byte classes: one per byte some phrase uses, in byte order (so the ASCII classes,
    // which most reply bytes have, share the first cache lines of a dense row); class 0 for
    // all other bytes.
    var used = [Bool](repeating: false, count: 256)
    for rule in rules {
      for b in rule.phrase.utf8 { used[Int(b)] = true }
    }
    precondition(!used.allSatisfy { $0 }, "phrase tables use every byte value")
    var classes = [UInt8](repeating: 0, count: 256)
    var next = 1
    for b in 0..<256 where used[b] {
      classes[b] = UInt8(next)
      next += 1
    }
    let width = next
    // Trie with dense rows; -1 = no edge yet.
    var goto: [Int32] = Array(repeating: -1, count: width)
    var outputs: [UInt64] = [0]
    func merge(_ word: UInt64, slot: Int, packed: UInt16) -> UInt64 {
      let shift = UInt64(slot * 16)
      if slot == 3 { return word | UInt64(packed) << shift }  // concepts: the union
      let old = UInt16(truncatingIfNeeded: word >> shift)
      guard old == 0 || packed >> 8 > old >> 8 else { return word }
      return (word & ~(0xFFFF << shift)) | (UInt64(packed) << shift)
    }
    for rule in rules {
      var state = 0
      for b in rule.phrase.utf8 {
        let cell = state * width + Int(classes[Int(b)])
        if goto[cell] < 0 {
          goto[cell] = Int32(outputs.count)
          outputs.append(0)
          goto.append(contentsOf: repeatElement(-1, count: width))
        }
        state = Int(goto[cell])
      }
      let (slot, value) = rule.meaning.slot
      let packed = slot == 3 ? UInt16(value) : UInt16(rule.priority) << 8 | UInt16(value + 1)
      outputs[state] = merge(outputs[state], slot: slot, packed: packed)
    }
    let stateCount = outputs.count
    // Breadth-first: failure links, output inheritance, and DFA completion.
    var fail = [Int](repeating: 0, count: stateCount)
    var queue: [Int] = []
    queue.reserveCapacity(stateCount)
    for c in 0..<width {
      if goto[c] < 0 { goto[c] = 0 } else { queue.append(Int(goto[c])) }
    }
    var head = 0
    while head < queue.count {
      let s = queue[head]
      head += 1
      let f = fail[s]
      for slot in 0..<4 {
        let inherited = UInt16(truncatingIfNeeded: outputs[f] >> UInt64(slot * 16))
        if inherited != 0 { outputs[s] = merge(outputs[s], slot: slot, packed: inherited) }
      }
      for c in 0..<width {
        let cell = s * width + c
        let t = goto[cell]
        let viaFail = goto[f * width + c]
        if t < 0 {
          goto[cell] = viaFail
        } else {
          fail[Int(t)] = Int(viaFail)
          queue.append(Int(t))
        }
      }
    }
    // Renumber breadth-first (root first, then queue order): shallow states get low numbers.
    var order = [0]
    order.append(contentsOf: queue)
    var renumbered = [Int](repeating: 0, count: stateCount)
    for (position, old) in order.enumerated() { renumbered[old] = position }
    tables = PhraseTables.build(
      classes: classes, width: width, stateCount: stateCount,
      target: { new, c in renumbered[Int(goto[order[new] * width + c])] },
      fail: { new in renumbered[fail[order[new]]] },
      outputs: { new in outputs[order[new]] })
    classCount = width
    self.stateCount = stateCount
    denseStates = tables.denseStates
  }

  /// Total bytes of the tables the matcher reads.
  var tableBytes: Int { tables.byteCount }

  /// The best hits of every phrase in `bytes`, fed as they are (no normalisation); for tests.
  func match(_ bytes: UnsafeRawBufferPointer) -> PhraseHits {
    var hits = PhraseHits()
    var state = 0
    for b in bytes {
      let next = tables.next(state, Int(tables.classes[Int(b)]))
      state = Int(next & PhraseTables.stateMask)
      if next & PhraseTables.outputFlag != 0 { hits.absorb(tables.outputs(of: state)) }
    }
    return hits
  }

  deinit { tables.deallocate() }
}
