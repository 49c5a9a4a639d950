import Foundation
import LogstatHistory
import Testing

/// The first night already knows the baseline: the rotations on disk hold the week before the
/// window, so a first run stores those days too and alerts compare with them.
@Suite final class FirstNightBaselineTests {
  let dir: URL
  let logs: URL
  /// Eight UTC days, Nov 13 .. Nov 20; the window is the last one.
  static let firstDay = nov20 - 7 * 86_400

  init() throws {
    dir = try temporaryDirectory("first-night")
    logs = dir.appendingPathComponent("logs")
    try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
    // mail.log.7 (Nov 13) ... mail.log.1 (Nov 19), mail.log (Nov 20): quiet days, except that
    // refuse.example refuses every mail every day, and on the last day Gmail rate-blocks from
    // 12:00 on and newblock.example (new today) refuses everything.
    for k in 0..<8 {
      let start = Self.firstDay + Int64(k) * 86_400
      var text = LogLines.night(dayStart: start, blockHour: k == 7 ? 12 : nil, spamhaus: false)
      var extra = LogLines()
      for h in 0..<24 {
        extra.spamhausBounce(start + Int64(h * 3600 + 1800), to: "x\(h)@refuse.example")
        if k == 7 { extra.spamhausBounce(start + Int64(h * 3600 + 1900), to: "y\(h)@newblock.example") }
        // Our own local delivery starts failing at 14:00 on the last day.
        if k == 7, h >= 14, h < 18 { extra.localError(start + Int64(h * 3600 + 2000), to: "ops\(h)@mx.example") }
      }
      text += extra.text
      let name = k == 7 ? "mail.log" : "mail.log.\(7 - k)"
      // Lines of one file in time order, as syslog writes them.
      let lines = text.split(separator: "\n").sorted { $0.prefix(15) < $1.prefix(15) }
      try (lines.joined(separator: "\n") + "\n").write(
        to: logs.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
  }

  deinit { try? FileManager.default.removeItem(at: dir) }

  func run(_ history: [String]) throws -> (status: Int32, alerts: [[String: Any]], stderr: String) {
    let r = try runLogstat(
      [logs.path, "--year", "2026", "--since", "2026-11-20", "--until", "2026-11-21", "--format", "json",
       "--fail-on", "alerts"] + history)
    return (r.status, try alerts(r.stdout), r.stderr)
  }

  func gmailOnset(_ found: [[String: Any]]) -> String? {
    found.first { ($0["subject"] as? String)?.lowercased().contains("g") == true && $0["kind"] as? String == "sudden-rise"
      && ["gmail.com", "google"].contains($0["subject"] as? String) }?["since"] as? String
  }

  @Test func firstRunStoresTheWeekBeforeAndAlertsOnlyWhatStartedToday() throws {
    let history = dir.appendingPathComponent("history.sqlite").path
    let first = try run(["--history", history])
    #expect(first.status == 3, "\(first.stderr)")
    let store = try HistoryStores.open(history)
    let days = try store.days(from: "2026-11-01", until: "2026-11-30")
    #expect(days.count >= 7, "\(days.map(\.day))")
    #expect(days.filter { !$0.partial }.count >= 7, "\(days.map { "\($0.day) \($0.partial)" })")
    #expect(days.contains { $0.day == "2026-11-14" && !$0.partial })
    // A week of refusals is the baseline, not news; the domain that began today is.
    let subjects = first.alerts.map { "\($0["kind"]!) \($0["subject"]!)" }
    #expect(!subjects.contains { $0.contains("refuse.example") }, "\(subjects)")
    #expect(subjects.contains { $0.contains("newblock.example") }, "\(subjects)")
    #expect(gmailOnset(first.alerts) == "2026-11-20 12:00:00 +00:00", "\(subjects)")
    let local = first.alerts.first { $0["kind"] as? String == "local-errors" }
    #expect(local?["since"] as? String == "2026-11-20 14:00:00 +00:00", "\(subjects)")
    #expect((local?["example"] as? String)?.contains("procmail: Permission denied") == true)
    let runsAfterFirst = try store.summary().runs

    // The next run of the same night: the baseline is there, nothing extra is read.
    let again = try run(["--history", history])
    #expect(again.status == 3)
    #expect(try store.summary().runs == runsAfterFirst + 1)
    #expect(gmailOnset(again.alerts) == "2026-11-20 12:00:00 +00:00")
  }

  @Test func withoutHistoryTheOnsetIsTheSame() throws {
    let r = try run(["--no-history"])
    #expect(r.status == 3, "\(r.stderr)")
    #expect(gmailOnset(r.alerts) == "2026-11-20 12:00:00 +00:00", "\(r.alerts.map { "\($0["kind"]!) \($0["subject"]!) \($0["since"] ?? "")" })")
  }
}
