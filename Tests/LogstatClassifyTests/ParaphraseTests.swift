import Testing

@testable import LogstatClassify

/// Every reason, worded five ways as different MTAs and providers word it (`Corpus/paraphrases.tsv`,
/// labelled by `Corpus/LABELS.md`): a reason reached only by one provider's sentence fails here.
@Suite("Paraphrases: every reason from general signals")
struct ParaphraseTests {
  struct Entry {
    let line: Int
    let text: String
    let expected: String
  }

  static func load() throws -> [Entry] {
    let data = try readFile(RealCorpus.folder + "/paraphrases.tsv")
    var result: [Entry] = []
    for (index, line) in data.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      if line.isEmpty || line.hasPrefix("#") { continue }
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      guard fields.count == 2 else {
        Issue.record("paraphrases.tsv line \(index + 1) needs TEXT and REASON: \(line)")
        continue
      }
      result.append(Entry(line: index + 1, text: String(fields[0]), expected: String(fields[1])))
    }
    return result
  }

  @Test("five paraphrases for every reason id, each a known reason")
  func coversEveryReason() throws {
    let entries = try ParaphraseTests.load()
    var perReason: [String: Int] = [:]
    for entry in entries {
      #expect(Reason(rawValue: entry.expected) != nil, "line \(entry.line): unknown reason \(entry.expected)")
      perReason[entry.expected, default: 0] += 1
    }
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
