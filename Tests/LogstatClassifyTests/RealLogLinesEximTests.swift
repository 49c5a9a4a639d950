import Testing

@testable import LogstatClassify

/// `Corpus/real-lines-exim.tsv`: main-log lines the real Exim 4.96 wrote on this project's build
/// machine (a private instance on loopback, issue 13), explained as `logstat explain` does. The
/// local faults of our own Exim must come out local-error and never hard; the remote lines carry
/// reply texts written for the run, so they check Exim's wrapper (who said what, at which step).
/// Every line was seen while the rules below were written: there is no held-out part.
@Suite("Real Exim 4.96 lines from a loopback instance (issue 13, 13x)")
struct RealLogLinesEximTests {
  static func load() throws -> [RealLogLine] { try RealLogLine.load("real-lines-exim.tsv") }

  @Test("every label is a reason id, every line names its scenario, no line repeats")
  func wellFormed() throws {
    let lines = try Self.load()
    #expect(lines.count == 97)
    #expect(Set(lines.map { $0.text.lowercased() }).count == lines.count, "a line repeats")
    for line in lines {
      #expect(Reason(rawValue: line.reason) != nil, "line \(line.number): unknown reason \(line.reason)")
      #expect(line.source.hasPrefix("Exim 4.96 on loopback, scenario "), "line \(line.number): source")
      #expect(!line.hard || Reason(rawValue: line.reason)?.isHard == true, "line \(line.number) is hard with \(line.reason)")
    }
  }

  @Test("accuracy and confusion; no local fault and no soft-labelled line is called hard")
  func accuracy() throws {
    let classifier = ReplyClassifier()
    var score = RealCorpus.Score()
    var softCalledHard = 0
    var localFaultsMissed: [Int] = []
    for line in try Self.load() {
      let e = explain(line.text, classifier: classifier)
      score.add(expected: line.reason + (line.hard ? "/hard" : "/soft"), got: e.reason.rawValue + (e.isHard ? "/hard" : "/soft"))
      if !line.hard, e.isHard { softCalledHard += 1 }
      if line.reason == "local-error", e.reason != .localError { localFaultsMissed.append(line.number) }
    }
    print(score.report("real-lines-exim"))
    #expect(softCalledHard == 0, "\(softCalledHard) soft-labelled lines are called hard")
    // Measured once on arrival through `logstat explain --format json` (the first 87 lines, then
    // batch 2's 3): 78/87 = 89.7% with 1 soft line called hard, then 78/90 with 3 (batch 2's
    // ** line of a route-list host that does not exist was domain-not-found, hard). With the
    // rules of this round (an Exim message line with no flag is no outcome and takes its host
    // and reply like a flagged one; a transport's output is our command's; Exim's templates
    // for hosts our configuration names and for a uid/gid with no user): 83/90 = 92.2%. Left
    // as misses: "no IP address found for host X" (labelled local-error, read domain-not-found
    // but soft; real-lines-2.tsv labels the same Exim line dns-failure), and four lines whose
    // reply texts were written for the run (a HELO refusal with 5.7.1, "unsolicited bulk mail",
    // "queue file write error"), phrase questions, not wrapper ones. Batch 3 (7 lines: exit 73,
    // a route to ourselves, STARTTLS offered then no TLS, 530 at MAIL FROM, 421 at RCPT TO, one
    // of two recipients refused), measured once after those rules: 6/7 (the scripted "421 4.3.0
    // ... shutting down, closing connection" reads connection-failed; labelled server-error).
    // All 97: 89 = 91.8%; 91 = 93.8% once the two "queue file write error" lines took the
    // storage-full label every other file gives them (LABELS.md, 13x); 92 = 94.8% with "unsolicited
    // bulk" read as spam (round 10).
    #expect(score.right >= 92)
    // Every local fault but the two "no IP address found" lines is local-error.
    #expect(localFaultsMissed.count <= 2, "local faults read otherwise: lines \(localFaultsMissed)")
  }
}
