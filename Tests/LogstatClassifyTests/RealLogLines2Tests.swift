import Testing

@testable import LogstatClassify

/// `Corpus/real-lines-2.tsv`: whole Postfix and Exim log lines from sources `real-lines.tsv` does
/// not use, explained as `logstat explain` does. Split by the reply corpora's FNV-1a rule; the
/// held-out part is printed as a summary only, never line by line.
@Suite("Real log lines, second set: development and held-out parts")
struct RealLogLines2Tests {
  static func load() throws -> [RealLogLine] { try RealLogLine.load("real-lines-2.tsv") }

  @Test("every label is a reason id, every line names its source, no line repeats another file's")
  func wellFormed() throws {
    let lines = try Self.load()
    #expect(lines.count >= 152)
    #expect(Set(lines.map { $0.text.lowercased() }).count == lines.count, "a line repeats")
    for line in lines {
      #expect(Reason(rawValue: line.reason) != nil, "line \(line.number): unknown reason \(line.reason)")
      #expect(line.source.contains("/"), "line \(line.number): source should be repository and path, or a URL")
      if line.hard {
        #expect(Reason(rawValue: line.reason)?.isHard == true, "line \(line.number) is hard with \(line.reason)")
      }
    }
    // Fresh means fresh: no text of the first set of lines.
    let first = try readFile(RealCorpus.folder + "/real-lines.tsv").lowercased()
    for line in lines {
      #expect(!first.contains(line.text.lowercased()), "line \(line.number) is already in real-lines.tsv")
    }
  }

  @Test("accuracy per part; no soft-labelled line is called hard")
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
    print(development.report("real-lines-2 development"))
    print("real-lines-2 held-out: \(heldOut.summary)")
    // A local fault, a deferral or a 4xx must never reach the suppression list.
    #expect(softCalledHard == 0, "\(softCalledHard) soft-labelled lines are called hard")
    #expect(development.total == 108)
    #expect(heldOut.total == 44)
    // Measured on the first 84 lines with the classifier before any rule saw them: development
    // 44/57 = 77.2%, held-out 23/27 = 85.2%; with this round's general rules 50/57 and 25/27.
    // The 15 DANE/TLS lines added last were measured once on arrival: development 13/13,
    // held-out 1/2; the 8 open-resolver, DNSBL-lookup, pipelining and milter lines after them
    // development 3/5, held-out 2/3; the last 5 (Exim relay and MX-to-self, T-Online, access
    // map, sender not owned) development 3/4, held-out 1/1. Now development 71/79 = 89.9%,
    // held-out 30/33 = 90.9% (the dnsblog, MX-to-self and "temporarily rejected" rules).
    // The 40 lines of batches 2-4 (Exim ACL configuration errors, lock failures, router and
    // pipe faults, RCPT-time refusals; Postfix nullMX, HELO, LMTP, open-resolver lines), each
    // batch measured once on arrival: development 19/29, held-out 5/11 (24/40 = 60%); after
    // the rules they prompted (Exim ACL errors and a router's retry time, LMTP agents' failed
    // connections as local-error): development 26/29, held-out 8/11. Then Exim's own wordings
    // among the older development misses (a SpamAssassin score, DROP in ACL, no valid sender
    // in any header, queue_domains, local_scan's library, a DBM file). All: development
    // 104/108 = 96.3%, held-out 38/44 = 86.4%. Floors one line below.
    #expect(development.right >= 103)
    #expect(heldOut.right >= 37)
  }
}
