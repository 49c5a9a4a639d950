import LogstatAggregate
import LogstatScan
import Testing

/// Cases the merge properties found (or that lie next to them), as plain tests with exact logs.
@Suite struct MergeRegressionTests {
  /// Every split into two and three parts equals the whole, for one fixed log.
  func expectSplitInvariant(_ text: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    let lines = text.map { Array($0.utf8) }
    let n = lines.count
    let whole = AggregateDump.dump(AggregateDump.finished(AggregateDump.aggregate(lines, 0..<n)))
    for i in 0...n {
      for j in i...n {
        let a = AggregateDump.aggregate(lines, 0..<i)
        let b = AggregateDump.aggregate(lines, i..<j)
        let c = AggregateDump.aggregate(lines, j..<n)
        var bc = b
        bc.merge(c)
        let right = AggregateDump.dump(AggregateDump.merged([a, bc]))
        let left = AggregateDump.dump(AggregateDump.merged([a, b, c]))
        #expect(left == whole, "(A+B)+C at \(i),\(j):\n\(AggregateDump.difference(whole, left))", sourceLocation: sourceLocation)
        #expect(right == whole, "A+(B+C) at \(i),\(j):\n\(AggregateDump.difference(whole, right))", sourceLocation: sourceLocation)
      }
    }
  }

  /// The counters of `domain` in `a` (empty when absent).
  func counters(_ a: Aggregate, _ domain: String) -> DomainCounters {
    let id = (0..<a.domains.count).first { a.domains.string(Int32($0)) == domain }
    return id.map { a.domainCounters[$0] } ?? DomainCounters()
  }

  /// The aggregate of `text`, finished.
  func whole(_ text: [String]) -> Aggregate {
    let lines = text.map { Array($0.utf8) }
    return AggregateDump.finished(AggregateDump.aggregate(lines, 0..<lines.count))
  }

  /// Exim: a delivery line before `<=` belongs to an earlier life of the ID; a `==` after
  /// `Completed` to a later one. Merging used to join the first piece with the last.
  @Test func pieceBeforeABirthDoesNotJoinAPieceAfterTheLifeEnds() {
    let log = [
      "2026-11-22 06:00:00 1tXyZd-000Abe-Dg => bob@yahoo.com R=dnslookup T=remote_smtp H=mx.yahoo.com [203.0.113.9] C=\"250 2.0.0 OK\"",
      "2026-11-22 06:00:01 1tXyZd-000Abe-Dg <= billing@shop.example.org H=app1.example.net [192.0.2.10] P=esmtps S=37129 id=1@example.net",
      "2026-11-22 06:00:02 1tXyZd-000Abe-Dg Completed",
      "2026-11-22 06:00:03 1tXyZd-000Abe-Dg == bob@yahoo.com R=dnslookup T=remote_smtp defer (111): Connection refused",
    ]
    let a = whole(log)
    let yahoo = counters(a, "yahoo.com")
    #expect(yahoo.recipients == 2)
    #expect(yahoo.delivered == 1)
    #expect(yahoo.stillDeferred == 1)
    expectSplitInvariant(log)
  }

  /// qmgr logs `from=, size=` on every queue run; a rotation between two runs must not
  /// count the message's bytes twice.
  @Test func sizeIsCountedOncePerMessageAcrossParts() {
    let log = [
      "Nov 22 08:10:00 mx1 postfix/cleanup[3302]: 5E6F7A8B9C: message-id=<n2@example.net>",
      "Nov 22 08:10:00 mx1 postfix/qmgr[990]: 5E6F7A8B9C: from=<news@example.net>, size=20480, nrcpt=1 (queue active)",
      "Nov 22 08:10:02 mx1 postfix/smtp[3306]: 5E6F7A8B9C: to=<full@gmx.de>, relay=mx00.emig.gmx.net[212.227.15.9]:25, delay=1.5, delays=0.1/0/0.6/0.8, dsn=4.2.2, status=deferred (host mx00.emig.gmx.net[212.227.15.9] said: 452 4.2.2 Mailbox full (in reply to RCPT TO command))",
      "Nov 22 08:40:00 mx1 postfix/qmgr[990]: 5E6F7A8B9C: from=<news@example.net>, size=20480, nrcpt=1 (queue active)",
      "Nov 22 08:40:02 mx1 postfix/smtp[3308]: 5E6F7A8B9C: to=<full@gmx.de>, relay=mx01.emig.gmx.net[212.227.17.5]:25, delay=1802, delays=1800/0/0.7/1.3, dsn=2.0.0, status=sent (250 OK)",
      "Nov 22 08:40:02 mx1 postfix/qmgr[990]: 5E6F7A8B9C: removed",
    ]
    #expect(whole(log).bytesReceived == 20480)
    expectSplitInvariant(log)
  }

  /// A null-sender message re-queued is one notification, however the log is split.
  @Test func notificationIsCountedOncePerMessage() {
    let log = [
      "Nov 23 00:29:01 mx1 postfix/qmgr[990]: 4Vq8Kz1sZZz9xyz: from=<>, size=6400, nrcpt=1 (queue active)",
      "Nov 23 00:59:01 mx1 postfix/qmgr[990]: 4Vq8Kz1sZZz9xyz: from=<>, size=6400, nrcpt=1 (queue active)",
      "Nov 23 00:59:02 mx1 postfix/smtp[3304]: 4Vq8Kz1sZZz9xyz: to=<billing@shop.example.org>, relay=mx.shop.example.org[203.0.113.40]:25, delay=0.7, delays=0/0/0.3/0.4, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 4H1x2y3z)",
    ]
    #expect(whole(log).notificationsSent == 1)
    expectSplitInvariant(log)
  }

