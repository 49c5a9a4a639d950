import Testing

@testable import LogstatClassify

/// One line of `Corpus/real.tsv`: a reply text written by others, its label and its source.
struct RealReply: Sendable {
  let line: Int
  let text: String
  let expected: String
  let source: String

  /// Held out when the FNV-1a hash of the text is divisible by 3: fixed once, never tuned on.
  var isHeldOut: Bool { RealCorpus.fnv1a(text) % 3 == 0 }
}

/// Loads `Corpus/real.tsv` and scores the classifier on it.
enum RealCorpus {
  static let path: String = {
    let here = #filePath
    let folder = here[..<(here.lastIndex(of: "/") ?? here.endIndex)]
    return folder + "/Corpus/real.tsv"
  }()

  static func load() throws -> [RealReply] {
    var result: [RealReply] = []
    let data = try readFile(path)
    for (index, line) in data.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      if line.isEmpty || line.hasPrefix("# ") || line == "#" { continue }
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      guard fields.count == 3 else {
        Issue.record("real.tsv line \(index + 1) needs TEXT, REASON and SOURCE: \(line)")
        continue
      }
      result.append(
        RealReply(
          line: index + 1, text: String(fields[0]), expected: String(fields[1]), source: String(fields[2])))
    }
    return result
  }

  /// 64-bit FNV-1a over the UTF-8 bytes.
  static func fnv1a(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    return hash
  }

  /// Accuracy of one part, per reason, and its confusion cells (expected -> got).
  struct Score {
    var total = 0
    var right = 0
    var perReason: [String: (right: Int, total: Int)] = [:]
    var confusion: [String: Int] = [:]

    var accuracy: Double { total == 0 ? 0 : Double(right) * 100 / Double(total) }

    mutating func add(expected: String, got: String) {
      total += 1
      var cell = perReason[expected] ?? (0, 0)
      cell.total += 1
      if expected == got {
        right += 1
        cell.right += 1
      } else {
        confusion["\(expected) -> \(got)", default: 0] += 1
      }
      perReason[expected] = cell
    }

    func report(_ name: String) -> String {
      var lines = ["\(name): \(right)/\(total) = \(Score.percent(accuracy))%"]
      for (reason, cell) in perReason.sorted(by: { $0.key < $1.key }) {
        lines.append("  \(reason): \(cell.right)/\(cell.total)")
      }
      lines.append("  confusion (expected -> got), largest first:")
      let cells = confusion.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
      for (pair, count) in cells { lines.append("    \(count)  \(pair)") }
      return lines.joined(separator: "\n")
    }

    static func percent(_ value: Double) -> String {
      let tenths = Int((value * 10).rounded())
      return "\(tenths / 10).\(tenths % 10)"
    }
  }
}

@Suite("Real reply corpus: development and held-out parts")
struct RealCorpusTests {
  @Test("every label is a reason id, every line names its source, no text repeats")
  func wellFormed() throws {
    let corpus = try RealCorpus.load()
    #expect(corpus.count >= 1230)
    var seen = Set<String>()
    for entry in corpus {
      #expect(Reason(rawValue: entry.expected) != nil, "line \(entry.line): unknown reason \(entry.expected)")
      #expect(entry.source.contains("/"), "line \(entry.line): source should be repository and path")
      #expect(seen.insert(entry.text.lowercased()).inserted, "line \(entry.line) repeats a text")
    }
  }

  @Test("accuracy per part, per reason and confusion; held-out above its measured floor")
  func accuracy() throws {
    let corpus = try RealCorpus.load()
    let classifier = ReplyClassifier()
    var development = RealCorpus.Score()
    var heldOut = RealCorpus.Score()
    for entry in corpus {
      let got = explain(entry.text, classifier: classifier).reason.rawValue
      if entry.isHeldOut {
        heldOut.add(expected: entry.expected, got: got)
      } else {
        development.add(expected: entry.expected, got: got)
      }
    }
    print(development.report("Development"))
    // Held-out: the summary line only, so that its texts and misses are never read while tuning.
    print("Held-out: \(heldOut.right)/\(heldOut.total) = \(RealCorpus.Score.percent(heldOut.accuracy))%")
    #expect(heldOut.total >= 415)
    #expect(development.total >= 815)
    // Floors measured on 1,236 texts: development 95.4% (780/818), held-out 86.4% (361/418)
    // (before the general signals of issue 13's second round: 93.8% and 84.9%).
    #expect(development.accuracy >= 95.0)
    #expect(heldOut.accuracy >= 86.0)
    // The goal is a held-out part within 3 points of development; measured, it is 9.0 points
    // below (phrase rules tuned on development fragments generalise only partly). This guards the
    // measured gap, rounded up, against growing while that goal stays open.
    #expect(
      development.accuracy - heldOut.accuracy <= 9.0,
      "held-out \(heldOut.accuracy)% fell further below development \(development.accuracy)%")
  }
}
