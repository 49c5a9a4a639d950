import Foundation
import LogstatReport
import Testing

/// `logstat merge`: JSON reports of several hosts give the report of one run over all logs.
@Suite("logstat merge")
struct MergeTests {
  let e2e = EndToEndTests()
  let env = ["LOGSTAT_HISTORY": "off"]

  /// A fresh temporary directory.
  func tempDir() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("logstat-merge-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  /// The JSON document of `text` without the keys that name the run rather than the mail.
  func comparable(_ text: String) throws -> NSDictionary {
    var doc = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    for key in ["generated_at", "files", "alerts", "problems"] { doc.removeValue(forKey: key) }
    return doc as NSDictionary
  }

  /// Host A: Postfix with rotations; host B: Exim and an RFC 3339 Postfix.
  static let hostA = ["samples/postfix"]
  static let hostB = ["samples/exim", "samples/postfix-rfc3339"]

  func report(_ inputs: [String], to file: URL, _ extra: [String] = []) throws {
    let (_, err, status) = try e2e.run(["--format", "json", "-o", file.path] + extra + inputs, environment: env)
    #expect(status == 0, "stderr: \(err)")
  }

  @Test func mergeEqualsOneRunOverBothHosts() throws {
    let dir = try tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let a = dir.appendingPathComponent("a.json")
    let b = dir.appendingPathComponent("b.json")
    try report(Self.hostA, to: a)
    // A cut report still merges exactly: the counts block is never cut.
    try report(Self.hostB, to: b, ["--top", "2"])
    let (together, _, s1) = try e2e.run(["--format", "json"] + Self.hostA + Self.hostB, environment: env)
    let (merged, err, s2) = try e2e.run(["merge", "--format", "json", a.path, b.path], environment: env)
    #expect(s1 == 0)
    #expect(s2 == 0, "stderr: \(err)")
    #expect(try comparable(merged) == comparable(together))
    let doc = try #require(try JSONSerialization.jsonObject(with: Data(merged.utf8)) as? [String: Any])
    #expect((doc["files"] as? [Any])?.count == 5)
    let summary = try #require(doc["summary"] as? [String: Any])
    #expect(summary["delivered"] as? Int == 19)
  }

  @Test func mergedReportMergesAgain() throws {
    let dir = try tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let a = dir.appendingPathComponent("a.json")
    let b = dir.appendingPathComponent("b.json")
    let c = dir.appendingPathComponent("c.json")
    let ab = dir.appendingPathComponent("ab.json")
    try report(["samples/postfix"], to: a)
    try report(["samples/exim"], to: b)
    try report(["samples/postfix-rfc3339"], to: c)
    let (_, err, status) = try e2e.run(["merge", "--format", "json", "-o", ab.path, a.path, b.path], environment: env)
    #expect(status == 0, "stderr: \(err)")
    let (twice, _, _) = try e2e.run(["merge", "--format", "json", ab.path, c.path], environment: env)
    let (once, _, _) = try e2e.run(["merge", "--format", "json", a.path, b.path, c.path], environment: env)
    #expect(try comparable(twice) == comparable(once))
  }

  @Test(arguments: ["text", "csv", "markdown", "html", "prometheus"])
  func everyFormatMatchesOneRun(_ format: String) throws {
    let dir = try tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let a = dir.appendingPathComponent("a.json")
    let b = dir.appendingPathComponent("b.json")
    try report(Self.hostA, to: a)
    try report(Self.hostB, to: b)
    let (merged, err, status) = try e2e.run(
      ["merge", "--format", format, "--report", "domains,providers,reasons", a.path, b.path], environment: env)
    let (together, _, _) = try e2e.run(
      ["--format", format, "--report", "domains,providers,reasons"] + Self.hostA + Self.hostB, environment: env)
    #expect(status == 0, "stderr: \(err)")
    let strip = { (s: String) in s.split(separator: "\n").filter { !$0.contains("Generated") && !$0.contains("generated") && !$0.contains("logstat_generated") && !$0.contains("files") && !$0.contains("Files") } }
    #expect(strip(merged) == strip(together))
  }

  @Test func refusesWhatIsNotALogstatReport() throws {
    let dir = try tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let other = dir.appendingPathComponent("other.json")
    try Data(#"{"schema": "something/2", "counts": {}}"#.utf8).write(to: other)
    let old = dir.appendingPathComponent("old.json")
    try Data(#"{"schema": "logstat/1", "summary": {}}"#.utf8).write(to: old)
    let notJSON = dir.appendingPathComponent("log.txt")
    try Data("Nov 22 06:00:00 mx postfix/smtp[1]: hello\n".utf8).write(to: notJSON)
    for (file, words) in [(other, "not a logstat/1 JSON report"), (old, "has no `counts` block"), (notJSON, "not a JSON document")] {
      let (out, err, status) = try e2e.run(["merge", file.path], environment: env)
      #expect(status == 1)
      #expect(out.isEmpty)
      #expect(err.contains(file.path) && err.contains(words), "stderr: \(err)")
    }
  }

  @Test func savedReportDecodesItsOwnCounts() throws {
    let (json, _, _) = try e2e.run(["--format", "json", "samples/"], environment: env)
    let saved = try SavedReport.decode(Data(json.utf8), path: "x.json")
    let model = ReportModel.merged([saved], now: 1_795_392_000)
    let again = JSONWriter.render(model)
    #expect(try comparable(again) == comparable(json))
  }

  /// The JSON report's `counts` block is `AggregateCounts`' Codable encoding, streamed: it
  /// parses as what `JSONEncoder` makes of the decoded counts, and decoding it again gives
  /// equal counts.
  @Test func countsBlockIsTheCodableEncoding() throws {
    let (json, _, status) = try e2e.run(["--format", "json", "samples/"], environment: env)
    #expect(status == 0)
    let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let block = try #require(doc["counts"] as? [String: Any])
    let saved = try SavedReport.decode(Data(json.utf8), path: "x.json")
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let encoded = try encoder.encode(saved.aggregate.counts)
    let again = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any])
    #expect(block as NSDictionary == again as NSDictionary)
    #expect(block["version"] as? Int == 2)
    let domains = try #require(block["domains"] as? [[String: Any]])
    #expect(domains.count > 3)
    #expect(domains.contains { ($0["hour_cells"] as? [Any])?.isEmpty == false })
    // The block as written, and written again from the decoded counts, is the same text.
    let model = ReportModel.merged([saved], now: 1_795_392_000)
    let rewritten = JSONWriter.render(model)
    let tail = { (s: String) in s.range(of: "\"counts\": {").map { String(s[$0.lowerBound...]) } ?? "" }
    #expect(!tail(json).isEmpty)
    #expect(tail(rewritten) == tail(json))
  }

  /// A bad value in a saved report is refused naming the file and the value's path.
  @Test func mergeNamesThePathOfABadValue() throws {
    let dir = try tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let a = dir.appendingPathComponent("a.json")
    try report(Self.hostA, to: a)
    var doc = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: a)) as? [String: Any])
    var counts = try #require(doc["counts"] as? [String: Any])
    var domains = try #require(counts["domains"] as? [[String: Any]])
    domains[1]["bounced"] = -3
    counts["domains"] = domains
    var hours = try #require(counts["hours"] as? [[String: Any]])
    let edited = dir.appendingPathComponent("edited.json")
    doc["counts"] = counts
    try JSONSerialization.data(withJSONObject: doc).write(to: edited)
    var (out, err, status) = try e2e.run(["merge", a.path, edited.path], environment: env)
    #expect(status == 1)
    #expect(out.isEmpty)
    #expect(err.contains("\(edited.path): counts.domains[1].bounced: expected a non-negative integer, found -3"), "stderr: \(err)")
    hours[0]["delivered"] = "many"
    counts["domains"] = try #require((try JSONSerialization.jsonObject(with: Data(contentsOf: a)) as? [String: Any])?["counts"] as? [String: Any])["domains"]
    counts["hours"] = hours
    doc["counts"] = counts
    try JSONSerialization.data(withJSONObject: doc).write(to: edited)
    (out, err, status) = try e2e.run(["merge", edited.path], environment: env)
    #expect(status == 1)
    #expect(err.contains("\(edited.path): counts.hours[0].delivered: expected a non-negative integer"), "stderr: \(err)")
    counts.removeValue(forKey: "lines")
    doc["counts"] = counts
    try JSONSerialization.data(withJSONObject: doc).write(to: edited)
    (out, err, status) = try e2e.run(["merge", edited.path], environment: env)
    #expect(status == 1)
    #expect(err.contains("\(edited.path): counts.lines: missing"), "stderr: \(err)")
  }
}
