import LogstatKinds
import LogstatScan
import Testing

@Suite struct PostfixDeliveryTests {
  @Test func sentWithRelayAndDelays() {
    let s = Scanned(
      "Nov 22 06:25:02 mx1 postfix/smtp[1236]: 4D1B2C3A4F: to=<ann@gmail.com>, relay=gmail-smtp-in.l.google.com[142.250.102.27]:25, delay=1.2, delays=0.1/0/0.5/0.6, dsn=2.0.0, status=sent (250 2.0.0 OK  1732256702 a1si123 - gsmtp)"
    )
    #expect(s.kind == .delivery)
    #expect(s.queueID == "4D1B2C3A4F")
    #expect(s.recipient == "ann@gmail.com")
    #expect(s.relayHost == "gmail-smtp-in.l.google.com")
    #expect(s.relayIP == "142.250.102.27")
    #expect(s.delayMillis == 1200)
    #expect(s.dsn == "2.0.0")
    #expect(s.status == .sent)
    #expect(s.replyText == "250 2.0.0 OK  1732256702 a1si123 - gsmtp")
    #expect(s.replyCode == 250)
    #expect(s.textDSN == "2.0.0")
  }

  @Test func deferredReplyWithParenthesesInside() {
    let s = Scanned(
      "Nov 22 06:25:02 mx1 postfix/smtp[1237]: 4D1B2C3A4F: to=<bob@yahoo.com>, relay=mta7.am0.yahoodns.net[67.195.204.72]:25, delay=1.3, delays=0.1/0/0.6/0.6, dsn=4.7.0, status=deferred (host mta7.am0.yahoodns.net[67.195.204.72] said: 421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred due to unexpected volume or user complaints (in reply to MAIL FROM command))"
    )
    #expect(s.status == .deferred)
    #expect(
      s.replyText
        == "host mta7.am0.yahoodns.net[67.195.204.72] said: 421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred due to unexpected volume or user complaints (in reply to MAIL FROM command)"
    )
    #expect(s.replyCode == 421)
    #expect(s.textDSN == "4.7.0")
  }

  @Test func bouncedRefusedToTalk() {
    let s = Scanned(
      "Nov 22 06:25:03 mx1 postfix/smtp[1]: ABCDE12345: to=<x@b.example>, relay=mx.b.example[198.51.100.7]:25, delay=0.4, delays=0/0/0.2/0.2, dsn=5.7.1, status=bounced (host mx.b.example[198.51.100.7] refused to talk to me: 554 5.7.1 Service unavailable; Client host [192.0.2.25] blocked using zen.spamhaus.org)"
    )
    #expect(s.status == .bounced)
    #expect(s.replyCode == 554)
    #expect(s.textDSN == "5.7.1")
  }

  @Test func relayNoneDNSFailure() {
    let s = Scanned(
      "Nov 22 06:25:03 mx1 postfix/smtp[1]: ABCDE12345: to=<x@nx.example>, relay=none, delay=0.1, delays=0/0/0.1/0, dsn=5.4.4, status=bounced (Host or domain name not found. Name service error for name=nx.example type=A: Host not found)"
    )
    #expect(s.relayHost == "none")
    #expect(s.relayIP == "")
    #expect(s.dsn == "5.4.4")
    #expect(s.replyCode == 0)
  }

  @Test func localDeliveryWithOrigTo() {
    let s = Scanned(
      "Nov 22 06:25:03 mx1 postfix/local[1]: ABCDE12345: to=<x@c.example>, orig_to=<alias@c.example>, relay=local, delay=0.01, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to mailbox)"
    )
    #expect(s.recipient == "x@c.example")
    #expect(s.originalRecipient == "alias@c.example")
    #expect(s.relayHost == "local")
    #expect(s.delayMillis == 10)
    #expect(s.status == .sent)
  }

  @Test func ipv6RelayAndLongQueueID() {
    let s = Scanned(
      "Nov 22 06:25:03 mx1 postfix/smtp[1]: 4Vq8Kz1sYHz9abc: to=<x@d.example>, relay=mx.d.example[2001:db8::25]:25, delay=2, delays=0.1/0/1/0.9, dsn=5.3.4, status=bounced (message size 31457280 exceeds size limit 10240000 of server mx.d.example[2001:db8::25])"
    )
    #expect(s.queueID == "4Vq8Kz1sYHz9abc")
    #expect(s.relayIP == "2001:db8::25")
    #expect(s.delayMillis == 2000)
  }

  @Test(arguments: ["lmtp", "virtual", "pipe", "error", "discard", "local", "retry"])
  func deliveryAgents(agent: String) {
    let s = Scanned(
      "Nov 22 06:25:03 mx1 postfix/\(agent)[1]: ABCDE12345: to=<x@d.example>, relay=none, delay=0, delays=0/0/0/0, dsn=4.3.0, status=deferred (whatever)"
    )
    #expect(s.kind == .delivery)
    #expect(s.status == .deferred)
  }

  @Test func connUseFieldIsSkipped() {
    let s = Scanned(
      "Nov 22 06:25:03 mx1 postfix/smtp[1]: ABCDE12345: to=<x@d.example>, relay=mx.d.example[192.0.2.5]:25, conn_use=2, delay=0.5, delays=0/0/0/0.5, dsn=2.0.0, status=sent (250 ok)"
    )
    #expect(s.delayMillis == 500)
    #expect(s.status == .sent)
  }

  @Test func verifyProbes() {
    let s = Scanned(
      "Nov 22 06:25:03 mx1 postfix/smtp[1]: ABCDE12345: to=<x@d.example>, relay=mx.d.example[192.0.2.5]:25, delay=0.5, delays=0/0/0/0.5, dsn=5.1.1, status=undeliverable (host said: 550 5.1.1 no)"
    )
    #expect(s.status == .undeliverable)
  }

  @Test func smtpLineWithoutRecipientIsSkipped() {
    let s = Scanned(
      "Nov 23 18:56:58 mx postfix/smtp[14525]: 47CA0FA1F3: host 127.0.0.2[127.0.0.2] said: 451 4.3.0 Mail server temporarily rejected message. (in reply to RCPT TO command)"
    )
    #expect(s.kind == .skipped)
  }
}

