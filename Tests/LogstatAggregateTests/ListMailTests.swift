import LogstatAggregate
import LogstatEvents
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// One message to very many recipients (list mail): counted right, in time linear in the
/// recipients (a scan of the recipient list per line made 200k recipients take 11 s).
@Suite struct ListMailTests {
  /// Feeds one Postfix message to `n` recipients (every 7th deferred first, then sent) and
  /// returns the finished aggregate and the seconds the lines took.
  func run(recipients n: Int, split: Bool = false) -> (Aggregate, Double) {
    let id = "4D1B2C3A4F"
    var lines = [
      "Nov 22 06:25:01 mx1 postfix/cleanup[1]: \(id): message-id=<list@example.net>",
      "Nov 22 06:25:01 mx1 postfix/qmgr[2]: \(id): from=<news@example.net>, size=100, nrcpt=\(n) (queue active)",
    ]
    func delivery(_ k: Int, _ status: String) -> String {
      "Nov 22 06:25:02 mx1 postfix/smtp[3]: \(id): to=<u\(k)@d\(k % 100).example>, relay=mx.d.example[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=\(status == "sent" ? "2.0.0" : "4.4.1"), status=\(status) (\(status == "sent" ? "250 ok" : "connect to mx.d.example[192.0.2.1]:25: Connection timed out"))"
    }
    for k in 0..<n where k % 7 == 0 { lines.append(delivery(k, "deferred")) }
    for k in 0..<n { lines.append(delivery(k, "sent")) }
    lines.append("Nov 22 06:30:00 mx1 postfix/qmgr[2]: \(id): removed")
    let cut = split ? lines.count / 2 : lines.count
    let start = clock()
    var first = Aggregate()
    first.startsInput = true
    var second = Aggregate()
    var maker = LineEventMaker()
    for (k, text) in lines.enumerated() {
      maker.withEvent(text, epoch: 1_795_000_000) { event in
        if k < cut { first.add(event) } else { second.add(event) }
      }
    }
    first.merge(second)
    first.finish()
    let seconds = Double(clock() - start) / Double(CLOCKS_PER_SEC)
    return (first, seconds)
  }

  func delivered(_ a: Aggregate) -> (Int, Int, Int) {
    var delivered = 0
    var recipients = 0
    var later = 0
    for c in a.domainCounters {
      delivered += c.delivered
      recipients += c.recipients
      later += c.deferredThenDelivered
    }
    return (recipients, delivered, later)
  }

  @Test(arguments: [false, true])
  func everyRecipientCountedOnce(split: Bool) {
    let (a, _) = run(recipients: 5_000, split: split)
    let (recipients, sent, later) = delivered(a)
    #expect(recipients == 5_000)
    #expect(sent == 5_000)
    #expect(later == (5_000 + 6) / 7)
  }

  @Test func timeIsLinearInRecipients() {
    _ = run(recipients: 5_000)  // warm up
    let (_, small) = run(recipients: 50_000)
    let (a, large) = run(recipients: 200_000)
    #expect(delivered(a).1 == 200_000)
    // Linear: about 4×; the issue's bound is 8× (quadratic was 14×).
    #expect(large <= 8 * small, "50k: \(small) s, 200k: \(large) s")
  }
}
