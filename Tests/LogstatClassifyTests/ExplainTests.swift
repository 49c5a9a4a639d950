import Testing

@testable import LogstatClassify

@Suite("explain() on bare replies and whole log lines")
struct ExplainTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let input: String
    let reply: String
    let dsn: String?
    let relay: String?
    let domain: String?
    let reason: Reason
    var testDescription: String { String(input.prefix(60)) }
  }

  static let cases: [Case] = [
    Case(
      input: "550 5.1.1 <a@b.example>: Recipient address rejected: User unknown",
      reply: "550 5.1.1 <a@b.example>: Recipient address rejected: User unknown", dsn: nil, relay: nil,
      domain: nil, reason: .userUnknown),
    Case(
      input: "Nov 23 18:57:44 mx postfix/smtp[2987]: 3C4D5E6F7A: to=<olivia@Gmail.com>, relay=gmail-smtp-in.l.google.com[142.250.27.26]:25, delay=0.4, delays=0.1/0/0.1/0.2, dsn=5.7.26, status=bounced (host gmail-smtp-in.l.google.com[142.250.27.26] said: 550-5.7.26 This mail has been blocked because the sender is unauthenticated. 550 5.7.26 Gmail requires all senders to authenticate with either SPF or DKIM. (in reply to end of DATA command))",
      reply: "550-5.7.26 This mail has been blocked because the sender is unauthenticated. 550 5.7.26 Gmail requires all senders to authenticate with either SPF or DKIM.",
      dsn: "5.7.26", relay: "gmail-smtp-in.l.google.com", domain: "gmail.com", reason: .authentication),
    Case(
      input: "Nov 23 18:59:01 mx postfix/smtp[4001]: 2B3C4D5E6F: to=<ops@unreachable.example>, relay=none, delay=30, delays=0.02/0/30/0, dsn=4.4.1, status=deferred (connect to mx.unreachable.example[192.0.2.2]:25: Connection refused)",
      reply: "connect to mx.unreachable.example[192.0.2.2]:25: Connection refused", dsn: "4.4.1", relay: nil,
      domain: "unreachable.example", reason: .connectionFailed),
    Case(
      input: "Nov 23 18:57:08 mx postfix/smtp[2222]: 1A2B3C4D5E: to=<c@busy.example>, relay=mx.busy.example[192.0.2.11]:25, delay=0.01, delays=0/0/0/0, dsn=4.3.2, status=deferred (host mx.busy.example[192.0.2.11] refused to talk to me: 421 4.3.2 Service not available, closing transmission channel)",
      reply: "421 4.3.2 Service not available, closing transmission channel", dsn: "4.3.2",
      relay: "mx.busy.example", domain: "busy.example", reason: .serverError),
    Case(
      input: "Nov 23 19:05:10 mx postfix/smtpd[5678]: NOQUEUE: reject: RCPT from unknown[192.0.2.77]: 554 5.7.1 <info@corp-a.example>: Relay access denied; from=<x@outside.example> to=<info@corp-a.example> proto=ESMTP helo=<bad>",
      reply: "554 5.7.1 <info@corp-a.example>: Relay access denied", dsn: nil, relay: nil,
      domain: "corp-a.example", reason: .relayDenied),
    Case(
      input: "2026-11-23 19:02:04 1xVZIi-0004n5-2L ** zm@corp-b.example R=dnslookup T=remote_smtp H=mx.corp-b.example [192.0.2.7]: SMTP error from remote mail server after RCPT TO:<zm@corp-b.example>: 550 5.1.1 <zm@corp-b.example>: Recipient address rejected: User unknown in relay recipient table",
      reply: "550 5.1.1 <zm@corp-b.example>: Recipient address rejected: User unknown in relay recipient table",
      dsn: nil, relay: "mx.corp-b.example", domain: "corp-b.example", reason: .userUnknown),
    Case(
      input: "2026-11-23 19:03:11 1xVZJ5-00057V-1e == s@gmail.example R=dnslookup T=remote_smtp defer (-44) H=127.0.0.7 [127.0.0.7]: SMTP error from remote mail server after RCPT TO:<s@gmail.example>: 452-4.2.2 The email account that you tried to reach is over quota.\\n452 4.2.2 the recipient to https://support.google.com/mail/?p=OverQuotaTemp a1 - gsmtp",
      reply: "452-4.2.2 The email account that you tried to reach is over quota.\\n452 4.2.2 the recipient to https://support.google.com/mail/?p=OverQuotaTemp a1 - gsmtp",
      dsn: nil, relay: "127.0.0.7", domain: "gmail.example", reason: .mailboxFull),
    Case(
      input: "2026-11-23 19:07:19 1xVZJb-0006cd-1R == ops@unreachable.example R=dnslookup T=remote_smtp defer (111): Connection refused",
      reply: "Connection refused", dsn: nil, relay: nil, domain: "unreachable.example",
      reason: .connectionFailed),
    Case(
      input: "2026-11-23 19:07:44 1xVZJc-0006de-2S ** ops@unreachable.example R=dnslookup T=remote_smtp: all hosts for 'unreachable.example' have been failing for a long time (and retry time not reached)",
      reply: "all hosts for 'unreachable.example' have been failing for a long time (and retry time not reached)",
      dsn: nil, relay: nil, domain: "unreachable.example", reason: .connectionFailed),
    Case(
      input: "2026-11-23 19:10:00 1xVZJf-0006gh-5V ** ops@ymail.example: retry timeout exceeded",
      reply: "retry timeout exceeded", dsn: nil, relay: nil, domain: "ymail.example", reason: .other),
    Case(
      input: "2026-11-23 19:10:02 1xVZJf-0006gh-5V ** ops@ymail.example retry timeout exceeded",
      reply: "retry timeout exceeded", dsn: nil, relay: nil, domain: "ymail.example", reason: .other),
    Case(
      input: "2026-11-23 19:08:02 1xVZJd-0006ef-3T == ops@flaky.example R=dnslookup T=remote_smtp defer (-18) H=mx.flaky.example [192.0.2.4]: Remote host closed connection in response to end of data",
      reply: "Remote host closed connection in response to end of data", dsn: nil,
      relay: "mx.flaky.example", domain: "flaky.example", reason: .connectionFailed),
    Case(
      input: "2026-11-23 19:02:31 H=(client.sender.example) [127.0.0.1] F=<alerts@sender.example> rejected RCPT <d@harness.example>: Unrouteable address",
      reply: "Unrouteable address", dsn: nil, relay: nil, domain: "harness.example", reason: .domainNotFound),
  ]

  @Test(arguments: cases)
  func fields(_ example: Case) {
    let result = explain(example.input)
    #expect(result.replyText == example.reply)
    #expect(result.dsn?.description == example.dsn)
    #expect(result.relayHost == example.relay)
    #expect(result.recipientDomain == example.domain)
    #expect(result.reason == example.reason)
  }

  @Test("an explanation carries codes, meaning, fault and advice")
  func details() {
    let result = explain(
      "Nov 23 18:57:44 mx postfix/smtp[1]: 3C4D5E6F7A: to=<a@outlook.com>, relay=outlook-com.olc.protection.outlook.com[52.101.1.1]:25, delay=1, delays=0/0/0/1, dsn=5.0.0, status=bounced (host outlook-com.olc.protection.outlook.com[52.101.1.1] said: 550 5.7.509 Access denied, sending domain X.EXAMPLE does not pass DMARC verification and has a DMARC policy of reject. (in reply to end of DATA command))"
    )
    #expect(result.reason == .authentication)
    #expect(!result.isHard)
    #expect(result.fault == .ourMessage)
    #expect(result.classification.provider == .microsoft)
    #expect(result.classification.basicCode == 550)
    #expect(result.classification.enhancedCode == EnhancedCode("5.7.509"))
    #expect(result.bestCode == EnhancedCode("5.7.509"))
    #expect(result.meaning == EnhancedCode("5.7.509")!.meaning)
    #expect(result.advice == Reason.authentication.advice)
  }

  @Test("our own MTA's local failures are local-error: soft, our server's fault, not a listing")
  func localErrors() {
    let lines = [
      "2026-05-02 10:00:00 1abcde-000001-AB == user@myhost.example R=caller T=local_delivery defer (13): Permission denied: creating lock file hitching name",
      "2026-05-02 10:00:01 1abcde-000002-AB ** b1@myhost.example R=ut2 T=ut2: Child process of ut2 transport returned 127 (could mean unable to exec or command does not exist) from command: /non/existent/file",
      "Permission denied",
    ]
    for line in lines {
      let result = explain(line)
      #expect(result.reason == .localError, "\(line)")
      #expect(!result.isHard)
      #expect(result.fault == .ourServer)
      #expect(result.classification.blocklist == nil)
    }
    // The same words from a remote server, under a reply code, are its policy.
    #expect(explain("550 Permission denied").reason == .policy)
    // A full disk our own MTA reports (Exim with no remote host, Postfix's local agents) is our
    // own disk; the same words from a remote server are its disk.
    let ownDisk = [
      "2026-05-02 10:00:02 1abcde-000003-AB == bob@myhost.example R=localuser T=local_delivery defer (-1): Unable to create lock file /var/mail/bob.lock: No space left on device",
      "Dec  1 10:00:01 mx postfix/virtual[123]: 4F1A2B3C4D: to=<bob@myhost.example>, relay=virtual, delay=0.1, delays=0/0/0/0, dsn=4.3.0, status=deferred (maildir delivery failed: create maildir file /var/vmail/bob/tmp/1.P1.mx: No space left on device)",
      "Dec  1 10:00:01 mx postfix/lmtp[123]: 4F1A2B3C4D: to=<bob@myhost.example>, relay=myhost.example[private/dovecot-lmtp], delay=0.1, delays=0/0/0/0, dsn=4.3.1, status=deferred (host myhost.example[private/dovecot-lmtp] said: 452 4.3.1 Insufficient system storage (in reply to MAIL FROM command))",
    ]
    for line in ownDisk { #expect(explain(line).reason == .localError, "\(line)") }
    let remoteDisk = [
      "2026-05-02 10:00:03 1abcde-000004-AB == bob@example.com R=dnslookup T=remote_smtp defer (-45) H=mx.example.com [192.0.2.5]: SMTP error from remote mail server after MAIL FROM:<a@example.org>: 452 4.3.1 Insufficient system storage",
      "Dec  1 10:00:01 mx postfix/smtp[123]: 4F1A2B3C4D: to=<bob@example.com>, relay=mx.example.com[192.0.2.5]:25, delay=0.1, delays=0/0/0/0, dsn=4.3.1, status=deferred (host mx.example.com[192.0.2.5] said: 452 4.3.1 Insufficient system storage (in reply to MAIL FROM command))",
    ]
    for line in remoteDisk { #expect(explain(line).reason == .storageFull, "\(line)") }
    #expect(Reason(rawValue: "local-error") == .localError)
    #expect(Reason.localError.advice.contains("not at fault"))
  }

  @Test("the innermost reply is classified, with the SMTP step it answered")
  func structure() {
    let cases: [(String, Reason)] = [
      // Exim: after MAIL FROM a 5.1.7 "no such domain" is about our sender's domain.
      ("2026-05-02 10:00:00 1abcde-000001-AB ** a@b.example R=dnslookup T=remote_smtp H=mx.b.example [192.0.2.1]: SMTP error from remote mail server after MAIL FROM:<s@our.example> SIZE=1234: 550 5.1.7 No such domain our.example", .senderRejected),
      // Postfix: the same words after RCPT TO are about the recipient's domain.
      ("Jan 10 10:00:00 mx postfix/smtp[1]: 4F9D63A2B: to=<b@example.org>, relay=mx.example.org[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=5.1.2, status=bounced (host mx.example.org[192.0.2.1] said: 550 5.1.2 No such domain example.org (in reply to RCPT TO command))", .domainNotFound),
      // Gateways quoting the remote reply: its words win over the wrapper's.
      ("Remote protocol error: 550 Insecure Mail Relay", .relayDenied),
      ("5.3.0 - Other mail system problem 550-'Unknown user abc@example.com' (delivery attempts: 0)", .userUnknown),
      ("Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'", .userUnknown),
      // A quoted address is not a quoted reply: the words after it still decide (rfc3464-35).
      ("smtp;  550 'a@b.example' is not a registered gateway user", .senderRejected),
      // Exim gave up: the cause is before ": retry timeout exceeded".
      ("2026-05-02 10:00:00 1abcde-000001-AB ** a@b.example: mailbox is full: retry timeout exceeded", .mailboxFull),
      ("2026-05-02 10:00:00 1abcde-000001-AB ** a@b.example: retry timeout exceeded", .other),
      // The Postfix prefix is only a prefix: the cause after it decides.
      ("550 5.1.1 <a@b.example>: Recipient address rejected: Mailer error", .serverError),
      ("550 5.1.1 <a@b.example>: Recipient address rejected: Disabled recipient address", .mailboxDisabled),
      // A DNSBL that refused the query lists nobody.
      ("554 5.7.1 Service unavailable; Client host [192.0.2.5] blocked using sbl.spamhaus.org; Error: open resolver; https://www.spamhaus.org/returnc/pub/203.0.113.9", .dnsFailure),
      ("Jan 10 10:00:00 mx postfix/smtpd[1]: NOQUEUE: proxy-reject: END-OF-MESSAGE: 554 5.7.1 Message rejected as spam; from=<a@example.com> to=<b@example.org> proto=ESMTP helo=<x>", .spamContent),
      ("2026-01-10 10:00:00 1abcde-000001-AB ** t3@dane.example R=client T=send_to_server: DANE error: tlsa lookup not DNSSEC", .tlsFailure),
    ]
    for (input, reason) in cases {
      let result = explain(input)
      #expect(result.reason == reason, "\(input)")
      #expect(result.classification.blocklist == nil || reason == .blocklisted)
    }
  }

  @Test("a 4xx reply, a Postfix deferral or an Exim == line is never hard")
  func transientIsNeverHard() {
    #expect(!explain("451 Recipient not OK").isHard)
    #expect(explain("451 Recipient not OK").advice.hasPrefix("This refusal was temporary"))
    #expect(explain("550 No such user here").advice == Reason.userUnknown.advice)
    #expect(explain("2026-05-02 10:00:00 1abcde-000001-AB ** a@b.example R=dnslookup T=remote_smtp H=mx.b.example [192.0.2.1]: SMTP error from remote mail server after MAIL FROM:<s@our.example>: 550 5.7.1 Rejected").classification.step == .mailFrom)
    #expect(explain("host mx.b.example[192.0.2.1] said: 550 5.1.1 No such user (in reply to RCPT TO command)").classification.step == .rcptTo)
    #expect(explain("451 Recipient not OK").reason == .userUnknown)
    #expect(!explain("450 4.1.1 <a@b.example>: Recipient address rejected: User unknown in local recipient table").isHard)
    #expect(explain("550 5.1.1 <a@b.example>: Recipient address rejected: User unknown in local recipient table").isHard)
    #expect(!explain("Jan 10 10:00:00 mx postfix/smtp[1]: 4F9D63A2B: to=<b@example.org>, relay=mx.example.org[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=5.1.1, status=deferred (host mx.example.org[192.0.2.1] said: 550 5.1.1 User unknown (in reply to RCPT TO command))").isHard)
    #expect(!explain("2026-05-02 10:00:00 1abcde-000001-AB == a@b.example R=dnslookup T=remote_smtp defer (-44) H=mx.b.example [192.0.2.1]: SMTP error from remote mail server after RCPT TO:<a@b.example>: 550 5.1.1 User unknown").isHard)
  }

  /// Exim lines as people paste them: the flag first, without the stamp and message id.
  @Test("an Exim line without its stamp reads as the whole line would")
  func undatedEximLines() {
    let deferral = explain("== a@b.example R=dnslookup T=remote_smtp defer (-44) H=mx.b.example [192.0.2.1]: SMTP error from remote mail server after RCPT TO:<a@b.example>: 550 5.1.1 User unknown")
    #expect(deferral.reason == .userUnknown)
    #expect(!deferral.isHard)
    #expect(deferral.classification.step == .rcptTo)
    #expect(deferral.relayHost == "mx.b.example")
    let bounce = explain("** a@b.example R=dnslookup T=remote_smtp H=mx.b.example [192.0.2.1]: SMTP error from remote mail server after RCPT TO:<a@b.example>: 550 5.1.1 User unknown")
    #expect(bounce.isHard)
    #expect(bounce.recipientDomain == "b.example")
    let lock = explain("== user@host R=caller T=local_delivery defer (13): Permission denied: creating lock file hitching post /var/mail/user.lock")
    #expect(lock.reason == .localError)
    #expect(!lock.isHard)
    let pipe = explain("** b1@myhost R=ut2 T=ut2 : Child process of ut2 transport returned 127 (could mean unable to exec or command does not exist) from command: /non/existent/file")
    #expect(pipe.reason == .localError)
    #expect(!pipe.isHard)
    // A reply that starts with stars is no Exim line.
    #expect(LogLineFields.undatedEximMarker(in: "** Message not delivered **") == nil)
  }

  @Test("Postfix smtpd's own reject lines: the reply after the client, the step named before it")
  func smtpdRejects() {
    // Real lines from Postfix's smtpd_check test output (vdukhovni/postfix
    // postfix/src/smtpd/smtpd_check.ref, smtpd_nullmx.ref, smtpd_check_dsn.ref).
    let cases: [(String, Reason, SMTPStep)] = [
      ("./smtpd_check: <queue id>: reject: HELO from foo[131.155.210.17]: 504 <foo>: Helo command rejected: need fully-qualified hostname; from=<foo@bad.domain> proto=SMTP helo=<foo>", .protocolError, .helo),
      ("./smtpd_check: <queue id>: reject: CONNECT from unknown[131.155.210.17]: 450 Client host rejected: cannot find your hostname, [131.155.210.17]; proto=SMTP", .reverseDNS, .connect),
      ("./smtpd_check: <queue id>: reject: MAIL from spike.porcupine.org[168.100.189.2]: 556 5.7.0 <sname@nullmx.porcupine.org>: Sender address rejected: Domain nullmx.porcupine.org does not accept mail; from=<sname@nullmx.porcupine.org> proto=SMTP helo=<spike.porcupine.org>", .senderRejected, .mailFrom),
      ("./smtpd_check: <queue id>: reject: RCPT from spike.porcupine.org[168.100.189.2]: 556 5.1.0 <rname@nullmx.porcupine.org>: Recipient address rejected: Domain nullmx.porcupine.org does not accept mail; from=<sname@sdomain> to=<rname@nullmx.porcupine.org> proto=SMTP helo=<spike.porcupine.org>", .domainNotFound, .rcptTo),
      // A host name that looks like a status code ("4.1.1_dsn") is not read as one.
      ("./smtpd_check: <queue id>: reject: CONNECT from 4.1.1_dsn[1.2.3.4]: 554 5.0.0 <4.1.1_dsn[1.2.3.4]>: Client host rejected: reject; proto=SMTP", .policy, .connect),
      ("./smtpd_check: <queue id>: reject: MAIL from dummy[dummy]: 554 5.1.7 <user@4.1.3_dsn>: Sender address rejected: reject; from=<user@4.1.3_dsn> proto=SMTP helo=<4.4.0_dsn>", .senderRejected, .mailFrom),
      ("postfix/smtpd[9]: proxy-reject: END-OF-MESSAGE: 451 4.3.0 Error: queue file write error; from=<n@example.org> to=<d@example.fr>", .localError, .data),
    ]
    let classifier = ReplyClassifier()
    for (line, reason, step) in cases {
      let verdict = classifier.classify(line)
      #expect(verdict.reason == reason, "\(line)")
      #expect(verdict.step == step, "\(line)")
      #expect(verdict.enhancedCode?.description != "4.1.1", "\(line)")
    }
  }

  @Test("an Exim message line without a flag: its host and reply read as a flagged line's, never hard")
  func eximMessageLinesWithoutAFlag() {
    // Lines the real Exim 4.96 wrote (Corpus/real-lines-exim.tsv).
    let remote = explain(
      "2026-12-04 10:20:17 1xZQOn-0004es-19 H=mx.example.org [192.0.2.7]: SMTP error from remote mail server after RCPT TO:<a@example.org>: 550 5.1.1 <a@example.org>: user unknown")
    #expect(remote.relayHost == "mx.example.org")
    #expect(remote.replyText == "550 5.1.1 <a@example.org>: user unknown")
    #expect(remote.reason == .userUnknown)
    #expect(!remote.isHard, "the ** line beside it is the outcome")
    #expect(!remote.isOutcome)
    let refused = explain("2026-12-04 10:20:33 1xZQP3-0004ix-2C H=127.0.0.1 [127.0.0.1] Connection refused")
    #expect(refused.replyText == "Connection refused")
    #expect(refused.reason == .connectionFailed)
    // With log_selector +pid and a 4.97 message id.
    let pid = explain("2026-12-04 10:20:33 [4711] 10HmaX-000000005vi-0000 H=127.0.0.1 [127.0.0.1]:2525 Connection refused")
    #expect(pid.replyText == "Connection refused")
    #expect(pid.relayHost == "127.0.0.1")
    // A lookup failure our MTA logs beside the outcome is not a hard bounce on its own.
    #expect(!explain("2026-12-04 10:33:37 1xZQbh-0006Xv-23 no IP address found for host smarthost.example.net").isHard)
    // A bare reply that happens to start with a date is still a reply.
    #expect(explain("2026-12-04 550 5.1.1 user unknown").isOutcome)
  }

  @Test("Exim's own faults: a transport's output, hosts our configuration names, a uid with no user")
  func eximLocalFaultTemplates() {
    let cases: [String] = [
      "2026-12-04 10:20:09 1xZQOf-0004b9-01 <a@local.example>: t_pipe transport output: 550 user unknown",
      "2026-12-04 10:33:37 1xZQbh-0006Xv-23 ** x@example.org R=smarthost: lookup of host \"relay.example.net\" failed in smarthost router",
      "2026-12-04 10:33:37 1xZQbh-0006Y3-2V == x@example.org R=r T=remote_smtp defer (-32): failed to lookup IP address for relay.example.net",
      "2026-12-04 10:20:09 1xZQOf-0004bK-0Z Failed to find user \"vmail\" from expanded string \"${lookup{$local_part}lsearch{/etc/users}}\" for the dovecot transport",
    ]
    for line in cases {
      let e = explain(line)
      #expect(e.reason == .localError, "\(line)")
      #expect(!e.isHard, "\(line)")
    }
    // dnslookup's own failures stay the recipient domain's.
    #expect(explain("2026-12-04 10:18:44 1xZQNI-0004HD-2Z ** x@example.org: all relevant MX records point to non-existent hosts").isHard)
    #expect(explain("2026-12-04 10:18:44 1xZQNI-0004Gf-1E ** x@example.org: an MX or SRV record indicated no SMTP service").reason == .domainNotFound)
  }
}
