import Testing

@testable import LogstatClassify

/// `Corpus/written-3.tsv`: plainer and rarer wordings of every reason, and the common reasons in
/// nine languages with capitals, written and labelled before any run.
@Suite("Written set 3: rarer wordings and capitalised languages")
struct WrittenSet3Tests {
  static func load() throws -> [WrittenText] { try WrittenSet.load("written-3.tsv") }

  @Test("every reason id appears, no text repeats another corpus file")
  func coversEveryReason() throws {
    WrittenSet.expectCoverage(
      try Self.load(),
      notIn: Set(try RealCorpus.load().map { $0.text.lowercased() })
        .union(try WrittenSet2Tests.load().map { $0.text.lowercased() }))
  }

  @Test("accuracy: measured 122/130 on arrival, every text after this round's rules")
  func accuracy() throws {
    let score = WrittenSet.score(try Self.load(), name: "written-3.tsv")
    #expect(score.total == 130)
    #expect(score.right == 130)
  }
}
