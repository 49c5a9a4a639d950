import LogstatAggregate
import LogstatScan
import Testing

/// Feeds lines through scanner, classifier and events into an aggregate.
func aggregate(_ lines: [String], counted: Bool = true) -> Aggregate {
  var a = Aggregate()
  a.add(lines: lines, epoch: 0, counted: counted)
  return a
}

func counters(_ a: Aggregate, _ domain: String) -> DomainCounters? {
  for id in 0..<a.domains.count where a.domains.string(Int32(id)) == domain {
    return a.domainCounters[id]
  }
  return nil
}

let message = [
  "Nov 22 06:25:01 mx1 postfix/cleanup[1]: 4D1B2C3A4F: message-id=<m@example.net>",
  "Nov 22 06:25:01 mx1 postfix/qmgr[2]: 4D1B2C3A4F: from=<news@example.net>, size=100, nrcpt=2 (queue active)",
  "Nov 22 06:25:02 mx1 postfix/smtp[3]: 4D1B2C3A4F: to=<a@x.example>, relay=mx.x.example[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=4.4.1, status=deferred (connect to mx.x.example[192.0.2.1]:25: Connection timed out)",
  "Nov 22 06:25:02 mx1 postfix/smtp[3]: 4D1B2C3A4F: to=<b@y.example>, relay=mx.y.example[192.0.2.2]:25, delay=1, delays=0/0/0/1, dsn=4.4.1, status=deferred (connect to mx.y.example[192.0.2.2]:25: Connection timed out)",
  "Nov 22 06:55:02 mx1 postfix/smtp[3]: 4D1B2C3A4F: to=<A@X.example>, relay=mx.x.example[192.0.2.1]:25, delay=1801, delays=1800/0/0/1, dsn=2.0.0, status=sent (250 ok)",
  "Nov 27 06:25:03 mx1 postfix/qmgr[2]: 4D1B2C3A4F: from=<news@example.net>, status=expired, returned to sender",
  "Nov 27 06:25:03 mx1 postfix/qmgr[2]: 4D1B2C3A4F: removed",
]

@Suite struct CorrelationTests {
  @Test func expiryAppliesToRecipientsStillDeferred() {
    var a = aggregate(message)
    a.finish()
    let x = counters(a, "x.example")
    #expect(x?.delivered == 1)
    #expect(x?.deferredThenDelivered == 1)
    #expect(x?.expired == 0)
    let y = counters(a, "y.example")
    #expect(y?.expired == 1)
    #expect(y?.deferredRecipients == 1)
    #expect(a.senderCounters.first?.messages == 1)
    #expect(a.senderCounters.first?.expired == 1)
  }

  @Test(arguments: 0...7)
  func anySplitPointGivesTheSameOutcomes(split: Int) {
    var whole = aggregate(message)
    whole.finish()
    var first = aggregate(Array(message[..<split]))
    first.merge(aggregate(Array(message[split...])))
    first.finish()
    for domain in ["x.example", "y.example"] {
      #expect(counters(first, domain) == counters(whole, domain), "split at \(split), \(domain)")
    }
    #expect(first.senderCounters == whole.senderCounters)
  }

  @Test func reusedQueueIDStartsANewMessage() {
    let again = [
      "Nov 28 06:00:00 mx1 postfix/cleanup[1]: 4D1B2C3A4F: message-id=<n@example.net>",
      "Nov 28 06:00:00 mx1 postfix/qmgr[2]: 4D1B2C3A4F: from=<other@example.org>, size=1, nrcpt=1 (queue active)",
      "Nov 28 06:00:01 mx1 postfix/smtp[3]: 4D1B2C3A4F: to=<b@y.example>, relay=mx.y.example[192.0.2.2]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 ok)",
      "Nov 28 06:00:01 mx1 postfix/qmgr[2]: 4D1B2C3A4F: removed",
    ]
    var a = aggregate(message + again)
    a.finish()
    let y = counters(a, "y.example")
    #expect(y?.expired == 1)
    #expect(y?.delivered == 1)
    #expect(y?.recipients == 2)
  }

  @Test func contextLinesCountNothing() {
    var a = aggregate(message, counted: false)
    a.finish()
    #expect(a.lines.total == 0)
    #expect(counters(a, "x.example")?.attempts == 0)
    #expect(counters(a, "x.example")?.recipients == 0)
  }
}
