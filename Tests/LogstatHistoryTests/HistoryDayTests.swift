import Foundation
import LogstatAggregate
import LogstatAlerts
import LogstatEngine
import LogstatHistory
import LogstatSource
import LogstatTime
import Testing

/// 2026-11-20 00:00:00 UTC.
let nov20: Int64 = 1_795_132_800

/// Runs the engine over `log` with `window`, as `logstat` would, and returns the aggregate's days.
func days(of log: String, window: TimeWindow, zone: LocalZone = .utc) throws -> [HistoryDay] {
  let dir = try temporaryDirectory("days")
  defer { try? FileManager.default.removeItem(at: dir) }
  let path = dir.appendingPathComponent("mail.log").path
  try log.write(toFile: path, atomically: true, encoding: .utf8)
  let (files, _) = InputDiscovery.expand([path])
  let plan = RunPlan(
    inputs: files, zone: zone, yearOverride: 2026, now: nov20 + 5 * 86_400, window: window)
  return HistoryDay.days(from: Engine.run(plan).aggregate, zone: zone, window: window)
}

@Suite struct HistoryDayTests {
  @Test func aNightSplitsIntoItsDayWithExactRows() throws {
    let window = TimeWindow(since: nov20, until: nov20 + 86_400)
    let d = try days(of: LogLines.night(dayStart: nov20, blockHour: 3), window: window)
    #expect(d.map(\.day) == ["2026-11-20"])
    #expect(d[0].partial == false)
    #expect(d[0].start == nov20 && d[0].end == nov20 + 86_400)
    #expect(d[0].attempts == 24 * 14)
    #expect(
      d[0].rows == [
        DomainDayRow(domain: "gmail.com", provider: "google", outcome: "deferred", reason: "reputation", count: 84),
        DomainDayRow(domain: "gmail.com", provider: "google", outcome: "sent", reason: "", count: 156),
        DomainDayRow(domain: "shop.example", provider: "none", outcome: "bounced", reason: "blocklisted", count: 42),
        DomainDayRow(domain: "shop.example", provider: "none", outcome: "sent", reason: "", count: 54),
      ])
    #expect(d[0].blocklists.map(\.blocklist) == ["spamhaus-zen"])
    #expect(d[0].blocklists.first?.count == 42)
    #expect(d[0].blocklists.first?.firstSeen == nov20 + 3 * 3600)
    #expect(d[0].codes.contains(CodeDayRow(code: "4.7.28", outcome: "deferred", count: 84)))
    #expect(d[0].codes.contains(CodeDayRow(code: "421", outcome: "deferred", count: 84)))
    #expect(d[0].codes.contains(CodeDayRow(code: "554", outcome: "bounced", count: 42)))
  }

  /// Local days: at +01:00 a night stamped in local time is one local day, starting 23:00 UTC.
  @Test func daysAreLocalCalendarDays() throws {
    let zone = LocalZone(identifier: "Test/Plus1", fixedUTCOffset: 3600)
    let window = TimeWindow(since: nov20 - 3600, until: nov20 + 86_400 - 3600)
    let d = try days(of: LogLines.night(dayStart: nov20), window: window, zone: zone)
    #expect(d.map(\.day) == ["2026-11-20"])
    #expect(d.map(\.partial) == [false])
    #expect(d.first?.start == nov20 - 3600 && d.first?.end == nov20 + 86_400 - 3600)
    #expect(d.first?.attempts == 24 * 14)
  }

  /// Partial: open bounds use the first and last event; a window ending mid-day is partial.
  @Test func partialDaysFollowTheWindowAndTheData() throws {
    let log = LogLines.night(dayStart: nov20) + LogLines.night(dayStart: nov20 + 86_400)
      + LogLines.night(dayStart: nov20 + 2 * 86_400)
    let open = try days(of: log, window: .all)
    #expect(open.map(\.partial) == [true, false, true])
    let midDay = try days(of: log, window: TimeWindow(since: nov20, until: nov20 + 86_400 + 12 * 3600))
    #expect(midDay.map(\.day) == ["2026-11-20", "2026-11-21"])
    #expect(midDay.map(\.partial) == [false, true])
    #expect(midDay[1].attempts == 12 * 14)
  }

  @Test func baselineAddsDomainsAndProvidersOverDays() throws {
    let window = TimeWindow(since: nov20, until: nov20 + 2 * 86_400)
    let log = LogLines.night(dayStart: nov20) + LogLines.night(dayStart: nov20 + 86_400, blockHour: 12)
    let b = Baseline(days: try days(of: log, window: window))
    #expect(b.days == ["2026-11-20", "2026-11-21"])
    #expect(b.tallies[.provider(.google)]?.attempts == 480)
    #expect(b.tallies[.provider(.google)]?.blocking == 48)
    #expect(b.tallies[.domain("gmail.com")]?.deferred == 48)
    #expect(b.tallies[.domain("shop.example")]?.bounced == 24)
    #expect(b.blocklists == [.spamhausZen])
  }

  /// Counts read from a history file are capped: a hand-edited file with huge counts must not
  /// overflow the baseline's sums; days sort as dates.
  @Test func baselineOfHugeStoredCountsDoesNotOverflow() {
    func day(_ name: String) -> HistoryDay {
      var d = HistoryDay(day: name, start: 0, end: 86_400, partial: false)
      d.rows = [
        DomainDayRow(domain: "gmail.com", provider: "google", outcome: "sent", reason: "", count: Int.max),
        DomainDayRow(domain: "gmail.com", provider: "google", outcome: "sent", reason: "", count: -5),
      ]
      return d
    }
    let b = Baseline(days: [day("10000-01-10"), day("9999-12-31"), day("2026-11-20")])
    #expect(b.days == ["2026-11-20", "9999-12-31", "10000-01-10"])
    #expect(b.tallies[.domain("gmail.com")]?.attempts == 3 << 40)
    #expect(b.tallies[.provider(.google)]?.attempts == 3 << 40)
  }
}

/// The per-hour counts merge across files exactly: one file or the same lines split in three
/// give the same days.
@Test func daysDoNotDependOnHowTheInputIsSplit() throws {
  let log = LogLines.night(dayStart: nov20, blockHour: 5) + LogLines.night(dayStart: nov20 + 86_400)
  let lines = log.split(separator: "\n", omittingEmptySubsequences: false)
  let dir = try temporaryDirectory("split")
  defer { try? FileManager.default.removeItem(at: dir) }
  var paths: [String] = []
  for (k, range) in [0..<100, 100..<401, 401..<lines.count].enumerated() {
    let path = dir.appendingPathComponent("part\(k).log").path
    try lines[range].joined(separator: "\n").appending(k == 2 ? "" : "\n")
      .write(toFile: path, atomically: true, encoding: .utf8)
    paths.append(path)
  }
  let files = paths.compactMap { InputDiscovery.expand([$0]).0.first }
  let plan = RunPlan(inputs: files, yearOverride: 2026, now: nov20 + 5 * 86_400)
  let split = HistoryDay.days(from: Engine.run(plan).aggregate, zone: .utc, window: .all)
  #expect(split == (try days(of: log, window: .all)))
  #expect(split.map(\.attempts) == [336, 336])
}