@Suite struct PostfixQueueTests {
  @Test func qmgrFrom() {
    let s = Scanned(
      "Nov 22 06:25:01 mx1 postfix/qmgr[999]: 4D1B2C3A4F: from=<news@example.net>, size=18233, nrcpt=3 (queue active)"
    )
    #expect(s.kind == .messageQueued)
    #expect(s.sender == "news@example.net")
    #expect(s.size == 18233)
  }

  @Test func qmgrNullSender() {
    let s = Scanned("Nov 23 18:56:34 mx postfix/qmgr[14377]: 79C63FA172: from=<>, size=2413, nrcpt=1 (queue active)")
    #expect(s.kind == .messageQueued)
    #expect(s.hasSender)
    #expect(s.sender == "")
  }

  @Test func qmgrExpired() {
    let s = Scanned(
      "Nov 27 06:25:03 mx1 postfix/qmgr[999]: 4D1B2C3A4F: from=<news@example.net>, status=expired, returned to sender"
    )
    #expect(s.kind == .messageExpired)
    #expect(s.sender == "news@example.net")
  }

  @Test func cleanupMessageIDCreatesMessage() {
    let s = Scanned("Nov 22 06:25:01 mx1 postfix/cleanup[1235]: 4D1B2C3A4F: message-id=<20261122062501.1@example.net>")
    #expect(s.kind == .messageCreated)
  }

  /// Where a message enters: smtpd (any instance name) `client=` and pickup `uid=`/`sender=`
  /// (lines from samples/ and the real Postfix 3.7 log); not the NOQUEUE connect lines.
  @Test func smtpdClientAndPickupAreMessagesEntering() {
    for text in [
      "Nov 22 06:25:01 mx1 postfix/submission/smtpd[3210]: 8C1D2E3F40: client=app1.example.net[192.0.2.10], sasl_method=PLAIN, sasl_username=app1",
      "Nov 23 18:56:35 mx postfix/smtpd[14594]: 6C318FA176: client=localhost[127.0.0.1]",
      "Nov 23 08:10:00 mx1 postfix/pickup[3101]: 5E6F7A8B9C: uid=1000 from=<news@example.net>",
      "Nov 23 08:10:00 mx1 postfix/pickup[3101]: 5E6F7A8B9D: sender=<news@example.net>, uid=0",
    ] {
      let s = Scanned(text)
      #expect(s.kind == .messageEntered, "\(text)")
    }
    // A connection is a health event (connections per client host), not a message entering.
    let connect = Scanned("Nov 23 18:58:12 mx postfix/smtpd[14390]: connect from localhost[127.0.0.1]")
    #expect(connect.kind == .event && connect.event == .connect)
    let disconnect =
      "Nov 23 18:58:12 mx postfix/smtpd[14390]: disconnect from localhost[127.0.0.1] ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5"
    #expect(Scanned(disconnect).kind == .skipped)
  }

