import Foundation
import Testing

@testable import LogstatHistory

/// Lines `k` of `text` with `k % count == part`: one host's share of a night.
func share(_ text: String, _ part: Int, of count: Int) -> String {
  text.split(separator: "\n").enumerated().filter { $0.offset % count == part }.map { $0.element + "\n" }.joined()
}

/// Several servers running `logstat` into one PostgreSQL history, with the built binary.
@Suite(.enabled(if: PostgresServer.shared != nil, PostgresServer.skipReason))
final class PostgresFleetTests {
  let dir: URL

  init() throws { dir = try temporaryDirectory("fleet") }
  deinit { try? FileManager.default.removeItem(at: dir) }

  func write(_ text: String, _ name: String) throws -> String {
    let path = dir.appendingPathComponent(name).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  func night(_ file: String, _ day: String, _ next: String, _ extra: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    try runLogstat([file, "--year", "2026", "--since", day, "--until", next, "--format", "json", "--fail-on", "alerts"] + extra)
  }

  /// Night 1 split over two hosts into PostgreSQL gives the baseline (and night 2's alerts)
  /// that one run over the whole night 1 gives in SQLite.
  @Test func twoHostsGiveTheFleetBaselineOfOneRunOverBoth() throws {
    let url = try database("fleet")
    let sqlite = dir.appendingPathComponent("one.sqlite").path
    let night1 = LogLines.night(dayStart: nov20)
    let whole1 = try write(night1, "night1.log")
    let hostA = try write(share(night1, 0, of: 2), "a1.log")
    let hostB = try write(share(night1, 1, of: 2), "b1.log")
    let whole2 = try write(LogLines.night(dayStart: nov20 + 86_400, blockHour: 3), "night2.log")

    #expect(try night(whole1, "2026-11-20", "2026-11-21", ["--history", sqlite]).status == 0)
    #expect(try night(hostA, "2026-11-20", "2026-11-21", ["--history", url, "--host", "mx-a"]).status == 0)
    #expect(try night(hostB, "2026-11-20", "2026-11-21", ["--history", url, "--host", "mx-b"]).status == 0)

    let fleet = try PostgresHistoryStore(url: url, host: "mx-a", scope: .fleet)
    let one = try SQLiteHistoryStore(path: sqlite, create: false)
    let fleetDays = try fleet.days(from: "2026-11-01", until: "2026-12-01")
    #expect(fleetDays.map(\.attempts) == [336])
    #expect(fleetDays == (try one.days(from: "2026-11-01", until: "2026-12-01")))
    // With --host-scope self, mx-a's baseline is its own half.
    let own = try PostgresHistoryStore(url: url, host: "mx-a", scope: .local)
    #expect(try own.days(from: "2026-11-01", until: "2026-12-01").map(\.attempts) == [168])

    let single = try night(whole2, "2026-11-21", "2026-11-22", ["--history", sqlite])
    let shared = try night(whole2, "2026-11-21", "2026-11-22", ["--history", url, "--host", "mx-c"])
    #expect(single.status == 3 && shared.status == 3, "\(shared.stderr)")
    let kinds = try alerts(shared.stdout).map { "\($0["kind"]!) \($0["subject"]!) \($0["baseline_attempts"]!)" }
    #expect(kinds == ["sudden-rise google 240", "sudden-rise shop.example 96", "new-blocklist spamhaus-zen 0"])
    #expect(kinds == (try alerts(single.stdout).map { "\($0["kind"]!) \($0["subject"]!) \($0["baseline_attempts"]!)" }))
    #expect(!shared.stdout.contains(PostgresServer.password) && !shared.stderr.contains(PostgresServer.password))

    let shown = try runLogstat(["history", "--history", url])
    #expect(shown.status == 0, "\(shown.stderr)")
    #expect(!shown.stdout.contains(PostgresServer.password))
    #expect(shown.stdout.contains("postgres://logstat@127.0.0.1:"))
    #expect(shown.stdout.contains("runs       3\n"))
  }

  /// Four processes storing four hosts' nights at once: every row lands.
  @Test func concurrentWritersLoseNothing() throws {
    let url = try database("concurrent")
    let log = try write(LogLines.night(dayStart: nov20), "night.log")
    var processes: [Process] = []
    for k in 0..<4 {
      let process = Process()
      process.executableURL = logstatBinary()
      process.arguments = [log, "--year", "2026", "--since", "2026-11-20", "--until", "2026-11-21", "--history", url, "--host", "mx\(k)", "--format", "json", "-o", dir.appendingPathComponent("r\(k).json").path]
      var environment = ProcessInfo.processInfo.environment
      environment["TZ"] = "UTC"
      environment["LOGSTAT_NOW"] = String(nov20 + 3 * 86_400)
      process.environment = environment
      try process.run()
      processes.append(process)
    }
    for p in processes { p.waitUntilExit() }
    #expect(processes.map(\.terminationStatus) == [0, 0, 0, 0])
    let fleet = try PostgresHistoryStore(url: url, host: "mx0", scope: .fleet)
    let days = try fleet.days(from: "2026-11-20", until: "2026-11-21")
    #expect(days.map(\.attempts) == [4 * 336])
    #expect(try fleet.summary().runs == 4)
    let own = try PostgresHistoryStore(url: url, host: "mx3", scope: .local)
    #expect(try own.days(from: "2026-11-20", until: "2026-11-21").map(\.attempts) == [336])
  }

  /// A wrong password: the report is still written, and neither it nor standard error shows
  /// the password given.
  @Test func aFailingDatabaseNeverShowsThePassword() throws {
    let server = try #require(PostgresServer.shared)
    let log = try write(LogLines.night(dayStart: nov20), "night.log")
    let url = server.url("postgres", password: "wr0ng-Pw_99")
    let result = try night(log, "2026-11-20", "2026-11-21", ["--history", url, "--host", "mx1"])
    #expect(result.status == 3)
    #expect(!result.stdout.contains("wr0ng-Pw_99") && !result.stderr.contains("wr0ng-Pw_99"))
    #expect(result.stderr.contains("history postgres://logstat@127.0.0.1:\(server.port)/postgres: password authentication failed"), "\(result.stderr)")
    let found = try alerts(result.stdout)
    #expect(found.first?["kind"] as? String == "history-unavailable")
    #expect(found.first?["subject"] as? String == "postgres://logstat:***@127.0.0.1:\(server.port)/postgres")
  }
}
