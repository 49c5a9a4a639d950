import Foundation
import Testing

/// Valid-looking lines and reports with numbers out of any real range: the run never traps
/// (exit 132), the line is counted as damaged and named in the problems; `merge` refuses.
@Suite struct HostileNumberTests {
  let id = LogLines.ids[0]

  /// The Postfix message of `LogLines` with its delivery's `delay=` and qmgr's `size=` replaced.
  func postfix(_ id: String, delay: String = "1.2", size: String = "18233") -> String {
    LogLines.postfixMessage(id).map {
      $0.replacingOccurrences(of: "delay=1.2,", with: "delay=\(delay),")
        .replacingOccurrences(of: "size=18233,", with: "size=\(size),")
    }.joined(separator: "\n") + "\n"
  }

  @Test func hugeDelayIsDamageNotATrap() throws {
    let dir = try TempDirectory()
    try dir.write("mail.log", postfix(id, delay: "9223372036854775.9"))
    let run = try Logstat.run(["--format", "json", "mail.log"], in: dir.url)
    #expect(!run.crashed, "stderr: \(run.stderr)")
    #expect(run.status == 0)
    let report = try run.report()
    #expect(report.summary("delivered") == 1)
    #expect(report.lines("damaged") == 1)
    #expect(report.problems.contains { $0.contains("mail.log: 1 damaged line") })
  }

  @Test func hugeSizesOnTwoMessagesDoNotOverflow() throws {
    let dir = try TempDirectory()
    try dir.write(
      "mail.log",
      postfix(LogLines.ids[0], size: "9000000000000000000")
        + postfix(LogLines.ids[1], size: "9000000000000000000")
        + postfix(LogLines.ids[2], size: "99999999999999999999999999999")
        + postfix(LogLines.ids[3], size: "999999999999999"))  // the largest size still taken
    let run = try Logstat.run(["--format", "json", "mail.log"], in: dir.url)
    #expect(!run.crashed, "stderr: \(run.stderr)")
    #expect(run.status == 0)
    let report = try run.report()
    // No smtpd or pickup line here, so nothing "entered"; all four messages are still counted.
    #expect(report.summary("delivered") == 4)
    #expect(report.summary("bytes_received") == 999_999_999_999_999)
    #expect(report.lines("damaged") == 3)
  }

  @Test func hugeEximSizesDoNotOverflow() throws {
    let dir = try TempDirectory()
    var text = ""
    for (k, suffix) in ["Ab", "Cd", "Ef"].enumerated() {
      text += LogLines.eximMessage.map {
        $0.replacingOccurrences(of: "1tXyZa-000Abc-De", with: "1tXyZ\(k)-000Abc-\(suffix)")
          .replacingOccurrences(of: "S=18233", with: "S=9000000000000000000")
      }.joined(separator: "\n") + "\n"
    }
    try dir.write("mainlog", text)
    let run = try Logstat.run(["--format", "json", "mainlog"], in: dir.url)
    #expect(!run.crashed, "stderr: \(run.stderr)")
    #expect(run.status == 0)
    let report = try run.report()
    #expect(report.summary("messages_received") == 3)
    #expect(report.summary("bytes_received") == 0)
    #expect(report.lines("damaged") == 3)
  }

  /// A JSON report of a small real run, with `edit` applied to its `counts` block's first
  /// domain (a single domain report has three: gmail.com, yahoo.com, corp.example).
  func craftedReport(
    _ dir: TempDirectory, _ name: String, _ edit: (inout [String: Any], inout [String: Any]) -> Void
  ) throws {
    try dir.write("mail.log", LogLines.postfixText(id))
    let run = try Logstat.run(["--format", "json", "mail.log"], in: dir.url)
    #expect(run.status == 0)
    var doc = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
    var counts = try #require(doc["counts"] as? [String: Any])
    var domains = try #require(counts["domains"] as? [[String: Any]])
    edit(&counts, &domains[0])
    counts["domains"] = domains
    doc["counts"] = counts
    try Data(JSONSerialization.data(withJSONObject: doc)).write(to: dir.path(name))
  }

  /// Values no logstat writes: a histogram count beyond UInt32, a count beyond Int, a
  /// negative count, a fraction, a float beyond any integer, an hour beyond year 9999,
  /// a DSN key beyond UInt32.
  static let crafted: [(String, @Sendable (inout [String: Any], inout [String: Any]) -> Void)] = [
    ("histogram", { _, d in d["delay_histogram"] = [[5, 99_999_999_999]] }),
    ("huge", { _, d in d["attempts"] = NSDecimalNumber(string: "99999999999999999999999") }),
    ("negative", { _, d in d["attempts"] = -3 }),
    ("fraction", { _, d in d["delivered"] = 2.5 }),
    ("float", { _, d in d["recipients"] = 1e300 }),
    ("bucket", { _, d in d["delay_histogram"] = [[-1, 1]] }),
    ("hour", { c, _ in c["hours"] = [["hours_since_epoch": Int.max, "delivered": 1, "deferred": 0, "bounced": 0, "expired": 0, "rejected": 0]] }),
    ("dsn", { c, _ in c["dsn_codes"] = [["key": 1 << 40, "sent": 1, "deferred": 0, "bounced": 0, "final_bounced": 0, "final_expired": 0, "rejected": 0]] }),
    ("epoch", { c, _ in c["first_epoch"] = Int.max }),
  ]

  @Test(arguments: 0..<crafted.count)
  func mergeRefusesCraftedCounts(_ k: Int) throws {
    let dir = try TempDirectory()
    try craftedReport(dir, "crafted.json", Self.crafted[k].1)
    let run = try Logstat.run(["merge", "crafted.json"], in: dir.url)
    #expect(!run.crashed, "\(Self.crafted[k].0): stderr: \(run.stderr)")
    #expect(run.status == 1, "\(Self.crafted[k].0)")
    #expect(run.stderr.contains("crafted.json"), "\(Self.crafted[k].0): \(run.stderr)")
  }

  @Test func mergeRefusesCountsThatAddUpPastWhatCanBeSummed() throws {
    let dir = try TempDirectory()
    try craftedReport(dir, "big.json") { counts, _ in counts["bytes_received"] = 1 << 48 }
    // 2^48 is allowed once; 4,097 copies add up past 2^60.
    let one = try Logstat.run(["merge", "--format", "json", "big.json"], in: dir.url)
    #expect(one.status == 0, "stderr: \(one.stderr)")
    #expect(try one.report().summary("bytes_received") == 1 << 48)
    let many = try Logstat.run(["merge"] + Array(repeating: "big.json", count: 4_097), in: dir.url)
    #expect(!many.crashed, "stderr: \(many.stderr)")
    #expect(many.status == 1)
    #expect(many.stderr.contains("big.json"))
  }
}
