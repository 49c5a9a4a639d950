import Foundation
import Testing

/// The built `logstat`, beside the test bundle in the build folder.
func logstatBinary() -> URL {
  var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
  while dir.path != "/" {
    let candidate = dir.appendingPathComponent("logstat")
    if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    dir = dir.deletingLastPathComponent()
  }
  return URL(fileURLWithPath: "logstat")
}

/// Runs `logstat` with a fixed clock, UTC and no inherited history setting.
func runLogstat(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
  let process = Process()
  process.executableURL = logstatBinary()
  process.arguments = arguments
  var environment = ProcessInfo.processInfo.environment
  environment["TZ"] = "UTC"
  environment["LOGSTAT_NOW"] = String(nov20 + 3 * 86_400)
  environment["LOGSTAT_HISTORY"] = nil
  process.environment = environment
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = out
  process.standardError = err
  try process.run()
  let stdout = out.fileHandleForReading.readDataToEndOfFile()
  let stderr = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (
    process.terminationStatus, String(decoding: stdout, as: UTF8.self),
    String(decoding: stderr, as: UTF8.self)
  )
}

/// The `alerts` array of a JSON report.
func alerts(_ json: String) throws -> [[String: Any]] {
  let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
  return object?["alerts"] as? [[String: Any]] ?? []
}

@Suite final class EndToEndTests {
  let dir: URL
  let history: String
  let night1: String
  let night2: String

  init() throws {
    dir = try temporaryDirectory("e2e")
    history = dir.appendingPathComponent("history.sqlite").path
    night1 = dir.appendingPathComponent("night1.log").path
    night2 = dir.appendingPathComponent("night2.log").path
    try LogLines.night(dayStart: nov20).write(toFile: night1, atomically: true, encoding: .utf8)
    try LogLines.night(dayStart: nov20 + 86_400, blockHour: 3)
      .write(toFile: night2, atomically: true, encoding: .utf8)
  }

  deinit { try? FileManager.default.removeItem(at: dir) }

  func analyze(_ file: String, day: String, next: String, _ extra: [String] = []) throws -> (
    status: Int32, stdout: String, stderr: String
  ) {
    try runLogstat(
      [file, "--year", "2026", "--since", day, "--until", next, "--history", history,
       "--fail-on", "alerts", "--format", "json"] + extra)
  }

