import LogstatKinds
import LogstatScan
import Testing

/// Admin, policy, security and health lines (Postfix and Exim) scan into typed events.
@Suite struct EventLineTests {
  @Test func postfixForceExpiredIsAnExpiry() {
    let q = Scanned("Sep 12 10:09:42 mx postfix/qmgr[99]: 4D1B2C3A4F: from=<a@example.net>, status=force-expired, returned to sender")
    #expect(q.kind == .messageExpired)
    #expect(q.status == .expired)
    let d = Scanned("Sep 12 10:09:42 mx postfix/qmgr[99]: 4D1B2C3A4F: to=<b@example.org>, relay=none, delay=300, delays=300/0/0/0, dsn=4.7.0, status=force-expired (message expired by administrative request)")
    #expect(d.kind == .delivery)
    #expect(d.status == .expired)
  }

  @Test func postsuperRemovedIsAnAdminRemoval() {
    let s = Scanned("Sep 12 10:09:42 mx postfix/postsuper[4711]: 4D1B2C3A4F: removed")
    #expect(s.kind == .event)
    #expect(s.event == .adminRemoved)
    #expect(s.queueID == "4D1B2C3A4F")
    #expect(Scanned("Sep 12 10:09:42 mx postfix/postsuper[4711]: Deleted: 1 message").kind == .skipped)
  }

  @Test func proxyRejectIsOurReject() {
    let s = Scanned("Sep 12 10:09:42 mx postfix/smtpd[12]: 4D1B2C3A4F: proxy-reject: END-OF-MESSAGE: 554 5.7.1 Rejected by content filter; from=<a@spam.example> to=<info@example.net> proto=ESMTP helo=<spam.example>")
    #expect(s.kind == .inboundReject)
    #expect(s.replyCode == 554)
    #expect(s.textDSN == "5.7.1")
    #expect(s.recipient == "info@example.net")
    #expect(s.sender == "a@spam.example")
  }

  @Test(arguments: [
    ("NOQUEUE: reject_warning: RCPT from h.example[198.51.100.7]: 450 4.7.1 <h.example>: Helo command rejected: Host not found; from=<a@h.example> to=<b@example.net> proto=ESMTP helo=<h.example>", MailEvent.rejectWarning),
    ("4D1B2C3A4F: hold: RCPT from h.example[198.51.100.7]: <b@example.net>: Recipient address triggers HOLD action; from=<a@h.example> to=<b@example.net> proto=ESMTP helo=<h.example>", .held),
    ("4D1B2C3A4F: discard: RCPT from h.example[198.51.100.7]: <a@h.example>: Sender address triggers DISCARD action; from=<a@h.example> to=<b@example.net> proto=ESMTP helo=<h.example>", .discarded),
  ])
  func smtpdActions(body: String, event: MailEvent) {
    let s = Scanned("Sep 12 10:09:42 mx postfix/smtpd[12]: \(body)")
    #expect(s.kind == .event)
    #expect(s.event == event)
    #expect(s.clientIP == "198.51.100.7")
    #expect(s.replyText == "")
  }

  @Test func cleanupHoldAndDiscard() {
    let hold = Scanned("Sep 12 10:09:42 mx postfix/cleanup[13]: 4D1B2C3A4F: hold: header Subject: invoice from h.example[198.51.100.7]; from=<a@h.example> to=<b@example.net> proto=ESMTP helo=<h.example>")
    #expect(hold.event == .held)
    #expect(hold.clientIP == "198.51.100.7")
    let discard = Scanned("Sep 12 10:09:42 mx postfix/cleanup[13]: 4D1B2C3A4F: discard: body spam from h.example[198.51.100.7]; from=<a@h.example> to=<b@example.net> proto=ESMTP helo=<h.example>: dropped")
    #expect(discard.event == .discarded)
  }

  @Test func saslFailureWithUserName() {
    let s = Scanned("Sep 12 10:09:42 mx postfix/submission/smtpd[12]: warning: unknown[203.0.113.9]: SASL LOGIN authentication failed: authentication failure, sasl_username=joe@example.net")
    #expect(s.event == .authFailure)
    #expect(s.clientIP == "203.0.113.9")
    #expect(s.user == "joe@example.net")
  }

