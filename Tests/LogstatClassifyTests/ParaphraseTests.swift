import Testing

@testable import LogstatClassify

/// Every reason, worded five ways as different MTAs and providers word it (`Corpus/paraphrases.tsv`,
/// labelled by `Corpus/LABELS.md`): a reason reached only by one provider's sentence fails here.
@Suite("Paraphrases: every reason from general signals")
struct ParaphraseTests {
  static func load() throws -> [WrittenText] { try WrittenSet.load("paraphrases.tsv") }

  @Test("five paraphrases for every reason id, each a known reason")
  func coversEveryReason() throws {
    let entries = try ParaphraseTests.load()
    let perReason = WrittenSet.countsPerReason(entries)
    for reason in Reason.allCases {
      #expect(perReason[reason.rawValue] == 5, "\(reason.rawValue): \(perReason[reason.rawValue] ?? 0) paraphrases")
    }
    #expect(entries.count == 5 * Reason.allCases.count)
  }

  @Test("every paraphrase gets its reason")
  func classified() throws {
    let classifier = ReplyClassifier()
    var misses: [String] = []
    let entries = try ParaphraseTests.load()
    for entry in entries {
      let got = explain(entry.text, classifier: classifier).reason.rawValue
      if got != entry.expected {
        misses.append("  line \(entry.line): expected \(entry.expected), got \(got): \(entry.text)")
      }
    }
    print("Paraphrases: \(entries.count - misses.count)/\(entries.count)")
    #expect(misses.isEmpty, "\(misses.count) paraphrases misclassified:\n\(misses.joined(separator: "\n"))")
  }
}
