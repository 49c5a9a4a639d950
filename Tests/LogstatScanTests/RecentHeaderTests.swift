import LogstatKinds
import LogstatScan
import Testing

/// A `ScannedLine` reused from line to line keeps the last stamp and host it read, so a line
/// repeating them skips parsing them (`RecentStamp`, `RecentHost`): every line must still scan
/// exactly as it does into a fresh value, whatever line came before it.
@Suite struct RecentHeaderTests {
  static let body = "postfix/qmgr[1187]: 2E9426D240: from=<a@alpine-ski-house.de>, size=38310, nrcpt=1 (queue active)"

  /// Lines that share a stamp or a host with another line in a way a shortcut could misread.
  static let lines = [
    "Nov 20 00:00:00 mx1 \(body)",
    "Nov 20 00:00:00 mx1 postfix/smtp[3137]: 4D1B2C3A4F: to=<ann@gmail.com>, relay=none, delay=1, dsn=4.4.1, status=deferred (connect to x[1.2.3.4]:25: Connection timed out)",
    // The same 15 stamp bytes with a fraction after them, or an offset.
    "Nov 20 00:00:00.250 mx1 \(body)",
    "Nov 20 00:00:00,5 mx1 \(body)",
    "Nov 20 00:00:00 +01:00 mx1 \(body)",
    "Nov 20 00:00:01 mx1 \(body)",
    "Nov  2 00:00:00 mx1 \(body)",
    "Nov 2 00:00:00 mx1 \(body)",
    // A host that is a prefix of another, longer than 8 and than 16 bytes, a tag in its place.
    "Nov 20 00:00:00 mx10 \(body)",
    "Nov 20 00:00:00 mx1.example.org \(body)",
    "Nov 20 00:00:00 mx1.example.org.internal \(body)",
    "Nov 20 00:00:00 mx1[42]: \(body)",
    "Nov 20 00:00:00 mx1: \(body)",
    "Nov 20 00:00:00 \(body)",
    // BusyBox: a facility.level where the host or after it.
    "Nov 20 00:00:00 mail.info \(body)",
    "Nov 20 00:00:00 mx1 mail.info \(body)",
    "Nov 20 00:00:00 mail.info mail.info \(body)",
    // Not a syslog line after a known stamp and host.
    "Nov 20 00:00:00 mx1",
    "Nov 20 00:00:00 mx1 just some text",
    "Nov 20 00:00:00 mx1 kernel: [12.3] eth0: link up",
    "<22>Nov 20 00:00:00 mx1 \(body)",
    "2026-11-20T00:00:00+01:00 mx1 \(body)",
    "mailserver  | Nov 20 00:00:00 mx1 \(body)",
    "Nov 20 00:00:00 host conmon[4087]: Nov 20 00:00:00 mx1 \(body)",
  ]

  @Test func everyLineScansAsIntoAFreshValueAfterAnyOther() {
    for first in Self.lines {
      for second in Self.lines {
        var reused = ScannedLine()
        _ = Scanned(first, reusing: &reused)
        let after = Scanned(second, reusing: &reused)
        let fresh = Scanned(second)
        #expect(String(describing: after) == String(describing: fresh), "\(second) after \(first)")
      }
    }
  }

  @Test func aRepeatedStampAndHostGiveTheSameFields() {
    var reused = ScannedLine()
    let first = Scanned("Nov 20 06:25:01 mx1 \(Self.body)", reusing: &reused)
    let again = Scanned("Nov 20 06:25:01 mx1 \(Self.body)", reusing: &reused)
    #expect(again.time == LineTime(year: 0, month: 11, day: 20, hour: 6, minute: 25, second: 1))
    #expect(again.host == "mx1")
    #expect(again.daemon == "qmgr")
    #expect(again.kind == .messageQueued)
    #expect(String(describing: again) == String(describing: first))
    // A fraction after the same bytes is read, not skipped: the host is still found.
    let fraction = Scanned("Nov 20 06:25:01.5 mx1 \(Self.body)", reusing: &reused)
    #expect(fraction.host == "mx1")
    #expect(fraction.kind == .messageQueued)
  }
}
