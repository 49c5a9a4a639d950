/// Real-shaped log lines (after samples/) for building test inputs.
enum LogLines {
  /// One Postfix message with queue ID `id`: created, queued, then one delivery each of sent
  /// (`ann@gmail.com`), deferred (`bob@yahoo.com`) and bounced (`cy@corp.example`).
  /// Counts: 5 lines, 3 attempts, 1 delivered, 1 deferred, 1 bounced.
  static func postfixMessage(_ id: String = "3F2A1B0C11") -> [String] {
    [
      "Nov 21 23:50:01 mx1 postfix/cleanup[3102]: \(id): message-id=<n1@example.net>",
      "Nov 21 23:50:01 mx1 postfix/qmgr[990]: \(id): from=<news@example.net>, size=18233, nrcpt=3 (queue active)",
      "Nov 21 23:50:02 mx1 postfix/smtp[3103]: \(id): to=<ann@gmail.com>, relay=gmail-smtp-in.l.google.com[142.250.102.27]:25, delay=1.2, delays=0.1/0/0.5/0.6, dsn=2.0.0, status=sent (250 2.0.0 OK  1732256702 a1si123 - gsmtp)",
      "Nov 21 23:50:03 mx1 postfix/smtp[3104]: \(id): to=<bob@yahoo.com>, relay=mta7.am0.yahoodns.net[67.195.204.72]:25, delay=2.3, delays=0.1/0/0.6/1.6, dsn=4.7.0, status=deferred (host mta7.am0.yahoodns.net[67.195.204.72] said: 421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes (in reply to MAIL FROM command))",
      "Nov 21 23:50:04 mx1 postfix/smtp[3105]: \(id): to=<cy@corp.example>, relay=mx.corp.example[203.0.113.5]:25, delay=2.9, delays=0.1/0/1/1.8, dsn=5.1.1, status=bounced (host mx.corp.example[203.0.113.5] said: 550 5.1.1 <cy@corp.example>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command))",
    ]
  }

  /// `postfixMessage(id)` as text with a final newline.
  static func postfixText(_ id: String = "3F2A1B0C11") -> String {
    postfixMessage(id).joined(separator: "\n") + "\n"
  }

  /// Distinct Postfix queue IDs, one per file of a test.
  static let ids = ["3F2A1B0C11", "4B3C2D1E22", "5C4D3E2F33", "6D5E4F3A44", "7E6F5A4B55", "8F7A6B5C66"]

  /// One Postfix delivery line sent to `address` under queue ID `id`.
  static func postfixSent(_ id: String, to address: String, reply: String = "250 2.0.0 Ok: queued as 4H1x2y3z") -> String {
    "Nov 23 00:29:02 mx1 postfix/smtp[3304]: \(id): to=<\(address)>, relay=mx.shop.example.org[203.0.113.40]:25, delay=0.7, delays=0/0/0.3/0.4, dsn=2.0.0, status=sent (\(reply))"
  }

  /// One Postfix bounce to `address` with `reply` as the remote server's text.
  static func postfixBounced(_ id: String, to address: String, reply: String) -> String {
    "Nov 23 08:10:01 mx1 postfix/smtp[3305]: \(id): to=<\(address)>, relay=mx.example.com[192.0.2.7]:25, delay=0.8, delays=0.1/0/0.3/0.4, dsn=5.7.1, status=bounced (host mx.example.com[192.0.2.7] said: \(reply) (in reply to end of DATA command))"
  }

  /// One Exim message: received, delivered to `ann@gmail.com`, bounced for `cy@corp.example`,
  /// completed. Counts: 4 lines, 2 attempts, 1 delivered, 1 bounced.
  static let eximMessage = [
    "2026-11-22 06:25:01 1tXyZa-000Abc-De <= news@example.net H=app1.example.net [192.0.2.10] P=esmtps X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=no S=18233 id=20261122062501.1@example.net",
    "2026-11-22 06:25:02 1tXyZa-000Abc-De => ann@gmail.com R=dnslookup T=remote_smtp H=gmail-smtp-in.l.google.com [142.250.102.27] X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=yes C=\"250 2.0.0 OK  1732256702 a1si123 - gsmtp\"",
    "2026-11-22 06:25:03 1tXyZa-000Abc-De ** cy@corp.example R=dnslookup T=remote_smtp H=mx.corp.example [203.0.113.5]: SMTP error from remote mail server after RCPT TO:<cy@corp.example>: 550 5.1.1 <cy@corp.example>: Recipient address rejected: User unknown",
    "2026-11-22 06:25:03 1tXyZa-000Abc-De Completed",
  ]
}
