import LogstatKinds
import LogstatScan
import Testing

/// Every header form and container wrapper must scan exactly like the plain syslog line it
/// carries, with the right time.
@Suite struct HeaderVariantTests {
  static let body =
    "postfix/smtp[3137]: 4D1B2C3A4F: to=<ann@gmail.com>, relay=gmail-smtp-in.l.google.com[142.250.102.27]:25, delay=1.2, delays=0.1/0/0.5/0.6, dsn=2.0.0, status=sent (250 2.0.0 OK  1694506182 a1si123 - gsmtp)"
  static let plain = Scanned("Sep 12 10:09:42 mail \(body)")
  static let local = LineTime(year: 0, month: 9, day: 12, hour: 10, minute: 9, second: 42)

  /// The fields of a delivery that must not depend on the header.
  static func expectSameDelivery(_ s: Scanned, _ source: SourceLocation = #_sourceLocation) {
    let p = plain
    #expect(s.kind == .delivery, sourceLocation: source)
    #expect(s.mta == .postfix, sourceLocation: source)
    #expect(s.daemon == "smtp", sourceLocation: source)
    #expect(s.queueID == p.queueID, sourceLocation: source)
    #expect(s.recipient == p.recipient, sourceLocation: source)
    #expect(s.status == p.status, sourceLocation: source)
    #expect(s.relayHost == p.relayHost, sourceLocation: source)
    #expect(s.relayIP == p.relayIP, sourceLocation: source)
    #expect(s.dsn == p.dsn, sourceLocation: source)
    #expect(s.replyText == p.replyText, sourceLocation: source)
    #expect(s.replyCode == 250, sourceLocation: source)
    #expect(s.delayMillis == 1200, sourceLocation: source)
  }

  @Test func busyBoxFacilityLevel() {
    let s = Scanned("Sep 12 10:09:42 mail mail.info \(Self.body)")
    Self.expectSameDelivery(s)
    #expect(s.host == "mail")
    #expect(s.time == Self.local)
    let noHost = Scanned("Sep 12 10:09:42 local3.err \(Self.body)")
    Self.expectSameDelivery(noHost)
    #expect(noHost.host == "")
  }

  @Test func noHostName() {
    let s = Scanned("Sep 12 10:09:42 \(Self.body)")
    Self.expectSameDelivery(s)
    #expect(s.host == "")
    #expect(s.time == Self.local)
  }

  @Test func priPrefixOnClassicLine() {
    let s = Scanned("<22>Sep 12 10:09:42 mail \(Self.body)")
    Self.expectSameDelivery(s)
    #expect(s.host == "mail")
    #expect(s.time == Self.local)
  }

  @Test func rfc5424() {
    let tail = String(Self.body.split(separator: " ", maxSplits: 1)[1])
    let s = Scanned("<22>1 2023-09-12T10:09:42.123456+02:00 mail postfix/smtp 3137 - - \(tail)")
    Self.expectSameDelivery(s)
    #expect(s.host == "mail")
    #expect(s.time == LineTime(year: 2023, month: 9, day: 12, hour: 10, minute: 9, second: 42, utcOffset: 7200))
    let sd = Scanned(
      "<22>1 2023-09-12T08:09:42Z mail postfix/smtp 3137 ID47 [exampleSDID@32473 iut=\"3\" x=\"a\\]b\"][b@1 c=\"d\"] \u{FEFF}\(tail)")
    Self.expectSameDelivery(sd)
    #expect(sd.time.utcOffset == 0)
    #expect(Scanned("<22>1 - - postfix/smtp - - - \(tail)").kind == .delivery)
  }

  @Test func isoWithSpace() {
    let s = Scanned("2023-09-12 10:09:42 mail \(Self.body)")
    Self.expectSameDelivery(s)
    #expect(s.host == "mail")
    #expect(s.time == LineTime(year: 2023, month: 9, day: 12, hour: 10, minute: 9, second: 42))
  }

  @Test func journalctlShortFull() {
    let local = Scanned("Tue 2023-09-12 10:09:42 CEST mail \(Self.body)")
    Self.expectSameDelivery(local)
    #expect(local.time == LineTime(year: 2023, month: 9, day: 12, hour: 10, minute: 9, second: 42))
    let utc = Scanned("Tue 2023-09-12 08:09:42 UTC mail \(Self.body)")
    Self.expectSameDelivery(utc)
    #expect(utc.time == LineTime(year: 2023, month: 9, day: 12, hour: 8, minute: 9, second: 42, utcOffset: 0))
    let numeric = Scanned("Tue 2023-09-12 11:09:42 +03 mail \(Self.body)")
    #expect(numeric.time.utcOffset == 3 * 3600)
    Self.expectSameDelivery(numeric)
  }