  /// Night 1 is quiet; night 2 has a sudden Gmail block at 03:00 and a new Spamhaus listing.
  @Test func secondNightsSuddenBlockFailsTheRunWithStatusThree() throws {
    let first = try analyze(night1, day: "2026-11-20", next: "2026-11-21")
    #expect(first.status == 0, "\(first.stderr)")
    #expect(try alerts(first.stdout).isEmpty)

    let second = try analyze(night2, day: "2026-11-21", next: "2026-11-22")
    #expect(second.status == 3, "\(second.stderr)")
    let found = try alerts(second.stdout)
    let kinds = found.map { "\($0["kind"]!) \($0["subject_kind"]!) \($0["subject"]!)" }
    #expect(kinds == [
      "sudden-rise provider google", "sudden-rise domain shop.example",
      "new-blocklist blocklist spamhaus-zen",
    ])
    let google = found[0]
    #expect(google["metric"] as? String == "blocking")
    #expect(google["reason"] as? String == "reputation")
    #expect(google["since"] as? String == "2026-11-21 03:00:00 +00:00")
    #expect(google["events"] as? Int == 84 && google["attempts"] as? Int == 210)
    #expect(google["baseline_events"] as? Int == 0 && google["baseline_attempts"] as? Int == 240)
    #expect(google["baseline"] as? String == "1 day of history (2026-11-20)")
    #expect((google["example"] as? String)?.contains("said: 421-4.7.28 Our system has detected") == true)
    #expect(found[1]["since"] as? String == "2026-11-21 03:00:00 +00:00")

    // The text report shows the alerts first, and the history holds both nights.
    let text = try runLogstat([night2, "--year", "2026", "--since", "2026-11-21", "--until", "2026-11-22", "--history", history])
    #expect(text.status == 0)
    let lines = text.stdout.split(separator: "\n")
    let alertLine = lines.firstIndex { $0.hasPrefix("ALERTS (3)") }
    let summaryLine = lines.firstIndex { $0 == "Summary" }
    #expect(alertLine != nil && summaryLine != nil && alertLine! < summaryLine!)
    let shown = try runLogstat(["history", "--history", history])
    #expect(shown.status == 0)
    #expect(shown.stdout.contains("days       2 (2026-11-20 .. 2026-11-21)\n"))
    #expect(shown.stdout.contains("runs       3\n"))
    #expect(shown.stdout.contains("2026-11-21       336"))
  }

  /// Without history, the block is still found against the night's earlier hours.
  @Test func withoutHistoryTheBlockIsFoundWithinTheNight() throws {
    let run = try runLogstat(
      [night2, "--year", "2026", "--since", "2026-11-21", "--until", "2026-11-22", "--no-history",
       "--fail-on", "alerts", "--format", "json"])
    #expect(run.status == 3)
    let found = try alerts(run.stdout)
    #expect(found.first?["subject"] as? String == "google")
    #expect(found.first?["since"] as? String == "2026-11-21 03:00:00 +00:00")
    #expect(!FileManager.default.fileExists(atPath: history))
  }

  /// A damaged history: the report is still written, the error names the file, status stays 0.
  @Test func corruptHistoryStillPrintsTheReport() throws {
    try Data(repeating: 0x5A, count: 4096).write(to: URL(fileURLWithPath: history))
    let run = try runLogstat([night1, "--year", "2026", "--history", history])
    #expect(run.status == 0)
    #expect(run.stdout.contains("Summary"))
    #expect(run.stderr.contains("logstat: history \(history): not a readable logstat history"))
    let failing = try analyze(night1, day: "2026-11-20", next: "2026-11-21")
    #expect(failing.status == 3)
    #expect(try alerts(failing.stdout).first?["kind"] as? String == "history-unavailable")
  }

  /// Two processes storing into one history at once: both succeed, both days are kept.
  @Test func twoOverlappingRunsBothStore() throws {
    let results = try [night1, night2].map { file in
      let p = Process()
      p.executableURL = logstatBinary()
      p.arguments = [file, "--year", "2026", "--history", history, "--format", "json", "-o", file + ".json"]
      var environment = ProcessInfo.processInfo.environment
      environment["TZ"] = "UTC"
      p.environment = environment
      try p.run()
      return p
    }
    for p in results { p.waitUntilExit() }
    #expect(results.map(\.terminationStatus) == [0, 0])
    let shown = try runLogstat(["history", "--history", history])
    #expect(shown.stdout.contains("runs       2\n"))
    #expect(shown.stdout.contains("2026-11-20"))
    #expect(shown.stdout.contains("2026-11-21"))
  }

  @Test func historyPrunesOldDays() throws {
    _ = try analyze(night1, day: "2026-11-20", next: "2026-11-21")
    _ = try analyze(night2, day: "2026-11-21", next: "2026-11-22")
    let pruned = try runLogstat(["history", "--history", history, "--prune-before", "2026-11-21"])
    #expect(pruned.status == 0)
    #expect(pruned.stdout.hasPrefix("removed 1 day before 2026-11-21\n"))
    #expect(pruned.stdout.contains("days       1 (2026-11-21 .. 2026-11-21)\n"))
    let kept = try runLogstat(["history", "--history", history, "--keep-days", "0"])
    #expect(kept.stdout.hasPrefix("removed 1 day before 2026-11-23\n"))
    let bad = try runLogstat(["history", "--history", history, "--prune-before", "2026-13-01"])
    #expect(bad.status == 64)
  }
}
