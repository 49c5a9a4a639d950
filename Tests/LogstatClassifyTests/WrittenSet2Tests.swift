import Testing

@testable import LogstatClassify

/// `Corpus/written-2.tsv`: eight texts per reason (two batches) written by other engineers than
/// `replies.tsv`'s and `paraphrases.tsv`'s, labelled before any run.
@Suite("Written set 2: every reason, eight ways")
struct WrittenSet2Tests {
  static func load() throws -> [WrittenText] { try WrittenSet.load("written-2.tsv") }

  @Test("eight texts for every reason id, none repeating another corpus file")
  func coversEveryReason() throws {
    let entries = try Self.load()
    let perReason = WrittenSet.countsPerReason(entries)
    for reason in Reason.allCases {
      #expect(perReason[reason.rawValue] == 8, "\(reason.rawValue): \(perReason[reason.rawValue] ?? 0) texts")
    }
    let others = Set(try RealCorpus.load().map { $0.text.lowercased() })
    for entry in entries {
      #expect(!others.contains(entry.text.lowercased()), "line \(entry.line) repeats a corpus text")
    }
  }

  @Test("accuracy: measured 163/174 before any rule saw the set")
  func accuracy() throws {
    let classifier = ReplyClassifier()
    var score = RealCorpus.Score()
    for entry in try Self.load() {
      score.add(expected: entry.expected, got: explain(entry.text, classifier: classifier).reason.rawValue)
    }
    print(score.report("written-2.tsv"))
    // Untuned 163/174 = 93.7%; after the general rules of this round 172/174 (the misses left:
    // "Sending rate exceeded" at MAIL FROM, which the rules file as our sending quota, and a
    // misspelt "Grelisted"). Batch 2 (58 texts: MAIL FROM and connect refusals, 4xx beside
    // 5xx, end of DATA, local pipes) measured on arrival: 53/58; after its rules 57/58 (left: a
    // bare "554 Transaction failed" after end of DATA, read as policy). All 229/232. Floor one
    // text below.
    #expect(score.total == 232)
    #expect(score.right >= 228)
  }
}
