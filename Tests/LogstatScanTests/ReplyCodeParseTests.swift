import LogstatCodes
import LogstatScan
import Testing

/// The one reply-code parser (`SMTPCodeParser`) at one position, and the codes each line shape
/// of FORMATS.md carries once scanned: the basic code, the `dsn=` value and the line's one
/// enhanced code (the `dsn=` value, else the text's).
@Suite struct ReplyCodeParseTests {
  static func basic(_ s: String) -> UInt16? {
    var s = s
    return s.withUTF8 { u in SMTPCodeParser.basic(UnsafeRawBufferPointer(u), at: 0, end: u.count) }
  }

  static func enhanced(_ s: String) -> String? {
    var s = s
    return s.withUTF8 { u in
      SMTPCodeParser.enhanced(UnsafeRawBufferPointer(u), at: 0, end: u.count).map {
        "\(EnhancedPacked.string($0.packed))/\($0.length)"
      }
    }
  }

  @Test(arguments: [
    ("550", UInt16?(550)), ("421 4.7.0", 421), ("250-2.0.0", 250), ("599", nil),
    ("354 go ahead", nil), ("160", nil), ("55", nil), ("5a0", nil), ("", nil), ("452", 452),
  ])
  func basicGrammar(text: String, expected: UInt16?) {
    #expect(Self.basic(text) == expected)
  }

  @Test(arguments: [
    ("5.1.1", "5.1.1/5"), ("4.7.0 [TSS04]", "4.7.0/5"), ("5.7.509 Access denied", "5.7.509/7"),
    ("2.0.0)", "2.0.0/5"), ("5.1.10", "5.1.10/6"), ("5.1.1000", nil), ("5.1234.1", nil),
    ("5.8.1", nil), ("6.0.0", nil), ("5.1", nil), ("5..1", nil), ("x.1.1", nil), ("4.4.1,", "4.4.1/5"),
    ("5.7.1.2", "5.7.1/5"),
  ])
  func enhancedGrammar(text: String, expected: String?) {
    #expect(Self.enhanced(text) == expected)
  }

  @Test func packedRoundTrip() {
    #expect(EnhancedPacked.pack("5.7.509") == 5_007_509)
    #expect(EnhancedPacked.string(5_007_509) == "5.7.509")
    #expect(EnhancedPacked.pack("5.7.509 ") == 0)
    #expect(EnhancedPacked.pack("") == 0)
  }

