import LogstatKinds
import LogstatScan
import Testing

@Suite struct EximTests {
  @Test func arrival() {
    let s = Scanned(
      "2026-11-22 06:25:01 1tXyZa-000Abc-De <= news@example.net H=app1.example.net [192.0.2.10] P=esmtps X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=no S=18233 id=20261122062501.1@example.net"
    )
    #expect(s.kind == .messageQueued)
    #expect(s.sender == "news@example.net")
    #expect(s.size == 18233)
    #expect(s.clientIP == "192.0.2.10")
  }

  @Test func bounceArrival() {
    let s = Scanned("2026-11-22 06:25:05 1tXyZb-000Abc-Df <= <> R=1tXyZa-000Abc-De U=Debian-exim P=local S=2270")
    #expect(s.kind == .messageQueued)
    #expect(s.hasSender)
    #expect(s.sender == "")
    #expect(s.size == 2270)
    // The message it is about: a bounce Exim made, not mail that entered.
    #expect(s.relatedQueueID == "1tXyZa-000Abc-De")
  }

  /// A bounce that arrived from another server (`<= <> H=...`) has no `R=`: it entered.
  @Test func inboundBounceArrivalHasNoReference() {
    let s = Scanned("2026-11-22 06:25:05 1tXyZb-000Abc-Df <= <> H=mx.example.org [192.0.2.44] P=esmtp S=2270")
    #expect(s.kind == .messageQueued)
    #expect(s.relatedQueueID == "")
  }

  /// `QT=` (log_selector +queue_time) is the delivery delay, as Postfix's `delay=`; a `QT=`
  /// inside the reply text is not.
  @Test func queueTimeIsTheDelay() {
    let head = "2026-11-22 06:25:02 1tXyZa-000Abc-De => ann@gmail.com R=dnslookup T=remote_smtp H=mx.example [192.0.2.1]"
    let cases: [(String, Int)] = [
      (" C=\"250 OK\" QT=5s", 5_000),
      (" C=\"250 OK\" QT=1.333s DT=0.8s", 1_333),
      (" C=\"250 OK\" QT=2m3s", 123_000),
      (" C=\"250 OK\" QT=1w2d3h4m5s", ((7 + 2) * 86_400 + 3 * 3_600 + 4 * 60 + 5) * 1_000),
      (" QT=0s", 0),
      (" C=\"250 OK QT=9s\"", -1),
      (" C=\"250 OK\"", -1),
      (" C=\"250 OK\" QT=5x", -1),
      (" C=\"250 OK\" QT=", -1),
      (" C=\"250 OK\" QT=5", -1),
      (" C=\"250 OK\" QT=99999999999999w", -1),
    ]
    for (tail, millis) in cases {
      let s = Scanned(head + tail)
      #expect(s.kind == .delivery)
      #expect(s.delayMillis == millis, "\(tail)")
    }
  }

  @Test func firstDelivery() {
    let s = Scanned(
      "2026-11-22 06:25:02 1tXyZa-000Abc-De => ann@gmail.com R=dnslookup T=remote_smtp H=gmail-smtp-in.l.google.com [142.250.102.27] X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=yes C=\"250 2.0.0 OK  1732256702 a1si123 - gsmtp\""
    )
    #expect(s.kind == .delivery)
    #expect(s.status == .sent)
    #expect(s.recipient == "ann@gmail.com")
    #expect(s.relayHost == "gmail-smtp-in.l.google.com")
    #expect(s.relayIP == "142.250.102.27")
    #expect(s.replyText == "250 2.0.0 OK  1732256702 a1si123 - gsmtp")
    #expect(s.replyCode == 250)
  }

  @Test func furtherDeliveryAndSuppressed() {
    let more = Scanned("2026-11-22 06:25:02 1tXyZa-000Abc-De -> dan@gmail.com R=dnslookup T=remote_smtp H=gmail-smtp-in.l.google.com [142.250.102.27]")
    #expect(more.status == .sent)
    #expect(more.recipient == "dan@gmail.com")
    let suppressed = Scanned("2026-11-22 06:25:02 1tXyZa-000Abc-De *> dan@gmail.com R=dnslookup T=remote_smtp")
    #expect(suppressed.status == .suppressed)
  }

  @Test func deferWithSMTPError() {
    let s = Scanned(
      "2026-11-22 06:25:02 1tXyZa-000Abc-De == bob@yahoo.com R=dnslookup T=remote_smtp defer (-45) H=mta7.am0.yahoodns.net [67.195.204.72]: SMTP error from remote mail server after MAIL FROM:<news@example.net> SIZE=19000: 421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred due to unexpected volume or user complaints"
    )
    #expect(s.status == .deferred)
    #expect(s.relayHost == "mta7.am0.yahoodns.net")
    #expect(s.replyText.hasPrefix("421 4.7.0 [TSS04] Messages from"))
    #expect(s.replyCode == 421)
    #expect(s.textDSN == "4.7.0")
  }