  @Test func bounceNotice() {
    let s = Scanned("Nov 22 06:25:03 mx1 postfix/bounce[1239]: 4D1B2C3A4F: sender non-delivery notification: 4D1B2C3B11")
    #expect(s.kind == .bounceNotice)
    #expect(s.relatedQueueID == "4D1B2C3B11")
  }
}

@Suite struct PostfixRejectTests {
  @Test func smtpdRcptReject() {
    let s = Scanned(
      "Nov 22 06:30:11 mx1 postfix/smtpd[2001]: NOQUEUE: reject: RCPT from unknown[198.51.100.23]: 554 5.7.1 Service unavailable; Client host [198.51.100.23] blocked using zen.spamhaus.org; from=<a@spam.example> to=<info@example.net> proto=ESMTP helo=<spam.example>"
    )
    #expect(s.kind == .inboundReject)
    #expect(s.clientHost == "unknown")
    #expect(s.clientIP == "198.51.100.23")
    #expect(s.replyText == "554 5.7.1 Service unavailable; Client host [198.51.100.23] blocked using zen.spamhaus.org")
    #expect(s.replyCode == 554)
    #expect(s.textDSN == "5.7.1")
    #expect(s.sender == "a@spam.example")
    #expect(s.recipient == "info@example.net")
  }

  @Test func postscreenRejectWithCommas() {
    let s = Scanned(
      "Nov 22 06:30:13 mx1 postfix/postscreen[2002]: NOQUEUE: reject: RCPT from [198.51.100.25]:40112: 550 5.7.1 Service unavailable; client [198.51.100.25] blocked using zen.spamhaus.org; from=<a@b.example>, to=<c@example.net>, proto=ESMTP, helo=<b.example>"
    )
    #expect(s.kind == .inboundReject)
    #expect(s.clientIP == "198.51.100.25")
    #expect(s.replyCode == 550)
    #expect(s.recipient == "c@example.net")
    #expect(s.sender == "a@b.example")
  }

  @Test func mailFromRejectHasNoRecipient() {
    let s = Scanned(
      "Nov 23 18:57:39 mx postfix/smtpd[15317]: NOQUEUE: reject: MAIL from localhost[127.0.0.1]: 552 5.3.4 Message size exceeds fixed limit; from=<alerts@sender.example> proto=ESMTP helo=<client.sender.example>"
    )
    #expect(s.kind == .inboundReject)
    #expect(s.replyCode == 552)
    #expect(s.recipient == "")
    #expect(s.sender == "alerts@sender.example")
  }

  @Test func cleanupMilterReject() {
    let s = Scanned(
      "Nov 22 06:30:14 mx1 postfix/cleanup[2003]: 4D1B2C3C22: milter-reject: END-OF-MESSAGE from h.example[198.51.100.24]: 5.7.1 Spam message rejected; from=<a@h.example> to=<c@example.net> proto=ESMTP helo=<h.example>"
    )
    #expect(s.kind == .inboundReject)
    #expect(s.replyText == "5.7.1 Spam message rejected")
    #expect(s.textDSN == "5.7.1")
    #expect(s.recipient == "c@example.net")
  }

  @Test func cleanupHeaderCheckReject() {
    let s = Scanned(
      "Nov 23 18:57:40 mx postfix/cleanup[15532]: 810A6FA170: reject: header Subject: Cheap VIAGRA deal from localhost[127.0.0.1]; from=<alerts@sender.example> to=<pmueller@outlook.example> proto=ESMTP helo=<client.sender.example>: 5.7.1 Message content rejected, UCE"
    )
    #expect(s.kind == .inboundReject)
    #expect(s.clientIP == "127.0.0.1")
    #expect(s.recipient == "pmueller@outlook.example")
    #expect(s.replyText == "5.7.1 Message content rejected, UCE")
    #expect(s.textDSN == "5.7.1")
  }
}