  /// (line, basic code, `dsn=` packed, the line's enhanced code packed), from FORMATS.md.
  static let formatLines: [(String, Int, UInt32, UInt32)] = [
    ("Nov 22 06:25:02 mx1 postfix/smtp[1236]: 4D1B2C3A4F: to=<ann@gmail.com>, relay=gmail-smtp-in.l.google.com[142.250.102.27]:25, delay=1.2, delays=0.1/0/0.5/0.6, dsn=2.0.0, status=sent (250 2.0.0 OK  1732256702 a1si123 - gsmtp)", 250, 2_000_000, 2_000_000),
    ("Nov 22 06:25:02 mx1 postfix/smtp[1237]: 4D1B2C3A4F: to=<bob@yahoo.com>, relay=mta7.am0.yahoodns.net[67.195.204.72]:25, delay=1.3, delays=0.1/0/0.6/0.6, dsn=4.7.0, status=deferred (host mta7.am0.yahoodns.net[67.195.204.72] said: 421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred due to unexpected volume or user complaints (in reply to MAIL FROM command))", 421, 4_007_000, 4_007_000),
    ("Nov 22 06:25:03 mx1 postfix/smtp[1238]: 4D1B2C3A4F: to=<cy@corp.example>, relay=mx.corp.example[203.0.113.5]:25, delay=2, delays=0.1/0/1/0.9, dsn=5.1.1, status=bounced (host mx.corp.example[203.0.113.5] said: 550 5.1.1 <cy@corp.example>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command))", 550, 5_001_001, 5_001_001),
    ("Nov 22 06:25:03 mx1 postfix/smtp[1238]: 4D1B2C3A4F: to=<x@slow.example>, relay=none, delay=30, delays=0/0/30/0, dsn=4.4.1, status=deferred (connect to mx.slow.example[203.0.113.9]:25: Connection timed out)", 0, 4_004_001, 4_004_001),
    ("Nov 22 06:25:03 mx1 postfix/smtp[1238]: 4D1B2C3A4F: to=<x@nx.example>, relay=none, delay=0.1, delays=0/0/0.1/0, dsn=5.4.4, status=bounced (Host or domain name not found. Name service error for name=nx.example type=A: Host not found)", 0, 5_004_004, 5_004_004),
    ("Nov 22 06:25:03 mx1 postfix/smtp[1238]: 4D1B2C3A4F: to=<x@b.example>, relay=mx.b.example[198.51.100.7]:25, delay=1, delays=0/0/1/0, dsn=5.7.1, status=bounced (host mx.b.example[198.51.100.7] refused to talk to me: 554 5.7.1 Service unavailable; Client host [192.0.2.25] blocked using zen.spamhaus.org)", 554, 5_007_001, 5_007_001),
    ("Nov 22 06:25:03 mx1 postfix/local[1238]: 4D1B2C3A4F: to=<x@c.example>, orig_to=<alias@c.example>, relay=local, delay=0.01, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to mailbox)", 0, 2_000_000, 2_000_000),
    ("Nov 22 06:25:03 mx1 postfix/smtp[1238]: 4D1B2C3A4F: to=<x@d.example>, relay=mx.d.example[2001:db8::25]:25, delay=1, delays=0/0/1/0, dsn=5.3.4, status=bounced (message size 31457280 exceeds size limit 10240000 of server mx.d.example[2001:db8::25])", 0, 5_003_004, 5_003_004),
    // The text's code and the logged DSN differ: the logged one is the line's code.
    ("Nov 22 06:25:03 mx1 postfix/smtp[1238]: 4D1B2C3A4F: to=<x@e.example>, relay=mx.e.example[198.51.100.8]:25, delay=1, delays=0/0/1/0, dsn=5.0.0, status=bounced (host mx.e.example[198.51.100.8] said: 550 5.7.1 Rejected (in reply to end of DATA command))", 550, 5_000_000, 5_000_000),
    // No `dsn=`: the text's code.
    ("Nov 22 06:30:11 mx1 postfix/smtpd[2001]: NOQUEUE: reject: RCPT from unknown[198.51.100.23]: 554 5.7.1 Service unavailable; Client host [198.51.100.23] blocked using zen.spamhaus.org; from=<a@spam.example> to=<info@example.net> proto=ESMTP helo=<spam.example>", 554, 0, 5_007_001),
    ("Nov 22 06:30:12 mx1 postfix/smtpd[2001]: NOQUEUE: reject: RCPT from h.example[198.51.100.24]: 550 5.1.1 <nobody@example.net>: Recipient address rejected: User unknown in local recipient table; from=<a@h.example> to=<nobody@example.net> proto=ESMTP helo=<h.example>", 550, 0, 5_001_001),
    ("Nov 22 06:30:13 mx1 postfix/postscreen[2002]: NOQUEUE: reject: RCPT from [198.51.100.25]:40112: 550 5.7.1 Service unavailable; client [198.51.100.25] blocked using zen.spamhaus.org; from=<a@b.example>, to=<c@example.net>, proto=ESMTP, helo=<b.example>", 550, 0, 5_007_001),
    ("Nov 22 06:30:14 mx1 postfix/cleanup[2003]: 4D1B2C3C22: milter-reject: END-OF-MESSAGE from h.example[198.51.100.24]: 5.7.1 Spam message rejected; from=<a@h.example> to=<c@example.net> proto=ESMTP helo=<h.example>", 0, 0, 5_007_001),
    ("2026-11-22 06:25:02 1tXyZa-000Abc-De => ann@gmail.com R=dnslookup T=remote_smtp H=gmail-smtp-in.l.google.com [142.250.102.27] X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=yes C=\"250 2.0.0 OK  1732256702 a1si123 - gsmtp\"", 250, 0, 2_000_000),
    ("2026-11-22 06:25:02 1tXyZa-000Abc-De == bob@yahoo.com R=dnslookup T=remote_smtp defer (-45) H=mta7.am0.yahoodns.net [67.195.204.72]: SMTP error from remote mail server after MAIL FROM:<news@example.net> SIZE=19000: 421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred due to unexpected volume or user complaints", 421, 0, 4_007_000),
    ("2026-11-22 06:25:03 1tXyZa-000Abc-De ** cy@corp.example R=dnslookup T=remote_smtp H=mx.corp.example [203.0.113.5]: SMTP error from remote mail server after RCPT TO:<cy@corp.example>: 550 5.1.1 <cy@corp.example>: Recipient address rejected: User unknown", 550, 0, 5_001_001),
    ("2026-11-22 06:25:03 1tXyZa-000Abc-De ** x@nx.example: Unrouteable address", 0, 0, 0),
    ("2026-11-22 06:25:03 1tXyZa-000Abc-De == x@slow.example R=dnslookup T=remote_smtp defer (110): Connection timed out", 0, 0, 0),
    // Exim's multi-line reply joined with `550-` continuation, and a `#`-prefixed code.
    ("2026-11-22 06:25:03 1tXyZa-000Abc-De ** a@f.example R=dnslookup T=remote_smtp H=mx.f.example [203.0.113.6]: SMTP error from remote mail server after RCPT TO:<a@f.example>: 550-5.7.26 Unauthenticated email is not accepted\\n550 5.7.26 from this domain", 550, 0, 5_007_026),
    ("Nov 22 06:25:03 mx1 postfix/smtp[1238]: 4D1B2C3A4F: to=<x@g.example>, relay=mx.g.example[198.51.100.9]:25, delay=1, delays=0/0/1/0, dsn=5.0.0, status=bounced (host mx.g.example[198.51.100.9] said: 550 #5.1.0 Address rejected (in reply to RCPT TO command))", 550, 5_000_000, 5_000_000),
    ("2026-11-22 06:30:11 H=(spam.example) [198.51.100.23] F=<a@spam.example> rejected RCPT <info@example.net>: JunkMail rejected - 198.51.100.23 is listed at zen.spamhaus.org", 0, 0, 0),
  ]

  @Test func formatLinesCarryTheirCodes() {
    for (text, basic, field, code) in Self.formatLines {
      var line = ScannedLine()
      var copy = text
      copy.withUTF8 { u in LineScanner.scan(UnsafeRawBufferPointer(u), into: &line) }
      #expect(line.replyCode == basic, "\(text)")
      #expect(line.fieldDSN == field, "\(text)")
      #expect(line.enhancedCode == code, "\(text)")
    }
  }
}
