import Testing

@testable import LogstatClassify

/// One labelled line of `Corpus/replies.tsv`.
struct LabelledReply: Sendable, CustomTestStringConvertible {
  let line: Int
  let expected: String
  let text: String
  var testDescription: String { "line \(line): \(expected)" }
}

/// Loads the labelled corpus that sits next to this file.
enum Corpus {
  static let url: String = {
    let here = #filePath
    let folder = here[..<(here.lastIndex(of: "/") ?? here.endIndex)]
    return folder + "/Corpus/replies.tsv"
  }()

  static func load() throws -> [LabelledReply] {
    let data = try readFile(url)
    var result: [LabelledReply] = []
    for (index, line) in data.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      if line.isEmpty || line.hasPrefix("#") { continue }
      guard let tab = line.firstIndex(of: "\t") else {
        Issue.record("replies.tsv line \(index + 1) has no TAB: \(line)")
        continue
      }
      result.append(
        LabelledReply(
          line: index + 1, expected: String(line[..<tab]),
          text: String(line[line.index(after: tab)...])))
    }
    return result
  }
}

@Suite("Labelled corpus")
struct CorpusTests {
  @Test("every line classifies to its label (100% accuracy)")
  func accuracy() throws {
    let corpus = try Corpus.load()
    let classifier = ReplyClassifier()
    var misses: [String] = []
    for entry in corpus {
      let got = explain(entry.text, classifier: classifier).reason.rawValue
      if got != entry.expected {
        misses.append("  line \(entry.line): expected \(entry.expected), got \(got): \(entry.text.prefix(160))")
      }
    }
    let right = corpus.count - misses.count
    let percent = Double(right) * 100 / Double(max(corpus.count, 1))
    print("Classifier corpus: \(right)/\(corpus.count) correct (\(percent)%)")
    if !misses.isEmpty { print("Misclassified:\n" + misses.joined(separator: "\n")) }
    #expect(corpus.count >= 300)
    #expect(misses.isEmpty, "\(misses.count) misclassified:\n\(misses.joined(separator: "\n"))")
  }

  @Test("every label is a reason id and every reason is covered at least five times")
  func coverage() throws {
    let corpus = try Corpus.load()
    var counts: [String: Int] = [:]
    for entry in corpus { counts[entry.expected, default: 0] += 1 }
    for label in counts.keys {
      #expect(Reason(rawValue: label) != nil, "unknown reason id \(label)")
    }
    for reason in Reason.allCases {
      #expect(counts[reason.rawValue, default: 0] >= 5, "\(reason.rawValue) has too few examples")
    }
  }
}

@Suite("Reply cache")
struct ReplyCacheTests {
  @Test("a classifier that has seen a text gives what a fresh one gives, for every corpus text")
  func cachedEqualsFresh() throws {
    let corpus = try Corpus.load()
    let warm = ReplyClassifier()
    // Three rounds: the first fills the cache, the others read it (and evict on collisions).
    for _ in 0..<3 {
      for entry in corpus {
        let fresh = ReplyClassifier().classify(entry.text)
        #expect(warm.classify(entry.text) == fresh, "line \(entry.line)")
      }
    }
  }

  @Test("texts that differ in one byte, or only in length, are not confused")
  func nearTexts() {
    let c = ReplyClassifier()
    let a = "550 5.1.1 <a@b.example>: Recipient address rejected: User unknown"
    let b = "450 4.7.1 <a@b.example>: Recipient address rejected: User unknown"
    #expect(c.classify(a).reason == .userUnknown)
    #expect(c.classify(b) == ReplyClassifier().classify(b))
    #expect(c.classify(a + " ") == ReplyClassifier().classify(a + " "))
    let long = String(repeating: "x ", count: 400) + "mailbox full"
    #expect(c.classify(long) == ReplyClassifier().classify(long))
    #expect(c.classify(long).reason == ReplyClassifier().classify("mailbox full").reason)
  }
}
