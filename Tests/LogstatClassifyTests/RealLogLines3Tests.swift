import Testing

@testable import LogstatClassify

/// `Corpus/real-lines-3.tsv`: whole Postfix and Exim log lines from issue threads, git.exim.org
/// diffs and Exim test-suite logs that no earlier corpus file holds, explained as `logstat
/// explain` does. Split by the reply corpora's FNV-1a rule; each part prints its accuracy and its
/// confusion cells (expected -> got), never its lines.
@Suite("Real log lines, third set (round 8): development and held-out parts")
struct RealLogLines3Tests {
  static func load() throws -> [RealLogLine] { try RealLogLine.load("real-lines-3.tsv") }

  @Test("every label is a reason id, every line names its source, no line repeats an earlier set's")
  func wellFormed() throws {
    let lines = try Self.load()
    #expect(lines.count == 113)
    #expect(Set(lines.map { $0.text.lowercased() }).count == lines.count, "a line repeats")
    for line in lines {
      #expect(Reason(rawValue: line.reason) != nil, "line \(line.number): unknown reason \(line.reason)")
      #expect(line.source.contains("/"), "line \(line.number): source should be repository and path, or a URL")
      // Hard only where the reason is an address problem (a 5xx or ** line).
      #expect(!line.hard || Reason(rawValue: line.reason)?.isHard == true, "line \(line.number) is hard with \(line.reason)")
    }
    let earlier = try (readFile(RealCorpus.folder + "/real-lines.tsv") + readFile(RealCorpus.folder + "/real-lines-2.tsv"))
      .lowercased()
    for line in lines {
      #expect(!earlier.contains(line.text.lowercased()), "line \(line.number) is already in real-lines*.tsv")
    }
  }

  @Test("accuracy and confusion per part; no soft-labelled line is called hard")
  func accuracy() throws {
    let classifier = ReplyClassifier()
    var development = RealCorpus.Score()
    var heldOut = RealCorpus.Score()
    var softCalledHard = 0
    for line in try Self.load() {
      let e = explain(line.text, classifier: classifier)
      let got = e.reason.rawValue + (e.isHard ? "/hard" : "/soft")
      let want = line.reason + (line.hard ? "/hard" : "/soft")
      if line.isHeldOut {
        heldOut.add(expected: want, got: got)
      } else {
        development.add(expected: want, got: got)
      }
      if !line.hard, e.isHard { softCalledHard += 1 }
    }
    print(development.report("real-lines-3 development"))
    print(heldOut.report("real-lines-3 held-out"))
    // A local fault, a deferral or a 4xx must never reach the suppression list.
    #expect(softCalledHard == 0, "\(softCalledHard) soft-labelled lines are called hard")
    #expect(development.total == 75)
    #expect(heldOut.total == 38)
    // Measured once on arrival, before any rule saw these lines, through `logstat explain
    // --format json` (which now scores as this test does, RealLine3ExplainCLITests): development 54/69 = 78.3%, held-out 30/35 = 85.7%
    // with the labels as first written; 58/69 and 32/35 once R19 (LABELS.md) moved 8 labels
    // from other. With round 8's general rules (a milter reply with only an enhanced code, Exim
    // redirect data and Postfix's bounce/trace daemon as local-error, "is the local host" as a
    // loop, a transient code after MAIL FROM keeping its meaning): development 63/69 = 91.3%,
    // held-out 32/35 = 91.4%. A second batch of 9 (issue threads whose other lines the corpus
    // already held, and Exim's test/log/0543), measured once on arrival: development 5/6,
    // held-out 2/3; the Exim per-host "Cannot assign requested address" then became a
    // connection failure. All 113: development 69/75 = 92.0%, held-out 34/38 = 89.5%. Floors
    // at those values.
    #expect(development.right >= 69)
    #expect(heldOut.right >= 34)
  }
}
