import LogstatClassify
import LogstatEvents
import LogstatScan
import Testing

/// What Scan and Classify hand the counts: every field of the event, parsed from real-shaped
/// lines (Postfix's and Exim's own formats, as in LogstatScanTests).
@Suite struct LineEventTests {
  /// Calls `body` with the event of `line` (scanned, classified, built as the engine does).
  func event(_ line: String, counted: Bool = true, _ body: (LineEvent) -> Void) {
    var maker = LineEventMaker()
    maker.withEvent(line, epoch: 1_795_300_000, counted: counted, body)
  }

  func key(_ id: String) -> QueueKey {
    var id = id
    return id.withUTF8 { QueueKey(UnsafeRawBufferPointer($0)) }
  }

  @Test("a full disk our own Exim reports (no remote host) is local-error; a remote server's stays storage-full")
  func ownDiskIsLocalError() {
    event(
      "2026-05-02 10:00:02 1abcde-000003-AB == bob@myhost.example R=localuser T=local_delivery defer (-1): Unable to create lock file /var/mail/bob.lock: No space left on device"
    ) { e in
      #expect(e.verdict?.reason == .localError)
      #expect(e.verdict?.isHard == false)
    }
    event(
      "2026-05-02 10:00:03 1abcde-000004-AB == bob@example.com R=dnslookup T=remote_smtp defer (-45) H=mx.example.com [192.0.2.5]: SMTP error from remote mail server after MAIL FROM:<a@example.org>: 452 4.3.1 Insufficient system storage"
    ) { e in
      #expect(e.verdict?.reason == .storageFull)
    }
  }

  @Test func blocklistedBounce() {
    event(
      "Nov 22 06:25:03 mx1 postfix/smtp[1238]: 4D1B2C3A4F: to=<X@B.example>, relay=mx.b.example[198.51.100.7]:25, delay=1.5, delays=0/0/1/0.5, dsn=5.7.1, status=bounced (host mx.b.example[198.51.100.7] refused to talk to me: 554 5.7.1 Service unavailable; Client host [192.0.2.25] blocked using zen.spamhaus.org)"
    ) { e in
      #expect(e.kind == .delivery)
      #expect(e.mta == .postfix)
      #expect(e.epoch == 1_795_300_000)
      #expect(e.status == .bounced)
      #expect(e.hasQueue && e.queue == key("4D1B2C3A4F"))
      #expect(e.recipient.string == "X@B.example")
      #expect(e.recipientDomain.string == "B.example")
      #expect(e.replyCode == 554)
      #expect(e.enhancedCode == 5_007_001)
      #expect(e.delayMillis == 1500)
      #expect(e.verdict?.blocklist == .spamhausZen)
      #expect(e.verdict?.isHard == false)
      // The listed address is ours (192.0.2.25), not the relay's written as host[ip].
      #expect(e.listedAddress.string == "192.0.2.25")
      #expect(e.relayProvider == Provider.none)
      #expect(e.reply.string.hasPrefix("host mx.b.example[198.51.100.7] refused"))
      #expect(!e.forwarded && !e.suppressible)
    }
  }

  @Test func hardBounceOfARemoteMailboxIsSuppressible() {
    event(
      "Nov 23 18:57:44 mx postfix/smtp[2987]: 3C4D5E6F7A: to=<gone@remote.example>, relay=mx.remote.example[192.0.2.9]:25, delay=0.4, delays=0.1/0/0.1/0.2, dsn=5.1.1, status=bounced (host mx.remote.example[192.0.2.9] said: 550 5.1.1 <gone@remote.example>: Recipient address rejected: User unknown in local recipient table (in reply to RCPT TO command))"
    ) { e in
      #expect(e.verdict?.reason == .userUnknown)
      #expect(e.verdict?.isHard == true)
      #expect(e.suppressible)
      #expect(e.listedAddress.isEmpty)
    }
  }

