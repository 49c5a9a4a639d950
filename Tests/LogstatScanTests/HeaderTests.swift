import LogstatKinds
import LogstatScan
import Testing

@Suite struct HeaderTests {
  @Test func classicSyslogStamp() {
    let s = Scanned("Nov 22 06:25:01 mx1 postfix/qmgr[999]: 4D1B2C3A4F: removed")
    #expect(s.time == LineTime(year: 0, month: 11, day: 22, hour: 6, minute: 25, second: 1))
    #expect(s.host == "mx1")
    #expect(s.daemon == "qmgr")
    #expect(s.mta == .postfix)
    #expect(s.kind == .messageRemoved)
  }

  @Test func spacePaddedDay() {
    let s = Scanned("Nov  2 16:05:59 mx1 postfix/qmgr[999]: 4D1B2C3A4F: removed")
    #expect(s.time == LineTime(year: 0, month: 11, day: 2, hour: 16, minute: 5, second: 59))
    #expect(s.kind == .messageRemoved)
  }

  @Test func rfc3339Stamp() {
    let s = Scanned(
      "2026-11-22T06:25:01.123456+01:00 mx1 postfix/smtp[12345]: 4D1B2C3A4F: to=<a@b.example>, relay=none, delay=1, delays=0/0/1/0, dsn=4.4.1, status=deferred (connect to b.example[192.0.2.1]:25: Connection timed out)"
    )
    #expect(s.time == LineTime(year: 2026, month: 11, day: 22, hour: 6, minute: 25, second: 1, utcOffset: 3600))
    #expect(s.kind == .delivery)
    #expect(s.status == .deferred)
  }

  @Test func rfc3339ZuluAndCompactOffset() {
    let z = Scanned("2026-01-02T03:04:05Z mx postfix/qmgr[1]: ABCDEF1234: removed")
    #expect(z.time.utcOffset == 0)
    #expect(z.time.year == 2026)
    let c = Scanned("2026-01-02T03:04:05-0530 mx postfix/qmgr[1]: ABCDEF1234: removed")
    #expect(c.time.utcOffset == -(5 * 3600 + 30 * 60))
  }

  @Test(arguments: [
    ("postfix-out/smtp", "smtp"), ("postfix/submission/smtpd", "smtpd"), ("postfix/smtp", "smtp"),
  ])
  func programTags(tag: String, daemon: String) {
    let s = Scanned("Nov 22 06:25:01 mx1 \(tag)[12]: 4D1B2C3A4F: removed")
    #expect(s.daemon == daemon)
    #expect(s.mta == .postfix)
  }

  @Test func eximStampVariants() {
    let plain = Scanned("2026-11-22 06:25:04 1tXyZa-000Abc-De Completed")
    #expect(plain.mta == .exim)
    #expect(plain.kind == .messageRemoved)
    #expect(plain.queueID == "1tXyZa-000Abc-De")
    let full = Scanned("2026-11-22 06:25:01.123 +0100 [4242] 1tXyZa-000Abc-De Completed")
    #expect(full.time == LineTime(year: 2026, month: 11, day: 22, hour: 6, minute: 25, second: 1, utcOffset: 3600))
    #expect(full.kind == .messageRemoved)
    #expect(full.queueID == "1tXyZa-000Abc-De")
  }

  @Test func eximLongMessageID() {
    let s = Scanned("2026-11-22 06:25:04 1tXyZa-000000Abc12-DeFg Completed")
    #expect(s.queueID == "1tXyZa-000000Abc12-DeFg")
    #expect(s.kind == .messageRemoved)
  }

  @Test func leadingNULsAndCRLF() {
    let s = Scanned("\0\0Nov 22 06:25:01 mx1 postfix/qmgr[999]: 4D1B2C3A4F: removed\r")
    #expect(s.kind == .messageRemoved)
    #expect(s.queueID == "4D1B2C3A4F")
  }

  @Test(arguments: [
    "", "garbage", "Nov 22 06:25:01 mx1 sshd[1]: Accepted publickey for root",
    "Foo 22 06:25:01 mx1 postfix/smtp[1]: x", "2026-13-22 06:25:01 1tXyZa-000Abc-De Completed",
    "\u{1}\u{2}\u{3}\u{ff}\u{fe}", "Nov 22 06:25:01",
  ])
  func notMail(text: String) {
    #expect(Scanned(text).kind == .notMail)
  }

  @Test func skippedMailLines() {
    #expect(Scanned("Nov 22 06:25:01 mx1 postfix/smtpd[1]: disconnect from h.example[192.0.2.1] ehlo=1 quit=1 commands=2").kind == .skipped)
    #expect(Scanned("Nov 23 18:56:32 mx postfix/master[14375]: daemon started -- version 3.7.11").kind == .skipped)
    #expect(Scanned("Nov 22 06:25:01 mx1 postfix/anvil[1]: statistics: max connection rate 1/60s").kind == .skipped)
  }
}
