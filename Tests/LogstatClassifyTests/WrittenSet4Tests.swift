import Testing

@testable import LogstatClassify

/// `Corpus/written-4.tsv`: every reason through the wrappers a log shows, provider-table wordings and
/// eight languages, written and labelled before any run.
@Suite("Written set 4: through wrappers, provider tables, eight languages")
struct WrittenSet4Tests {
  static func load() throws -> [WrittenText] { try WrittenSet.load("written-4.tsv") }

  @Test("every reason id appears, no text repeats another corpus file")
  func coversEveryReason() throws {
    WrittenSet.expectCoverage(
      try Self.load(),
      notIn: Set(try RealCorpus.load().map { $0.text.lowercased() })
        .union(try WrittenSet2Tests.load().map { $0.text.lowercased() })
        .union(try WrittenSet3Tests.load().map { $0.text.lowercased() }))
  }

  @Test("accuracy: measured 157/162 on arrival (160/162 under the guide's labels), every text after this round's rules")
  func accuracy() throws {
    let score = WrittenSet.score(try Self.load(), name: "written-4.tsv")
    #expect(score.total == 162)
    #expect(score.right == 162)
  }
}