  /// Postfix's lmtp agent failing to reach our own Dovecot is our fault (local-error, never
  /// hard); the same words from the smtp agent are the remote network's (connection-failed); and
  /// an LMTP server's own "user unknown" stays the recipient's.
  @Test func ownDeliveryAgentConnectionFailuresAreLocal() {
    let tail =
      "to=<info@domain.de>, relay=none, delay=2370, delays=2370/0.07/0/0, dsn=4.4.1, status=deferred (connect to 172.20.0.6[172.20.0.6]:2525: Connection refused)"
    event("Apr 11 19:41:56 mail postfix/lmtp[238]: 87F043F2BE: " + tail) { e in
      #expect(e.verdict?.reason == .localError)
      #expect(e.verdict?.isHard == false)
    }
    event("Apr 11 19:41:56 mail postfix/virtual[238]: 87F043F2BE: " + tail) { e in
      #expect(e.verdict?.reason == .localError)
    }
    event("Apr 11 19:41:56 mail postfix/smtp[238]: 87F043F2BE: " + tail) { e in
      #expect(e.verdict?.reason == .connectionFailed)
    }
    event(
      "Sep 07 13:35:41 mail postfix/lmtp[26538]: 81EE0980F16: to=<doesnotexist@example.com>, relay=172.19.0.7[172.19.0.7]:2525, delay=0.72, delays=0.54/0.09/0.05/0.04, dsn=5.1.1, status=bounced (host 172.19.0.7[172.19.0.7] said: 550 5.1.1 <doesnotexist@example.com> User doesn't exist: doesnotexist@example.com (in reply to RCPT TO command))"
    ) { e in
      #expect(e.verdict?.reason == .userUnknown)
      #expect(e.verdict?.isHard == true)
    }
  }

  @Test func localDeliveryUsesTheLoggedAddressAndNamesNoProvider() {
    event(
      "Nov 22 06:25:03 mx1 postfix/local[1238]: 4D1B2C3A4F: to=<x@c.example>, orig_to=<alias@c.example>, relay=local, delay=0.01, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to mailbox)"
    ) { e in
      #expect(e.status == .sent)
      #expect(e.recipient.string == "x@c.example")
      #expect(e.recipientDomain.string == "c.example")
      #expect(e.verdict == nil)  // a delivered line has no failure to classify
      #expect(e.relayProvider == nil)  // `relay=local` is no provider's server
      #expect(e.enhancedCode == 2_000_000)
      #expect(e.replyShape == 0)
    }
  }

  @Test func forwardedAndProviderByRelay() {
    event(
      "Nov 22 06:25:03 mx1 postfix/smtp[1238]: 4D1B2C3A4F: to=<a@hosted.example>, relay=gmail-smtp-in.l.google.com[142.250.102.27]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (forwarded as 5E6F7A8B9C)"
    ) { e in
      #expect(e.forwarded)
      #expect(e.relayProvider == .google)
    }
  }

  @Test func queuedMessageNamesItsSender() {
    event(
      "Nov 22 06:25:01 mx1 postfix/qmgr[2]: 4D1B2C3A4F: from=<News@Example.net>, size=1234, nrcpt=2 (queue active)"
    ) { e in
      #expect(e.kind == .messageQueued)
      #expect(e.hasSender)
      #expect(e.sender.string == "News@Example.net")
      #expect(e.senderDomain.string == "Example.net")
      #expect(e.size == 1234)
      #expect(e.queue == key("4D1B2C3A4F"))
    }
    event("Nov 22 06:25:01 mx1 postfix/qmgr[2]: 4D1B2C3A4F: from=<>, size=99, nrcpt=1 (queue active)") { e in
      #expect(e.hasSender && e.sender.isEmpty && e.senderDomain.isEmpty)
    }
  }

  @Test func inboundRejectNamesClientAndRecipientDomain() {
    event(
      "Nov 22 06:30:11 mx1 postfix/smtpd[2001]: NOQUEUE: reject: RCPT from unknown[198.51.100.23]: 554 5.7.1 Service unavailable; Client host [198.51.100.23] blocked using zen.spamhaus.org; from=<a@spam.example> to=<info@example.net> proto=ESMTP helo=<spam.example>"
    ) { e in
      #expect(e.kind == .inboundReject)
      #expect(e.client.string == "198.51.100.23")
      #expect(e.recipientDomain.string == "example.net")
      #expect(e.replyCode == 554 && e.enhancedCode == 5_007_001)
      #expect(e.verdict?.blocklist == .spamhausZen)
      #expect(!e.hasQueue)
    }
  }

