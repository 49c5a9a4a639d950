import Foundation
import Testing

/// End to end: one log read plain and gzipped, by one worker and by several (from three, the
/// gzip stream inflated once and its segments scanned by all), gives the same JSON report but for
/// `generated_at` and the file list.
@Suite struct GzipFanOutCLITests {
  /// Six messages whose lines interleave, so every message crosses segment boundaries.
  static func interleaved() -> String {
    let messages = LogLines.ids.map { LogLines.postfixMessage($0) }
    var lines: [String] = []
    for k in 0..<messages[0].count {
      for m in messages { lines.append(m[k]) }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The report without the keys that name the run and its files.
  static func comparable(_ run: RunOutcome) throws -> NSDictionary {
    var object = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
    object["generated_at"] = nil
    object["files"] = nil
    return object as NSDictionary
  }

  @Test func plainAndGzipWithOneAndTwoJobsGiveTheSameReport() throws {
    let dir = try TempDirectory()
    let text = Self.interleaved()
    try dir.write("mail.log", text)
    try dir.write("mail.log.gz", Gzip.member(text))
    let base = ["--format", "json", "--no-history", "--year", "2026"]
    let plain = try Logstat.run(base + ["--jobs", "1", "mail.log"], in: dir.url)
    #expect(plain.status == 0)
    let expected = try Self.comparable(plain)
    #expect((expected["summary"] as? [String: Any])?["delivered"] as? Int == 6)
    #expect((expected["summary"] as? [String: Any])?["bounced"] as? Int == 6)
    for extra in [
      ["--jobs", "1"], ["--jobs", "2"], ["--jobs", "3"],
      ["--jobs", "3", "--chunk-size", "64", "--segment-size", "300"],
      ["--jobs", "4", "--chunk-size", "1", "--segment-size", "1"],
    ] {
      let run = try Logstat.run(base + extra + ["mail.log.gz"], in: dir.url)
      #expect(run.status == 0, "\(extra)")
      #expect(!run.crashed)
      #expect(try Self.comparable(run) == expected, "\(extra)")
      let report = try run.report()
      #expect(report.file("mail.log.gz")?["gzip"] as? Bool == true, "\(extra)")
      #expect(report.file("mail.log.gz")?["lines"] as? Int == 30, "\(extra)")
    }
  }
}