  @Test func bounceAfterRcpt() {
    let s = Scanned(
      "2026-11-22 06:25:03 1tXyZa-000Abc-De ** cy@corp.example R=dnslookup T=remote_smtp H=mx.corp.example [203.0.113.5]: SMTP error from remote mail server after RCPT TO:<cy@corp.example>: 550 5.1.1 <cy@corp.example>: Recipient address rejected: User unknown"
    )
    #expect(s.status == .bounced)
    #expect(s.recipient == "cy@corp.example")
    #expect(s.replyText == "550 5.1.1 <cy@corp.example>: Recipient address rejected: User unknown")
    #expect(s.replyCode == 550)
    #expect(s.textDSN == "5.1.1")
  }

  @Test func unrouteable() {
    let s = Scanned("2026-11-22 06:25:03 1tXyZa-000Abc-De ** x@nx.example: Unrouteable address")
    #expect(s.status == .bounced)
    #expect(s.recipient == "x@nx.example")
    #expect(s.replyText == "Unrouteable address")
  }

  @Test func deferErrno() {
    let s = Scanned("2026-11-22 06:25:03 1tXyZa-000Abc-De == x@slow.example R=dnslookup T=remote_smtp defer (110): Connection timed out")
    #expect(s.status == .deferred)
    #expect(s.replyText == "Connection timed out")
  }

  @Test(arguments: [
    "2026-11-27 06:25:03 1tXyZa-000Abc-De ** x@slow.example: retry timeout exceeded",
    "2026-11-23 19:04:36 1xVZIZ-0004hC-20 ** t@busy.example R=to_sink T=remote_smtp: all hosts for 'busy.example' have been failing for a long time (and retry time not reached)",
  ])
  func expiries(text: String) {
    #expect(Scanned(text).status == .expired)
  }

  @Test func originalRecipient() {
    let s = Scanned("2026-11-22 06:25:02 1tXyZa-000Abc-De => ann <ann@example.net> R=localuser T=local_delivery")
    #expect(s.recipient == "ann")
    #expect(s.originalRecipient == "ann@example.net")
  }

  @Test func rejectRcpt() {
    let s = Scanned(
      "2026-11-22 06:30:11 H=(spam.example) [198.51.100.23] F=<a@spam.example> rejected RCPT <info@example.net>: JunkMail rejected - 198.51.100.23 is listed at zen.spamhaus.org"
    )
    #expect(s.kind == .inboundReject)
    #expect(s.clientIP == "198.51.100.23")
    #expect(s.sender == "a@spam.example")
    #expect(s.recipient == "info@example.net")
    #expect(s.replyText == "JunkMail rejected - 198.51.100.23 is listed at zen.spamhaus.org")
  }

  @Test func rejectAfterDataAndOthers() {
    let data = Scanned("2026-11-22 06:30:12 H=h.example [198.51.100.24] F=<a@h.example> rejected after DATA: This message contains a virus")
    #expect(data.kind == .inboundReject)
    #expect(data.replyText == "This message contains a virus")
    let ehlo = Scanned("2026-11-23 19:05:01 rejected EHLO from [127.0.0.1]: syntactically invalid argument(s): bad_helo!")
    #expect(ehlo.kind == .inboundReject)
    #expect(ehlo.clientIP == "127.0.0.1")
    let mail = Scanned(
      "2026-11-23 19:05:02 rejected MAIL FROM:<alerts@sender.example> H=(client.sender.example) [127.0.0.1]: message too big: size=99999999 max=10485760"
    )
    #expect(mail.kind == .inboundReject)
    #expect(mail.sender == "alerts@sender.example")
  }

  @Test func eximViaSyslog() {
    let s = Scanned("Nov 22 06:25:04 mx1 exim[1234]: 1tXyZa-000Abc-De Completed")
    #expect(s.mta == .exim)
    #expect(s.kind == .messageRemoved)
  }

  @Test func otherEximLinesAreSkipped() {
    #expect(Scanned("2026-11-23 19:01:30 1xVZI4-0004I3-21 Spool file for 1xVZI4-0004I3-21 is locked (another process is handling this message)").kind == .skipped)
    #expect(Scanned("2026-11-23 19:01:30 1xVZIu-0004wx-1N H=127.0.0.9 [127.0.0.9] Connection refused").kind == .skipped)
    #expect(Scanned("2026-11-23 19:01:30 exim 4.96 daemon started: pid=1, -q30m, listening for SMTP on port 25").kind == .skipped)
  }
}

@Suite struct EximRejectBoundaryTests {
  @Test func outboundErrorMentioningRejectedIsNotInbound() {
    let s = Scanned(
      "2026-11-23 19:01:51 1xVZIV-0004dp-2X H=127.0.0.2 [127.0.0.2]: SMTP error from remote mail server after RCPT TO:<b@gmail.example>: 451 4.3.0 Mail server temporarily rejected message. x12si1234567ejb.56 - gsmtp"
    )
    #expect(s.kind == .skipped)
  }

  @Test func rejectAfterDataWithMessageID() {
    let s = Scanned(
      "2026-11-23 19:02:46 1xVZJO-0005Bk-1S H=(client.sender.example) [127.0.0.1] F=<alerts@sender.example> rejected after DATA: 5.7.1 Message content rejected, UCE"
    )
    #expect(s.kind == .inboundReject)
    #expect(s.textDSN == "5.7.1")
    #expect(s.queueID == "1xVZJO-0005Bk-1S")
  }
}