  @Test func eventLines() {
    event(
      "Sep 12 10:09:42 mx postfix/submission/smtpd[12]: warning: unknown[203.0.113.9]: SASL LOGIN authentication failed: authentication failure, sasl_username=joe@example.net"
    ) { e in
      #expect(e.kind == .event && e.event == .authFailure)
      #expect(e.client.string == "203.0.113.9")
      #expect(e.user.string == "joe@example.net")
    }
    event(
      "Sep 12 10:09:42 mx postfix/smtp[12]: Trusted TLS connection established to gmail-smtp-in.l.google.com[142.250.102.27]:25: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)"
    ) { e in
      #expect(e.event == .tlsOutbound)
      #expect(e.relay.string.hasPrefix("gmail-smtp-in.l.google.com"))
    }
    event("Nov 23 18:58:12 mx postfix/smtpd[14390]: connect from localhost[127.0.0.1]") { e in
      #expect(e.event == .connect)
      #expect(e.client.string == "localhost")
    }
    event("Nov 23 18:58:12 mx postfix/smtpd[14390]: warning: hostname 198-51-100-7.example does not resolve to address 198.51.100.7") { e in
      #expect(e.event == .warning)
      let group = e.withLogGroup { name, _ in name.string }
      #expect(group == "warning smtpd: hostname # does not resolve to address #")
    }
  }

  /// Lines before the time window only feed correlation: never classified.
  @Test func contextLinesAreNotClassified() {
    let line =
      "Nov 23 18:57:44 mx postfix/smtp[2987]: 3C4D5E6F7A: to=<gone@remote.example>, relay=mx.remote.example[192.0.2.9]:25, delay=0.4, delays=0.1/0/0.1/0.2, dsn=5.1.1, status=bounced (host mx.remote.example[192.0.2.9] said: 550 5.1.1 User unknown (in reply to RCPT TO command))"
    event(line, counted: false) { e in
      #expect(!e.counted)
      #expect(e.verdict == nil)
      #expect(e.recipient.string == "gone@remote.example")
    }
  }

  /// Replies that differ only in digits have one shape; others do not.
  @Test func replyShapesIgnoreDigits() {
    var shapes: [UInt64] = []
    for text in [
      "421 4.7.28 unusual rate from 192.0.2.25 12a1si44 - gsmtp", "421 4.7.28 unusual rate from 198.51.100.7 9a1si3 - gsmtp",
      "421 4.7.0 try again later",
    ] {
      event(
        "Nov 22 06:25:02 mx1 postfix/smtp[3]: 4D1B2C3A4F: to=<a@x.example>, relay=mx.x.example[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=4.7.28, status=deferred (host mx.x.example[192.0.2.1] said: \(text) (in reply to end of DATA command))"
      ) { shapes.append($0.replyShape) }
    }
    #expect(shapes[0] == shapes[1])
    #expect(shapes[0] != shapes[2])
    #expect(shapes[0] != 0)
  }

  /// The hash an event carries is the case-folded hash of the name's bytes, so a table can key
  /// on it whichever case a line wrote.
  @Test func namesAreHashedCaseFolded() {
    var hashes: [UInt64] = []
    for address in ["Someone.Long-Name@Example.COM", "someone.long-name@example.com"] {
      event(
        "Nov 22 06:25:03 mx1 postfix/smtp[1]: 4D1B2C3A4F: to=<\(address)>, relay=mx.example.com[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 ok)"
      ) { e in
        var copy = address
        #expect(e.recipient.hash == copy.withUTF8 { NameHash.of(UnsafeRawBufferPointer($0)) })
        hashes.append(e.recipient.hash)
        hashes.append(e.recipientDomain.hash)
      }
    }
    #expect(hashes[0] == hashes[2])
    #expect(hashes[1] == hashes[3])
    #expect(hashes[0] != hashes[1])
  }
}

/// The event stays a small plain value, built on the stack once per line: 360 bytes today
/// (six hashed names of 24 bytes, five texts of 16, two packed queue keys of 24, the rest
/// codes, numbers and flags). A field added must earn its bytes.
@Suite struct LineEventLayoutTests {
  @Test func sizeInBytes() {
    #expect(MemoryLayout<EventName>.size == 24)
    #expect(MemoryLayout<EventText>.size == 16)
    #expect(MemoryLayout<QueueKey>.size == 24)
    #expect(MemoryLayout<LineEvent>.size <= 384)
  }
}
