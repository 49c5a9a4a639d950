import LogstatAggregate
import LogstatClassify
import Testing

/// Reply examples are kept only as long as any report prints them: a reply may be up to the
/// 1 MiB line cap, and one is kept per (domain, reason).
@Suite struct ReplyExampleCapTests {
  /// A Postfix bounce whose reply text is `filler` repeated to about `bytes` bytes.
  func bounce(_ k: Int, bytes: Int, filler: String) -> String {
    let text = String(repeating: filler, count: bytes / filler.utf8.count)
    return "Nov 22 06:25:02 mx1 postfix/smtp[3]: 4D1B2C3A\(k % 10)F: to=<u@d\(k).example>, relay=mx.d\(k).example[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=5.1.1, status=bounced (host mx.d\(k).example[192.0.2.1] said: 550 5.1.1 User unknown \(k) \(text) (in reply to RCPT TO command))"
  }

  func run(_ lines: [String]) -> Aggregate {
    var a = Aggregate()
    a.add(lines: lines, epoch: 1_795_000_000)
    return a
  }

  @Test(arguments: ["x", "é", "😀"])
  func longRepliesAreCutAtACharacterBoundary(_ filler: String) throws {
    let a = run((0..<20).map { bounce($0, bytes: 100_000, filler: filler) })
    let example = try #require(a.examples.compactMap { $0 }.first)
    #expect(example.text.utf8.count <= ReasonExample.maximumBytes)
    #expect(example.text.utf8.count >= ReasonExample.maximumBytes - 6)
    #expect(example.text.hasSuffix("…"))
    #expect(example.text.hasPrefix("host mx.d0.example[192.0.2.1] said: 550 5.1.1 User unknown 0"))
    for id in 0..<a.domains.count {
      for reason in Reason.allCases {
        guard let text = a.domainHours.example(domain: Int32(id), reason: reason) else { continue }
        #expect(text.utf8.count <= ReasonExample.maximumBytes)
        #expect(text.unicodeScalars.allSatisfy { $0 != "\u{FFFD}" })
      }
    }
  }

  @Test func shortRepliesAreKeptWhole() throws {
    let line = bounce(1, bytes: 10, filler: "y")
    let a = run([line])
    let example = try #require(a.examples.compactMap { $0 }.first)
    #expect(example.text == "host mx.d1.example[192.0.2.1] said: 550 5.1.1 User unknown 1 yyyyyyyyyy (in reply to RCPT TO command)")
    #expect(ReasonExample(text: String(repeating: "z", count: 5000), domain: "d").text.utf8.count
      == ReasonExample.maximumBytes)
  }
}
