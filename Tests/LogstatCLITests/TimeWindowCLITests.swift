import Foundation
import Testing

/// `logstat --since yesterday` from the built binary, with a fixed clock (LOGSTAT_NOW).
@Suite struct TimeWindowCLITests {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The built `logstat`, beside the test bundle.
  static var binary: URL {
    URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("logstat")
  }

  func run(_ arguments: [String], now: Int64) throws -> (status: Int32, json: [String: Any]) {
    let process = Process()
    process.executableURL = Self.binary
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["LOGSTAT_NOW"] = String(now)
    environment["TZ"] = "UTC"
    // Tests of reports must not read or write the user's history (alerts would vary).
    environment["LOGSTAT_HISTORY"] = "off"
    process.environment = environment
    let out = Pipe()
    process.standardOutput = out
    process.standardError = Pipe()
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    return (process.terminationStatus, json)
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: binary.path)))
  func sinceYesterdayCountsExactlyThatDay() throws {
    // Now: 2026-11-23 12:00 UTC, so yesterday is Nov 22.
    let (status, json) = try run(
      ["--since", "yesterday", "--year", "2026", "--format", "json",
       Self.root.appendingPathComponent("samples/postfix").path],
      now: 1_795_435_200)
    #expect(status == 0)
    let summary = json["summary"] as? [String: Any]
    #expect(summary?["delivered"] as? Int == 5)
    #expect(summary?["bounced"] as? Int == 3)
    #expect(summary?["rejected"] as? Int == 4)
    #expect(summary?["attempts"] as? Int == 9)
    #expect(json["window"] as? String == "from 2026-11-22 00:00:00 +00:00 until 2026-11-23 00:00:00 +00:00")
    let files = json["files"] as? [[String: Any]] ?? []
    let live = files.first { ($0["path"] as? String)?.hasSuffix("/mail.log") == true }
    #expect((live?["skip_reason"] as? String)?.hasPrefix("outside the time window") == true)
    #expect(live?["lines"] as? Int == 0)
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: binary.path)))
  func invalidExpressionIsAUsageError() throws {
    let process = Process()
    process.executableURL = Self.binary
    process.arguments = ["--since", "last tuesday", Self.root.appendingPathComponent("samples").path]
    let err = Pipe()
    process.standardError = err
    process.standardOutput = Pipe()
    try process.run()
    let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 64)
    #expect(text.contains("--since 'last tuesday' is not a time expression"))
    #expect(text.contains("yesterday"))
  }
}
