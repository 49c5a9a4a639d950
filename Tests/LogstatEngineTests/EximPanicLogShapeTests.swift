import Testing

@testable import LogstatEngine

/// What tells an Exim panic log from a syslog file whose stamps look like Exim's
/// (`YYYY-MM-DD HH:MM:SS`): a host and a program tag naming a pid or a path.
@Suite struct EximPanicLogShapeTests {
  static func isPanicLog(_ lines: [String]) -> Bool {
    Array((lines.joined(separator: "\n") + "\n").utf8).withUnsafeBytes { EximPanicLog.isPanicLog(head: $0) }
  }

  @Test func syslogLinesAreNotAPanicLog() {
    for line in [
      "2026-12-04 10:00:00 mx postfix/smtp[2101]: 3F2A81C0A1: to=<a@b.example>, status=sent (250 ok)",
      "2026-12-04 10:00:00 mx postfix/qmgr: 3F2A81C0A1: removed",
      "2026-12-04 10:00:00.123 mx exim[4242]: 1smkL5-0004HN-2e Completed",
      "2026-12-04 10:00:00 mail.example.org opendkim[77]: 3F2A81C0A1: DKIM-Signature field added",
    ] {
      #expect(!Self.isPanicLog([line]), "\(line)")
    }
  }

  /// Panic texts whose first words could pass for a host and a tag stay panics.
  @Test func panicTextsStayPanics() {
    let panics = [
      "2026-12-04 10:00:00 failed to open DB file /var/spool/exim4/db/retry: Permission denied",
      "2026-12-04 10:00:00 daemon: fork of queue-runner process failed: Resource temporarily unavailable",
      "2026-12-04 10:00:00 Exim configuration error in line 12 of /etc/exim4/exim4.conf:",
      "  main option \"foo\" unknown",
      "2026-12-04 10:00:00 malware acl condition: clamd /run/clamav/clamd.ctl : unable to connect",
      "2026-12-04 10:00:00 host lookup for mx.example: failed",
      "2026-12-04 10:00:00 cannot open main log file \"/var/log/exim4/mainlog\": Permission denied: euid=101 egid=101",
    ]
    #expect(Self.isPanicLog(panics))
    for line in panics where line.hasPrefix("2026") {
      #expect(Self.isPanicLog([line]), "\(line)")
    }
  }
}
