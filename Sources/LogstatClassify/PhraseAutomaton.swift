/// What a phrase says when it occurs in a normalised reply.
enum PhraseMeaning: Sendable {
  case reason(Reason)
  case blocklist(Blocklist)
  case provider(Provider)
}

/// One rule: a lower-case phrase, what it means, and how much it outweighs other evidence.
struct PhraseRule: Sendable {
  let phrase: String
  let meaning: PhraseMeaning
  let priority: UInt8
}

/// An Aho-Corasick automaton compiled to a dense DFA over byte classes.
///
/// Built once from the rule tables; matching is one table lookup per byte, with no
/// allocation, closure or existential call. For each state it keeps only the best
/// (highest-priority) reason, blocklist and provider rule ending there, including the rules
/// reached through failure links, so a match never walks a chain.
final class PhraseAutomaton: Sendable {
  /// Byte -> class index; class 0 stands for every byte no phrase uses.
  let byteClass: [UInt8]
  let classCount: Int
  /// Next state for (state * classCount + class).
  let transitions: [UInt16]
  /// Per state: bits 0-15 reason rule + 1, 16-31 blocklist rule + 1, 32-47 provider rule + 1.
  let outputs: [UInt64]
  let rules: [PhraseRule]

  init(rules: [PhraseRule]) {
    self.rules = rules
    var classes = [UInt8](repeating: 0, count: 256)
    var next: UInt8 = 1
    for rule in rules {
      for b in rule.phrase.utf8 where classes[Int(b)] == 0 {
        classes[Int(b)] = next
        next += 1
      }
    }
    let classCount = Int(next)
    // Trie with dense rows; -1 = no edge yet.
    var goto: [Int32] = Array(repeating: -1, count: classCount)
    var outputs: [UInt64] = [0]
    func better(_ old: Int, _ new: Int) -> Bool {
      old == 0 || rules[new - 1].priority > rules[old - 1].priority
    }
    func merge(_ slot: Int, of word: UInt64, rule: Int) -> UInt64 {
      let shift = UInt64(slot * 16)
      let old = Int((word >> shift) & 0xFFFF)
      guard better(old, rule) else { return word }
      return (word & ~(0xFFFF << shift)) | (UInt64(rule) << shift)
    }
    func slot(_ meaning: PhraseMeaning) -> Int {
      switch meaning {
      case .reason: 0
      case .blocklist: 1
      case .provider: 2
      }
    }
    for (index, rule) in rules.enumerated() {
      var state = 0
      for b in rule.phrase.utf8 {
        let cell = state * classCount + Int(classes[Int(b)])
        if goto[cell] < 0 {
          goto[cell] = Int32(outputs.count)
          outputs.append(0)
          goto.append(contentsOf: repeatElement(-1, count: classCount))
        }
        state = Int(goto[cell])
      }
      outputs[state] = merge(slot(rule.meaning), of: outputs[state], rule: index + 1)
    }
    let stateCount = outputs.count
    precondition(stateCount < Int(UInt16.max), "phrase tables too large for 16-bit states")
    // Breadth-first: failure links, output inheritance, and DFA completion.
    var fail = [Int](repeating: 0, count: stateCount)
    var queue: [Int] = []
    queue.reserveCapacity(stateCount)
    for c in 0..<classCount {
      let t = goto[c]
      if t < 0 {
        goto[c] = 0
      } else {
        fail[Int(t)] = 0
        queue.append(Int(t))
      }
    }
    var head = 0
    while head < queue.count {
      let s = queue[head]
      head += 1
      let f = fail[s]
      for slotIndex in 0..<3 {
        let inherited = Int((outputs[f] >> UInt64(slotIndex * 16)) & 0xFFFF)
        if inherited != 0 {
          outputs[s] = merge(slotIndex, of: outputs[s], rule: inherited)
        }
      }
      for c in 0..<classCount {
        let cell = s * classCount + c
        let t = goto[cell]
        let viaFail = goto[f * classCount + c]
        if t < 0 {
          goto[cell] = viaFail
        } else {
          fail[Int(t)] = Int(viaFail)
          queue.append(Int(t))
        }
      }
    }
    self.byteClass = classes
    self.classCount = classCount
    self.transitions = goto.map { UInt16(truncatingIfNeeded: $0) }
    self.outputs = outputs
  }

  /// The number of DFA states (for tests and diagnostics).
  var stateCount: Int { outputs.count }

  /// The best rules found in `text`, as rule indexes into `rules` (nil when none).
  struct Hits {
    var reason: Int?
    var blocklist: Int?
    var provider: Int?
  }

  /// Runs the automaton once over `text` and keeps the highest-priority rule of each kind.
  ///
  /// Ties keep the earliest match. - Complexity: O(n), no allocation.
  func scan(_ text: UnsafeRawBufferPointer) -> Hits {
    var bestReason = 0
    var bestBlocklist = 0
    var bestProvider = 0
    transitions.withUnsafeBufferPointer { table in
      outputs.withUnsafeBufferPointer { out in
        byteClass.withUnsafeBufferPointer { cls in
          rules.withUnsafeBufferPointer { rules in
            let width = classCount
            var state = 0
            for b in text {
              state = Int(table[state &* width &+ Int(cls[Int(b)])])
              let word = out[state]
              if word == 0 { continue }
              let r = Int(word & 0xFFFF)
              if r != 0, bestReason == 0 || rules[r &- 1].priority > rules[bestReason &- 1].priority {
                bestReason = r
              }
              let l = Int((word >> 16) & 0xFFFF)
              if l != 0,
                bestBlocklist == 0 || rules[l &- 1].priority > rules[bestBlocklist &- 1].priority
              {
                bestBlocklist = l
              }
              let p = Int((word >> 32) & 0xFFFF)
              if p != 0,
                bestProvider == 0 || rules[p &- 1].priority > rules[bestProvider &- 1].priority
              {
                bestProvider = p
              }
            }
          }
        }
      }
    }
    return Hits(
      reason: bestReason == 0 ? nil : bestReason - 1,
      blocklist: bestBlocklist == 0 ? nil : bestBlocklist - 1,
      provider: bestProvider == 0 ? nil : bestProvider - 1)
  }
}
