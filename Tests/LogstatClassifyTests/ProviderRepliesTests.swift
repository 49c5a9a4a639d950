import Testing

@testable import LogstatClassify

/// `Corpus/providers.tsv`: real provider and gateway replies with sources for the providers the
/// other files cover thinly. Same format and split as `real.tsv`; the held-out part is printed
/// as a summary only.
@Suite("Real provider replies: development and held-out parts")
struct ProviderRepliesTests {
  static func load() throws -> [RealReply] { try RealCorpus.load(file: "providers.tsv") }

  @Test("labels are reason ids, sources are named, no text is in another corpus file")
  func wellFormed() throws {
    let replies = try Self.load()
    #expect(replies.count >= 173)
    let others = try RealCorpus.load().map { $0.text.lowercased() }
    for reply in replies {
      #expect(Reason(rawValue: reply.expected) != nil, "line \(reply.line): unknown reason")
      #expect(reply.source.contains("/"), "line \(reply.line): source should be a URL")
      #expect(!others.contains(reply.text.lowercased()), "line \(reply.line) repeats a corpus text")
    }
  }

  @Test("accuracy per part")
  func accuracy() throws {
    let classifier = ReplyClassifier()
    var development = RealCorpus.Score()
    var heldOut = RealCorpus.Score()
    for reply in try Self.load() {
      let got = explain(reply.text, classifier: classifier).reason.rawValue
      if reply.isHeldOut {
        heldOut.add(expected: reply.expected, got: got)
      } else {
        development.add(expected: reply.expected, got: got)
      }
    }
    print(development.report("providers.tsv development"))
    print("providers.tsv held-out: \(heldOut.summary)")
    // Batch 1 (10 replies) measured before any rule saw it: development 6/7, held-out 3/3 (the
    // miss is the arguable "mailbox unavailable ... try again later" with no cause named).
    // Batch 2 (124 replies from Google's and Microsoft's own tables and pasted replies) measured
    // once on arrival, all 134: development 82/89 = 92.1%, held-out 42/45 = 93.3%; after the
    // provider rules it prompted (development misses only): development 88/89, held-out 42/45.
    // Batch 3 (22: Zoho, QQ, Cox, Barracuda, Trend Micro, Mail.ru, Mimecast, Symantec, Cisco) on
    // arrival: development 12/16, held-out 6/6; batch 4 (5: GoDaddy, Fastmail) development 3/4,
    // held-out 1/1; batch 5 (1: Microsoft's Spamhaus block) development 1/1. Now development
    // 107/110 = 97.3%, held-out 49/52 = 94.2% (left: the arguable
    // MailKit "mailbox unavailable ... try again later", QQ's "Mailbox unavailable or access
    // denied" that only QQ's page files as a rate, Mimecast's 451 greylisting that other files
    // call server-error). Batch 6 (11: QQ Mail's Chinese notices, Coremail's and a NetEase
    // reseller's prompts) on arrival: development 7/10, held-out 1/1; after its phrases development
    // 116/120 = 96.7%, held-out 50/53 = 94.3%. Floors one line below.
    #expect(development.total == 120)
    #expect(heldOut.total == 53)
    #expect(development.right >= 115)
    #expect(heldOut.right >= 49)
  }
}
