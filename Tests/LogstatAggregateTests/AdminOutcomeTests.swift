import LogstatAggregate
import LogstatScan
import Testing

/// The admin's actions and the new outcomes, counted through the aggregate.
@Suite struct AdminOutcomeTests {
  static func run(_ lines: [String], split: Int? = nil) -> Aggregate {
    let bytes = lines.map { Array($0.utf8) }
    guard let split else { return AggregateDump.finished(AggregateDump.aggregate(bytes, 0..<bytes.count, startsInput: true)) }
    return AggregateDump.merged([
      AggregateDump.aggregate(bytes, 0..<split, startsInput: true), AggregateDump.aggregate(bytes, split..<bytes.count),
    ])
  }

  static func counters(_ a: Aggregate, _ domain: String) -> DomainCounters {
    (0..<a.domains.count).first { a.domains.string(Int32($0)) == domain }.map { a.domainCounters[$0] } ?? DomainCounters()
  }

  @Test(arguments: [nil, 1, 2, 3])
  func eximRemovedByRootLeavesNothingDeferred(split: Int?) {
    let a = Self.run([
      "2024-09-07 01:30:00 1smkL5-000abc-De <= a@example.net H=h [192.0.2.1] P=esmtp S=1000",
      "2024-09-07 01:31:00 1smkL5-000abc-De == b@slow.example R=dnslookup T=remote_smtp defer (110): Connection timed out",
      "2024-09-07 01:34:12 1smkL5-000abc-De removed by root",
      "2024-09-07 01:34:12 1smkL5-000abc-De Completed",
    ], split: split)
    let c = Self.counters(a, "slow.example")
    #expect(c.stillDeferred == 0)
    #expect(c.removed == 1)
    #expect(c.recipients == 1)
    #expect(a.events[.adminRemoved] == 1)
  }

  @Test(arguments: [nil, 1, 2])
  func postsuperRemovedAndForceExpired(split: Int?) {
    let a = Self.run([
      "Sep 12 10:00:00 mx postfix/qmgr[9]: 4D1B2C3A4F: from=<a@example.net>, size=500, nrcpt=1 (queue active)",
      "Sep 12 10:00:01 mx postfix/smtp[9]: 4D1B2C3A4F: to=<b@slow.example>, relay=none, delay=1, delays=0/0/1/0, dsn=4.4.1, status=deferred (connect to slow.example[192.0.2.9]:25: Connection timed out)",
      "Sep 12 10:05:00 mx postfix/postsuper[77]: 4D1B2C3A4F: removed",
      "Sep 12 10:00:00 mx postfix/qmgr[9]: 5E6F7A8B9C: from=<a@example.net>, size=700, nrcpt=1 (queue active)",
      "Sep 12 10:00:01 mx postfix/smtp[9]: 5E6F7A8B9C: to=<c@slow.example>, relay=none, delay=1, delays=0/0/1/0, dsn=4.4.1, status=deferred (connect to slow.example[192.0.2.9]:25: Connection timed out)",
      "Sep 12 10:06:00 mx postfix/qmgr[9]: 5E6F7A8B9C: from=<a@example.net>, status=force-expired, returned to sender",
      "Sep 12 10:06:01 mx postfix/qmgr[9]: 5E6F7A8B9C: removed",
    ], split: split)
    let c = Self.counters(a, "slow.example")
    #expect(c.removed == 1)
    #expect(c.expired == 1)
    #expect(c.stillDeferred == 0)
  }

  @Test func bytesDeliveredCountsEachDeliveredRecipient() {
    let a = Self.run([
      "Sep 12 10:00:00 mx postfix/qmgr[9]: 4D1B2C3A4F: from=<a@example.net>, size=500, nrcpt=2 (queue active)",
      "Sep 12 10:00:01 mx postfix/smtp[9]: 4D1B2C3A4F: to=<b@x.example>, relay=x[192.0.2.9]:25, delay=1, delays=0/0/1/0, dsn=2.0.0, status=sent (250 ok)",
      "Sep 12 10:00:01 mx postfix/smtp[9]: 4D1B2C3A4F: to=<c@x.example>, relay=x[192.0.2.9]:25, delay=1, delays=0/0/1/0, dsn=2.0.0, status=sent (250 ok)",
      "Sep 12 10:00:02 mx postfix/local[9]: 4D1B2C3A4F: to=<d@x.example>, relay=local, delay=1, delays=0/0/1/0, dsn=2.0.0, status=sent (forwarded as 5E6F7A8B9C)",
      "Sep 12 10:00:03 mx postfix/qmgr[9]: 4D1B2C3A4F: removed",
    ])
    #expect(a.bytesDelivered == 1000)
    #expect(a.events.forwarded == 1)
    #expect(a.recipientAddresses.top(5).map(\.name) == ["b@x.example", "c@x.example"])
    #expect(a.senderAddresses.top(1).first?.bytes == 500)
  }
}