  /// A notification Postfix made (`sender non-delivery notification: QID2`) was not received:
  /// its size stays out of `bytesReceived` however the log is split, also when the split
  /// falls between its cleanup line and the bounce daemon's line naming it.
  @Test func ownNotificationIsNotReceivedBytes() {
    let log = [
      "Nov 22 06:25:01 mx1 postfix/submission/smtpd[3210]: 8C1D2E3F40: client=app1.example.net[192.0.2.10], sasl_method=PLAIN, sasl_username=app1",
      "Nov 22 06:25:01 mx1 postfix/cleanup[3211]: 8C1D2E3F40: message-id=<a1@example.net>",
      "Nov 22 06:25:01 mx1 postfix/qmgr[990]: 8C1D2E3F40: from=<alerts@example.net>, size=2210, nrcpt=1 (queue active)",
      "Nov 22 06:25:04 mx1 postfix/smtp[3214]: 8C1D2E3F40: to=<nobody@example.com>, relay=mx.example.com[203.0.113.5]:25, delay=3, delays=0.1/0/1.2/1.7, dsn=5.1.1, status=bounced (host mx.example.com[203.0.113.5] said: 550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown (in reply to RCPT TO command))",
      "Nov 22 06:25:05 mx1 postfix/cleanup[3211]: 8C1D2E3F51: message-id=<20261122062505.8C1D2E3F51@mx1.example.net>",
      "Nov 22 06:25:05 mx1 postfix/bounce[3216]: 8C1D2E3F40: sender non-delivery notification: 8C1D2E3F51",
      "Nov 22 06:25:05 mx1 postfix/qmgr[990]: 8C1D2E3F40: removed",
      "Nov 22 06:25:05 mx1 postfix/qmgr[990]: 8C1D2E3F51: from=<>, size=4400, nrcpt=1 (queue active)",
      "Nov 22 06:25:06 mx1 postfix/smtp[3217]: 8C1D2E3F51: to=<alerts@example.net>, relay=mx.example.net[192.0.2.20]:25, delay=1, delays=0/0/0.5/0.5, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 9Z8Y7X)",
      "Nov 22 06:25:06 mx1 postfix/qmgr[990]: 8C1D2E3F51: removed",
    ]
    let a = whole(log)
    #expect(a.bytesReceived == 2210)
    #expect(a.notificationsSent == 1)
    #expect(a.messagesReceived == 1)
    expectSplitInvariant(log)
  }

  /// An expiry line (sender, no size) before the queue line: the size still counts.
  @Test func sizeAfterAnExpiryLineCounts() {
    let log = [
      "Nov 22 06:00:00 mx1 postfix/qmgr[990]: 4Vq8Kz1sYHz9abc: from=<alerts@example.net>, status=expired, returned to sender",
      "Nov 22 06:00:01 mx1 postfix/cleanup[3102]: 3F2A1B0C11: message-id=<1.3F2A1B0C11@mx1.example.net>",
      "Nov 22 06:00:02 mx1 postfix/qmgr[990]: 4Vq8Kz1sYHz9abc: from=<>, size=31304, nrcpt=4 (queue active)",
      "Nov 22 06:00:03 mx1 postfix/smtp[3304]: 4Vq8Kz1sYHz9abc: to=<billing@shop.example.org>, relay=mx.shop.example.org[203.0.113.40]:25, delay=0.7, delays=0/0/0.3/0.4, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 4H1x2y3z)",
    ]
    #expect(whole(log).bytesReceived == 31304)
    expectSplitInvariant(log)
  }

  /// Postfix expires a message whose recipients were deferred in two earlier parts: all of
  /// them expired, whichever two parts are merged first.
  @Test func expiryReachesRecipientsOfEveryEarlierPart() {
    let log = [
      "Nov 22 08:10:00 mx1 postfix/cleanup[3302]: 5E6F7A8B9C: message-id=<n2@example.net>",
      "Nov 22 08:10:00 mx1 postfix/qmgr[990]: 5E6F7A8B9C: from=<news@example.net>, size=20480, nrcpt=2 (queue active)",
      "Nov 22 08:10:02 mx1 postfix/smtp[3306]: 5E6F7A8B9C: to=<full@gmx.de>, relay=mx00.emig.gmx.net[212.227.15.9]:25, delay=1.5, delays=0.1/0/0.6/0.8, dsn=4.2.2, status=deferred (host mx00.emig.gmx.net[212.227.15.9] said: 452 4.2.2 Mailbox full (in reply to RCPT TO command))",
      "Nov 22 08:10:03 mx1 postfix/error[3307]: 5E6F7A8B9C: to=<old@legacy.example>, relay=none, delay=1.9, delays=0.1/0/0/1.8, dsn=4.4.2, status=deferred (delivery temporarily suspended: conversation with mx.legacy.example[203.0.113.66] timed out while receiving the initial server greeting)",
      "Nov 27 08:10:00 mx1 postfix/qmgr[990]: 5E6F7A8B9C: from=<news@example.net>, status=expired, returned to sender",
      "Nov 27 08:10:00 mx1 postfix/qmgr[990]: 5E6F7A8B9C: removed",
    ]
    let a = whole(log)
    #expect(counters(a, "gmx.de").expired == 1)
    #expect(counters(a, "legacy.example").expired == 1)
    expectSplitInvariant(log)
  }
}
