/// What a phrase says when it occurs in a normalised reply.
enum PhraseMeaning: Sendable {
  case reason(Reason)
  case blocklist(Blocklist)
  case provider(Provider)

  /// Which of the three output slots the meaning fills, and its value there.
  var slot: (index: Int, value: Int) {
    switch self {
    case .reason(let reason): (0, Reason.allCases.firstIndex(of: reason)!)
    case .blocklist(let list): (1, Blocklist.allCases.firstIndex(of: list)!)
    case .provider(let provider): (2, Provider.allCases.firstIndex(of: provider)!)
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

  @inline(__always)
  mutating func absorb(_ word: UInt64) {
    let r = UInt16(truncatingIfNeeded: word)
    if r >> 8 > reason >> 8 || (reason == 0 && r != 0) { reason = r }
    let b = UInt16(truncatingIfNeeded: word >> 16)
    if b >> 8 > blocklist >> 8 || (blocklist == 0 && b != 0) { blocklist = b }
    let p = UInt16(truncatingIfNeeded: word >> 32)
    if p >> 8 > provider >> 8 || (provider == 0 && p != 0) { provider = p }
  }

  /// The weight of a slot (0 when empty).
  static func priority(_ slot: UInt16) -> Int { Int(slot >> 8) }
  /// The case index stored in a non-empty slot.
  static func value(_ slot: UInt16) -> Int { Int(slot & 0xFF) - 1 }
}

/// An Aho-Corasick automaton compiled to a dense DFA over byte classes.
///
/// Built once from the rule tables; matching is one table lookup per byte, with no
/// allocation, closure or existential call. For each state it keeps only the best
/// (highest-priority) reason, blocklist and provider ending there, including those reached
/// through failure links, so a match never walks a chain.
/// `@unchecked Sendable`: the tables are written once in `init` and only read afterwards.
final class PhraseAutomaton: @unchecked Sendable {
  /// Byte -> class index; class 0 stands for every byte no phrase uses.
  let byteClass: UnsafeMutablePointer<UInt8>
  let classCount: Int
  /// Row of the next state for (row + class), where a row is `state * classCount`; bit 31 is
  /// set when the next state has outputs.
  ///
  /// Storing rows rather than state numbers takes a multiply off the per-byte dependency
  /// chain. States are numbered breadth-first, so the shallow states that most bytes of a
  /// reply visit share a few cache lines; the flag bit spares a load of `outputs` on most bytes.
  let transitions: UnsafeMutablePointer<UInt32>
  /// Per state (row / classCount): three 16-bit slots (reason, blocklist, provider), see
  /// `PhraseHits`. Read only on flagged transitions, so the division is rare.
  let outputs: UnsafeMutablePointer<UInt64>
  let stateCount: Int

  init(rules: [PhraseRule]) {
    var classes = [UInt8](repeating: 0, count: 256)
    var next: UInt8 = 1
    for rule in rules {
      for b in rule.phrase.utf8 where classes[Int(b)] == 0 {
        classes[Int(b)] = next
        next += 1
      }
    }
    let width = Int(next)
    // Trie with dense rows; -1 = no edge yet.
    var goto: [Int32] = Array(repeating: -1, count: width)
    var outputs: [UInt64] = [0]
    func merge(_ word: UInt64, slot: Int, packed: UInt16) -> UInt64 {
      let shift = UInt64(slot * 16)
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
      let packed = UInt16(rule.priority) << 8 | UInt16(value + 1)
      outputs[state] = merge(outputs[state], slot: slot, packed: packed)
    }
    let stateCount = outputs.count
    precondition(stateCount * width < 0x8000_0000, "phrase tables too large")
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
      for slot in 0..<3 {
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
    // Renumber breadth-first (root first, then queue order) and flag states with outputs.
    var renumbered = [Int](repeating: 0, count: stateCount)
    for (position, old) in queue.enumerated() { renumbered[old] = position + 1 }
    var orderedOutputs = [UInt64](repeating: 0, count: stateCount)
    var rows = [UInt32](repeating: 0, count: stateCount * width)
    for old in 0..<stateCount {
      let new = renumbered[old]
      orderedOutputs[new] = outputs[old]
      for c in 0..<width {
        let target = Int(goto[old * width + c])
        let flag: UInt32 = outputs[target] != 0 ? 0x8000_0000 : 0
        rows[new * width + c] = UInt32(renumbered[target] * width) | flag
      }
    }
    // Plain pointers: the automaton lives for the whole process and is never mutated again.
    byteClass = .allocate(capacity: 256)
    byteClass.initialize(from: classes, count: 256)
    transitions = .allocate(capacity: rows.count)
    transitions.initialize(from: rows, count: rows.count)
    self.outputs = .allocate(capacity: orderedOutputs.count)
    self.outputs.initialize(from: orderedOutputs, count: orderedOutputs.count)
    self.classCount = width
    self.stateCount = stateCount
  }

  deinit {
    byteClass.deallocate()
    transitions.deallocate()
    outputs.deallocate()
  }
}