  /// `journalctl -o short-unix`: UTC epoch seconds with a fraction, then host and tag.
  @Test func journalctlShortUnix() {
    let s = Scanned("1764842400.123456 mail \(Self.body)")
    Self.expectSameDelivery(s)
    #expect(s.host == "mail")
    #expect(s.time == LineTime(year: 2025, month: 12, day: 4, hour: 10, minute: 0, second: 0, utcOffset: 0))
    // Leap days, the range's ends.
    #expect(Scanned("1709208000.5 mail \(Self.body)").time == LineTime(year: 2024, month: 2, day: 29, hour: 12, utcOffset: 0))
    #expect(Scanned("951782400.000001 mail \(Self.body)").time == LineTime(year: 2000, month: 2, day: 29, utcOffset: 0))
    #expect(
      Scanned("4102444799.999999 mail \(Self.body)").time
        == LineTime(year: 2099, month: 12, day: 31, hour: 23, minute: 59, second: 59, utcOffset: 0))
    // Not a stamp: no fraction, too few digits, out of range, no space after it.
    for line in [
      "1764842400 mail \(Self.body)", "17648424.5 mail \(Self.body)", "4102444800.1 mail \(Self.body)",
      "1764842400.123456mail \(Self.body)", "1764842400. mail \(Self.body)",
    ] {
      #expect(Scanned(line).kind == .notMail, "\(line.prefix(24))")
    }
  }

  @Test func dockerLogsTimestamps() {
    let s = Scanned("2023-09-12T08:09:42.123456789Z Sep 12 10:09:42 mail \(Self.body)")
    Self.expectSameDelivery(s)
    #expect(s.host == "mail")
    // Docker's stamp is UTC with a year; the inner classic stamp has neither.
    #expect(s.time == LineTime(year: 2023, month: 9, day: 12, hour: 8, minute: 9, second: 42, utcOffset: 0))
    let inner3339 = Scanned("2023-09-12T08:09:42.123456789Z 2023-09-12T10:09:42.52+02:00 mail \(Self.body)")
    Self.expectSameDelivery(inner3339)
    #expect(inner3339.time.utcOffset == 7200)
    #expect(inner3339.time.hour == 10)
  }

  @Test("Kubernetes CRI log files: stamp, stream, F or P, then the whole line")
  func criLogFile() {
    let s = Scanned("2023-09-12T08:09:42.123456789Z stdout F Sep 12 10:09:42 mail \(Self.body)")
    Self.expectSameDelivery(s)
    #expect(s.host == "mail")
    #expect(s.time == LineTime(year: 2023, month: 9, day: 12, hour: 8, minute: 9, second: 42, utcOffset: 0))
    let stderr = Scanned("2023-09-12T10:09:42.123456789+02:00 stderr F 2023-09-12T10:09:42.52+02:00 mail \(Self.body)")
    Self.expectSameDelivery(stderr)
    #expect(stderr.time.utcOffset == 7200)
    let partial = Scanned("2023-09-12T08:09:42.1Z stdout P Sep 12 10:09:42 mail \(Self.body)")
    Self.expectSameDelivery(partial)
    #expect(Scanned("2023-09-12T08:09:42.1Z stdout F some application output").kind == .notMail)
    #expect(Scanned("2023-09-12T08:09:42.1Z stdout X Sep 12 10:09:42 mail \(Self.body)").kind != .delivery)
  }

  @Test func dockerCompose() {
    let s = Scanned("mailserver  | Sep 12 10:09:42 mail \(Self.body)")
    Self.expectSameDelivery(s)
    #expect(s.host == "mail")
    #expect(s.time == Self.local)
    let v2 = Scanned("mailserver-1  | 2023-09-12T08:09:42.123456789Z Sep 12 10:09:42 mail \(Self.body)")
    Self.expectSameDelivery(v2)
    #expect(v2.time.utcOffset == 0)
    let colour = Scanned("\u{1B}[36mmariadb-mail_1  |\u{1B}[0m Sep 12 10:09:42 mail \(Self.body)")
    Self.expectSameDelivery(colour)
    #expect(Scanned("mailserver  | some application output").kind == .notMail)
  }

  @Test func journaldLineCarryingWholeLine() {
    let s = Scanned(
      "Sep 12 10:09:42 host mailserver[4087]: 2023-09-12T10:09:42.52+02:00 misp \(Self.body)")
    Self.expectSameDelivery(s)
    #expect(s.host == "misp")
    #expect(s.time == LineTime(year: 2023, month: 9, day: 12, hour: 10, minute: 9, second: 42, utcOffset: 7200))
    let classic = Scanned("Sep 12 10:09:42 host conmon[4087]: Sep 12 10:09:41 mail \(Self.body)")
    Self.expectSameDelivery(classic)
    #expect(classic.time.second == 41)
    #expect(Scanned("Sep 12 10:09:42 host mailserver[4087]: 2023 was a good year").kind == .notMail)
  }

  @Test func eximInSyslogWithOwnStamp() {
    let s = Scanned(
      "Sep  7 01:34:12 mx exim[4242]: 2024-09-07 01:34:12 1smkL5-00000000e65-24eQ => ann@gmail.com R=dnslookup T=remote_smtp H=gmail-smtp-in.l.google.com [142.250.102.27] C=\"250 2.0.0 OK\"")
    #expect(s.kind == .delivery)
    #expect(s.mta == .exim)
    #expect(s.queueID == "1smkL5-00000000e65-24eQ")
    #expect(s.recipient == "ann@gmail.com")
    #expect(s.time == LineTime(year: 2024, month: 9, day: 7, hour: 1, minute: 34, second: 12))
    let pid = Scanned("Sep  7 01:34:12 mx exim[4242]: 2024-09-07 01:34:12 [4242] 1smkL5-00000000e65-24eQ Completed")
    #expect(pid.kind == .messageRemoved)
    let bare = Scanned("Sep  7 01:34:12 mx exim[4242]: 1smkL5-00000000e65-24eQ Completed")
    #expect(bare.kind == .messageRemoved)
    #expect(bare.time.year == 0)
  }

  @Test func syslogNGIsoSpaceKeepsEximMainlog() {
    let exim = Scanned(
      "2026-11-22 06:30:11 H=(spam.example) [198.51.100.23] F=<a@spam.example> rejected RCPT <info@example.net>: JunkMail")
    #expect(exim.kind == .inboundReject)
    #expect(exim.mta == .exim)
    #expect(exim.host == "")
    let warning = Scanned("2026-11-22 06:30:11 Warning: purging the environment.")
    #expect(warning.mta == .exim)
    #expect(warning.kind == .skipped)
  }

  /// Every prefix of every header form scans without trapping, spans inside the line.
  @Test func everyPrefixOfEveryFormIsSafe() {
    let tail = String(Self.body.split(separator: " ", maxSplits: 1)[1])
    let forms = [
      "Sep 12 10:09:42 mail mail.info \(Self.body)", "<22>Sep 12 10:09:42 mail \(Self.body)",
      "<22>1 2023-09-12T08:09:42Z mail postfix/smtp 3137 ID47 [a@1 x=\"a\\]b\"] \(tail)",
      "Tue 2023-09-12 10:09:42 CEST mail \(Self.body)",
      "\u{1B}[36mmailserver-1  |\u{1B}[0m 2023-09-12T08:09:42.1Z Sep 12 10:09:42 host x[1]: 2023-09-12T10:09:42+02:00 m \(Self.body)",
      "Sep  7 01:34:12 mx exim[4242]: 2024-09-07 01:34:12 [1] 1smkL5-00000000e65-24eQ => :blackhole: <a@b> R=x",
      "1764842400.123456 mail \(Self.body)", "2023-09-12 10:09:42 mail \(Self.body)",
      "2024-09-07 01:34:12 1smkL5-00000000e65-24eQ => a@b R=x T=y H=h [1.2.3.4] C=\"250 OK\" QT=1w2d3h4m5.678s",
    ]
    for form in forms {
      let bytes = Array(form.utf8)
      for n in 0...bytes.count {
        var line = ScannedLine()
        Array(bytes[0..<n]).withUnsafeBytes { b in
          LineScanner.scan(b, into: &line)
          for span in [line.host, line.daemon, line.queueID, line.recipient, line.replyText, line.user, line.detail] {
            #expect(span.start >= 0 && span.start <= span.end && span.end <= b.count)
          }
        }
      }
    }
  }
}
