import Foundation
import Testing

@testable import LogstatClassify

/// One line of `Corpus/real.tsv` or `Corpus/real-2.tsv` to `Corpus/real-6.tsv`: a reply text written
/// by others, its label and its source.
struct RealReply: Sendable {
  /// The corpus file's name (`real.tsv`, `real-2.tsv` to `real-6.tsv`).
  let file: String
  let line: Int
  let text: String
  let expected: String
  let source: String

  /// Held out when the FNV-1a hash of the text is divisible by 3: fixed once, never tuned on.
  var isHeldOut: Bool { RealCorpus.fnv1a(text) % 3 == 0 }
}

/// Loads the corpus files and scores the classifier on them. Every file is split by the same
/// rule (`RealReply.isHeldOut`), so no line is ever placed by hand.
enum RealCorpus {
  /// The corpus files, in the order they were gathered.
  static let files = ["real.tsv", "real-2.tsv", "real-3.tsv", "real-4.tsv", "real-5.tsv", "real-6.tsv"]

  static let folder: String = {
    let here = #filePath
    return String(here[..<(here.lastIndex(of: "/") ?? here.endIndex)]) + "/Corpus"
  }()

  static func load() throws -> [RealReply] {
    try files.flatMap { try load(file: $0) }
  }

  /// The replies of one file in this format (`TEXT<TAB>REASON<TAB>SOURCE`, `# ` comments).
  static func load(file: String) throws -> [RealReply] {
    var result: [RealReply] = []
    let data = try readFile(folder + "/" + file)
    for (index, line) in data.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      if line.isEmpty || line.hasPrefix("# ") || line == "#" { continue }
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      guard fields.count == 3 else {
        Issue.record("\(file) line \(index + 1) needs TEXT, REASON and SOURCE: \(line)")
        continue
      }
      result.append(
        RealReply(
          file: file, line: index + 1, text: String(fields[0]), expected: String(fields[1]),
          source: String(fields[2])))
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

    /// One line: right/total = percent.
    var summary: String { "\(right)/\(total) = \(Score.percent(accuracy))%" }

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
    #expect(corpus.count >= 2517)
    var seen = Set<String>()
    for entry in corpus {
      let place = "\(entry.file) line \(entry.line)"
      #expect(Reason(rawValue: entry.expected) != nil, "\(place): unknown reason \(entry.expected)")
      #expect(entry.source.contains("/"), "\(place): source should be repository and path, or a URL")
      #expect(seen.insert(entry.text.lowercased()).inserted, "\(place) repeats a text")
    }
  }

  @Test("accuracy per part, per reason and confusion; held-out above its measured floor")
  func accuracy() throws {
    let corpus = try RealCorpus.load()
    let classifier = ReplyClassifier()
    var development = RealCorpus.Score()
    var heldOut = RealCorpus.Score()
    var perFile: [String: (development: RealCorpus.Score, heldOut: RealCorpus.Score)] = [:]
    for entry in corpus {
      let got = explain(entry.text, classifier: classifier).reason.rawValue
      var part = perFile[entry.file] ?? (RealCorpus.Score(), RealCorpus.Score())
      if entry.isHeldOut {
        heldOut.add(expected: entry.expected, got: got)
        part.heldOut.add(expected: entry.expected, got: got)
      } else {
        development.add(expected: entry.expected, got: got)
        part.development.add(expected: entry.expected, got: got)
        // Tuning aid: REAL_CORPUS_DEV_MISSES=1 lists development misses only (held-out never).
        if got != entry.expected, ProcessInfo.processInfo.environment["REAL_CORPUS_DEV_MISSES"] != nil {
          print("DEV-MISS \(entry.file):\(entry.line) \(entry.expected) -> \(got) | \(entry.text)")
        }
      }
      perFile[entry.file] = part
    }
    print(development.report("Development"))
    // Held-out: per reason and the confusion cells, as for development (issue 13 asks for both
    // parts), but never a text: its misses are not listed, so they cannot be tuned on.
    print(heldOut.report("Held-out"))
    for file in RealCorpus.files {
      guard let part = perFile[file] else { continue }
      print("\(file): development \(part.development.summary), held-out \(part.heldOut.summary)")
    }
    #expect(heldOut.total >= 845)
    #expect(development.total >= 1672)
    // Floors: measured after round 7 (real-6.tsv, 37 more set-of-emails texts with Sisimai's own
    // labels; rules from development misses): development 1583/1672 = 94.7%, held-out 734/845 =
    // 86.9%, labels per Corpus/LABELS.md, minus 0.3 points. Development fell from round 4's 95.3%
    // because real-5 arrived at 76-81% and real-6 at 42-54% (see their headers).
    #expect(development.accuracy >= 94.3)
    #expect(heldOut.accuracy >= 86.5)
    // real-3.tsv: each batch was measured once before any rule saw it (see its header: development
    // 195/204 = 95.6%, held-out 83/98 = 84.7%); floors at round 5's development 198/204 = 97.1% and
    // held-out 83/98 = 84.7% (R14 moved two held-out labels to policy) minus 0.3 points.
    if let fresh = perFile["real-3.tsv"] {
      #expect(fresh.development.accuracy >= 96.7)
      #expect(fresh.heldOut.accuracy >= 84.3)
    } else {
      Issue.record("real-3.tsv was not loaded")
    }
    // real-4.tsv, round 4: measured before any rule saw it (see its header: batches 1-4 development
    // 140/176 = 79.5%, held-out 67/82 = 81.7%; batch 5 development 34/38, held-out 22/23); floors at
    // round 7's development 195/214 = 91.1% (round 4: 193/214) and held-out 89/105 = 84.8% minus 0.3 points.
    if let fresh = perFile["real-4.tsv"] {
      #expect(fresh.development.accuracy >= 90.8)
      #expect(fresh.heldOut.accuracy >= 84.4)
    } else {
      Issue.record("real-4.tsv was not loaded")
    }
    // real-5.tsv, round 5: measured before any rule saw it (see its header: development 61/80 =
    // 76.3%, held-out 29/35 = 82.9%; batch 3 development 13/17, held-out 8/9; batch 4 7/7; batch 5
    // 4/4 and 1/4; batch 6 4/6 and 2/2); floors at round 7's development 94/113 = 83.2% and held-out
    // 40/50 = 80.0% minus 0.3 points.
    if let fresh = perFile["real-5.tsv"] {
      #expect(fresh.development.accuracy >= 82.9)
      #expect(fresh.heldOut.accuracy >= 79.7)
    } else {
      Issue.record("real-5.tsv was not loaded")
    }
    // real-6.tsv, round 7: measured before any rule saw it (see its header: development 10/24 =
    // 41.7%, held-out 7/13 = 53.8%); floors at development 21/24 = 87.5% and held-out 12/13 = 92.3%
    // after the round's rules, minus 0.3 points.
    if let fresh = perFile["real-6.tsv"] {
      #expect(fresh.development.accuracy >= 87.2)
      #expect(fresh.heldOut.accuracy >= 92.0)
    } else {
      Issue.record("real-6.tsv was not loaded")
    }
    // The goal is a held-out part within 3 points of development. This guards the measured gap,
    // rounded up, against growing while that goal stays open (round 5: 94.48 - 86.66 = 7.82; round
    // 7: 94.68 - 86.86 = 7.82).
    #expect(
      abs(development.accuracy - heldOut.accuracy) <= 7.9,
      "held-out \(heldOut.accuracy)% and development \(development.accuracy)% drifted apart")
  }
}
