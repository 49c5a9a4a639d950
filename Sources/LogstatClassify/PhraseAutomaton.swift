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

  /// Whether the phrase can be a substring of ` token ` for a token of printable ASCII without
  /// spaces (what `ReplyMask` checks): a space only as its first or last byte, every other
  /// byte printable ASCII. Any other phrase never matches there.
  var fitsInToken: Bool {
    let bytes = Array(phrase.utf8)
    for (k, b) in bytes.enumerated() {
      if b > 0x20, b < 0x7F { continue }
      if b == 0x20, k == 0 || k == bytes.count - 1 { continue }
      return false
    }
    return true
  }
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

  /// Built without a dense row per state (that table was 7.8 MB, and growing it row by row
  /// made a transient of ~24 MB at start-up): the trie's edges, breadth-first numbering,
  /// failure links and the dense rows of the shallow states only.
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
    // The trie, its edges keyed `state << 8 | class` while the rules are added.
    var edges: [Int: Int32] = [:]
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
        let key = state << 8 | Int(classes[Int(b)])
        if let t = edges[key] {
          state = Int(t)
        } else {
          edges[key] = Int32(outputs.count)
          state = outputs.count
          outputs.append(0)
        }
      }
      let (slot, value) = rule.meaning.slot
      let packed = slot == 3 ? UInt16(value) : UInt16(rule.priority) << 8 | UInt16(value + 1)
      outputs[state] = merge(outputs[state], slot: slot, packed: packed)
    }
    let stateCount = outputs.count
    let trie = PhraseTrie(edges: edges, stateCount: stateCount)
    edges = [:]
    // Number the states breadth-first (root, then each state's children in class order):
    // shallow states, which most bytes visit, get low numbers and the dense rows.
    var order = [0]
    order.reserveCapacity(stateCount)
    var head = 0
    while head < order.count {
      let s = order[head]
      head += 1
      for e in trie.children(s) { order.append(Int(trie.target[e])) }
    }
    var number = [Int32](repeating: 0, count: stateCount)
    for (n, old) in order.enumerated() { number[old] = Int32(n) }
    let denseCount = max(1, min(stateCount, PhraseTables.denseBudget / (width * 4)))
    // In that numbering: failure links and inherited outputs (a state's failure state is
    // shallower, so it is done first), the dense rows, and each deeper state's own classes.
    var fail = [Int32](repeating: 0, count: stateCount)
    var words = [UInt64](repeating: 0, count: stateCount)
    var dense = [Int32](repeating: 0, count: denseCount * width)
    /// The child of `n` (numbered) on class `c`, or -1.
    func child(_ n: Int, _ c: Int) -> Int {
      for e in trie.children(order[n]) where Int(trie.cls[e]) == c { return Int(number[Int(trie.target[e])]) }
      return -1
    }
    /// The DFA's next state from `n` on `c`: a state's own child, else its failure state's
    /// next state (a dense state's row holds it).
    func step(_ n: Int, _ c: Int) -> Int {
      var g = n
      while g >= denseCount {
        let t = child(g, c)
        if t >= 0 { return t }
        g = Int(fail[g])
      }
      return Int(dense[g * width + c])
    }
    for n in 0..<stateCount {
      let f = Int(fail[n])
      var word = outputs[order[n]]
      if n > 0 {
        for slot in 0..<4 {
          let inherited = UInt16(truncatingIfNeeded: words[f] >> UInt64(slot * 16))
          if inherited != 0 { word = merge(word, slot: slot, packed: inherited) }
        }
      }
      words[n] = word
      if n < denseCount {
        for c in 0..<width { dense[n * width + c] = n == 0 ? 0 : dense[f * width + c] }
      }
      for e in trie.children(order[n]) {
        let t = Int(number[Int(trie.target[e])])
        let c = Int(trie.cls[e])
        fail[t] = n == 0 ? 0 : Int32(step(f, c))
        if n < denseCount { dense[n * width + c] = Int32(t) }
      }
    }
    // A deeper state differs from its fallback (nearest dense failure state) exactly on the
    // classes where it or a failure state between them has a child: there the DFA goes to
    // that child, deeper than anything the fallback reaches.
    let sparseCount = stateCount - denseCount
    var fallback = [Int](repeating: 0, count: sparseCount)
    var listStart = [Int](repeating: 0, count: sparseCount + 1)
    var lists: [Int] = []
    var targets: [Int] = []
    var seen = [Bool](repeating: false, count: width)
    var own: [Int] = []
    for i in 0..<sparseCount {
      let s = denseCount + i
      var g = s
      own.removeAll(keepingCapacity: true)
      while g >= denseCount {
        for e in trie.children(order[g]) where !seen[Int(trie.cls[e])] {
          seen[Int(trie.cls[e])] = true
          own.append(Int(trie.cls[e]))
        }
        g = Int(fail[g])
      }
      fallback[i] = g
      own.sort()
      for c in own {
        seen[c] = false
        lists.append(c)
        targets.append(step(s, c))
      }
      listStart[i + 1] = lists.count
    }
    tables = PhraseTables.build(
      classes: classes, width: width, denseStates: denseCount, dense: dense,
      fallback: fallback, lists: lists, listStart: listStart, targets: targets, outputs: words)
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

  // Safe because: the automaton is the only owner of its tables, and every scan that copied
  // their pointers runs while a reference to the automaton is held.
  deinit { tables.deallocate() }
}

/// The phrase trie's edges grouped by state, each state's in class order.
struct PhraseTrie {
  /// Edges of state `s` are `start[s]..<start[s + 1]`.
  var start: [Int32]
  var cls: [UInt8]
  var target: [Int32]

  init(edges: [Int: Int32], stateCount: Int) {
    let keys = edges.keys.sorted()
    start = [Int32](repeating: 0, count: stateCount + 1)
    cls = []
    target = []
    cls.reserveCapacity(keys.count)
    target.reserveCapacity(keys.count)
    for key in keys {
      start[key >> 8 + 1] += 1
      cls.append(UInt8(truncatingIfNeeded: key))
      target.append(edges[key]!)
    }
    for s in 0..<stateCount { start[s + 1] += start[s] }
  }

  @inline(__always) func children(_ s: Int) -> Range<Int> { Int(start[s])..<Int(start[s + 1]) }
}
