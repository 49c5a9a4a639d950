import Testing

@testable import LogstatClassify

/// `Corpus/written-3.tsv`: plainer and rarer wordings of every reason, and the common reasons in
/// nine languages with capitals, written and labelled before any run.
@Suite("Written set 3: rarer wordings and capitalised languages")
struct WrittenSet3Tests {
  static func load() throws -> [WrittenText] { try WrittenSet.load("written-3.tsv") }

  @Test("every reason id appears, no text repeats another corpus file")
  func coversEveryReason() throws {
    let entries = try Self.load()
    let perReason = WrittenSet.countsPerReason(entries)
    for reason in Reason.allCases {
      #expect((perReason[reason.rawValue] ?? 0) >= 1, "\(reason.rawValue) has no text")
    }
    let others = Set(try RealCorpus.load().map { $0.text.lowercased() })
      .union(try WrittenSet2Tests.load().map { $0.text.lowercased() })
    for entry in entries {
      let repeated = others.contains(entry.text.lowercased())
      #expect(!repeated, "line \(entry.line) repeats a corpus text")
    }
  }

  @Test("accuracy: measured 122/130 on arrival, every text after this round's rules")
  func accuracy() throws {
    let classifier = ReplyClassifier()
    var score = RealCorpus.Score()
    for entry in try Self.load() {
      score.add(expected: entry.expected, got: explain(entry.text, classifier: classifier).reason.rawValue)
    }
    print(score.report("written-3.tsv"))
    #expect(score.total == 130)
    #expect(score.right == 130)
  }
}