  @Test func severitiesAndTLSAndPostscreen() {
    #expect(Scanned("Sep 12 10:09:42 mx postfix/smtpd[12]: fatal: file /etc/postfix/main.cf: parameter default_privs: unknown user name value: nobody").event == .fatal)
    #expect(Scanned("Sep 12 10:09:42 mx postfix/qmgr[12]: panic: myfree: corrupt or unallocated memory block").event == .panic)
    #expect(Scanned("Sep 12 10:09:42 mx postfix/trivial-rewrite[12]: error: open database /etc/postfix/transport.db: No such file or directory").event == .error)
    let tls = Scanned("Sep 12 10:09:42 mx postfix/smtp[12]: Trusted TLS connection established to gmail-smtp-in.l.google.com[142.250.102.27]:25: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)")
    #expect(tls.event == .tlsOutbound)
    #expect(tls.relayHost == "gmail-smtp-in.l.google.com")
    #expect(Scanned("Sep 12 10:09:42 mx postfix/smtpd[12]: SSL_accept error from unknown[203.0.113.9]: lost connection").event == .tlsFailure)
    #expect(Scanned("Sep 12 10:09:42 mx postfix/postscreen[12]: PREGREET 11 after 0.1 from [203.0.113.9]:54321: EHLO x\\r\\n").event == .pregreet)
    #expect(Scanned("Sep 12 10:09:42 mx postfix/postscreen[12]: DNSBL rank 3 for [203.0.113.9]:54321").event == .dnsblRank)
    #expect(Scanned("Sep 12 10:09:42 mx postfix/postscreen[12]: HANGUP after 0.5 from [203.0.113.9]:54321 in tests after SMTP handshake").event == .hangup)
    #expect(Scanned("Sep 12 10:09:42 mx postfix/postscreen[12]: COMMAND COUNT LIMIT from [203.0.113.9]:54321 after RCPT").event == .commandLimit)
    #expect(Scanned("Sep 12 10:09:42 mx postfix/postscreen[12]: COMMAND PIPELINING from [203.0.113.9]:54321 after EHLO").kind == .skipped)
  }

  @Test func eximAdminAndFrozen() {
    let removed = Scanned("2024-09-07 01:34:12 1smkL5-00000000e65-24eQ removed by root")
    #expect(removed.event == .adminRemoved)
    #expect(removed.user == "root")
    #expect(Scanned("2024-09-07 01:34:12 1smkL5-000abc-De Frozen (delivery error message)").event == .frozen)
    #expect(Scanned("2024-09-07 01:34:12 1smkL5-000abc-De Message is frozen").event == .frozenSkipped)
    #expect(Scanned("2024-09-07 01:34:12 1smkL5-000abc-De Unfrozen by root").event == .unfrozen)
  }

  @Test func eximMissedRefusalsAndAuth() {
    let sync = Scanned("2024-09-07 01:34:12 SMTP protocol synchronization error (input sent without waiting for greeting): rejected connection from H=[203.0.113.9] input=\"EHLO x\\r\\n\"")
    #expect(sync.kind == .inboundReject)
    #expect(sync.clientIP == "203.0.113.9")
    let dropped = Scanned("2024-09-07 01:34:12 H=[203.0.113.9] dropped by 'connect' ACL: too many connections")
    #expect(dropped.kind == .inboundReject)
    #expect(dropped.clientIP == "203.0.113.9")
    let local = Scanned("2024-09-07 01:34:12 1smkL5-000abc-De H=h.example [203.0.113.9] F=<a@h.example> rejected by local_scan(): spam")
    #expect(local.kind == .inboundReject)
    let auth = Scanned("2024-09-07 01:34:12 dovecot_login authenticator failed for (User) [203.0.113.9]:59352 I=[192.0.2.25]:587: 535 Incorrect authentication data (set_id=joe@example.net)")
    #expect(auth.event == .authFailure)
    #expect(auth.clientIP == "203.0.113.9")
    #expect(auth.user == "joe@example.net")
  }

  @Test func eximSpecialRecipients() {
    let pipe = Scanned("2020-06-07 21:49:23 1ji7qj-0003Ud-Ss => |/usr/bin/listmgr-queue listmgr <listmgr@realdomain> R=pipe_to_listmgr T=address_pipe")
    #expect(pipe.special == .pipe)
    #expect(pipe.recipient == "|/usr/bin/listmgr-queue listmgr")
    #expect(pipe.originalRecipient == "listmgr@realdomain")
    #expect(Scanned("2012-02-13 14:39:22 1RwtJa-000AFB-07 => :blackhole: <t@somehost.ru> R=blackhole_router").special == .blackhole)
    #expect(Scanned("2012-02-13 14:39:22 1RwtJa-000AFB-07 => /var/mail/t <t@somehost.ru> R=r T=address_file").special == .file)
    #expect(Scanned("2012-02-13 14:39:22 1RwtJa-000AFB-07 ** /var/mail/t <system-filter> R=r T=address_file: failed").special == .filter)
    #expect(Scanned("2012-02-13 14:39:22 1RwtJa-000AFB-07 => t@somehost.ru R=r T=remote_smtp").special == .none)
  }
}
