import Foundation
import Testing

/// Odd bytes in plain files: counted, never a crash, exit status 0.
@Suite struct PlainInputTests {
  let ids = LogLines.ids

  /// Runs logstat on `files` (name, bytes) plus a good Postfix file; returns the report.
  func runWithGoodFile(
    _ files: [(String, [UInt8])], arguments extra: [String] = [],
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> (RunOutcome, Report) {
    let dir = try TempDirectory()
    try dir.write("good.log", LogLines.postfixText(ids[5]))
    for (name, bytes) in files { try dir.write(name, bytes) }
    let run = try Logstat.run(["--format", "json"] + extra + files.map(\.0) + ["good.log"], in: dir.url)
    #expect(!run.crashed, "stderr: \(run.stderr)", sourceLocation: sourceLocation)
    return (run, try run.report(sourceLocation: sourceLocation))
  }

  @Test func binaryGarbageIsNotMail() throws {
    // A fixed pseudo-random megabyte with newlines here and there.
    var state: UInt64 = 0x9e37_79b9_7f4a_7c15
    var bytes = [UInt8](repeating: 0, count: 1 << 20)
    for k in bytes.indices {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      bytes[k] = UInt8(truncatingIfNeeded: state >> 56)
    }
    let newlines = bytes.filter { $0 == 0x0A }.count
    let (run, report) = try runWithGoodFile([("garbage.bin", bytes)])
    #expect(run.status == 0)
    #expect(report.summary("delivered") == 1)
    #expect(report.summary("attempts") == 3)
    let garbage = try #require(report.file("garbage.bin"))
    // Every newline ends a line; the bytes after the last one are one more line.
    #expect(garbage["lines"] as? Int == newlines + (bytes.last == 0x0A ? 0 : 1))
    #expect(garbage["not_mail"] as? Int == garbage["lines"] as? Int)
  }

  @Test func nulBytesInsideAndBetweenLines() throws {
    let lines = LogLines.postfixMessage(ids[0])
    var bytes: [UInt8] = [0, 0, 0, 0x0A]  // a line of NULs
    bytes += Array(lines[0].utf8) + [0x0A]
    bytes += Array(lines[1].utf8) + [0x0A]
    // A NUL inside the reply text of the sent line: still a delivery.
    bytes += Array(lines[2].utf8).map { $0 == UInt8(ascii: "K") ? 0 : $0 } + [0x0A]
    let (run, report) = try runWithGoodFile([("nul.log", bytes)])
    #expect(run.status == 0)
    #expect(report.lines("total") == 4 + 5)
    #expect(report.summary("delivered") == 2)
    #expect(report.file("nul.log")?["not_mail"] as? Int == 1)
  }

  @Test func invalidUTF8IsCountedAndReplacedInJSON() throws {
    var line = Array(LogLines.postfixSent(ids[0], to: "ann@gm_ail.com").utf8)
    let at = line.firstIndex(of: UInt8(ascii: "_"))!
    line[at] = 0xff
    let (run, report) = try runWithGoodFile([("utf8.log", line + [0x0A] + [0xc3, 0x28, 0x0A])])
    #expect(run.status == 0)
    #expect(report.lines("total") == 2 + 5)
    #expect(report.summary("delivered") == 2)
    #expect(report.domain("gm\u{FFFD}ail.com", "delivered") == 1)
  }

  @Test func crlfLineEndingsCountLikeLF() throws {
    let text = LogLines.postfixMessage(ids[0]).joined(separator: "\r\n") + "\r\n"
    let (run, report) = try runWithGoodFile([("crlf.log", Array(text.utf8))])
    #expect(run.status == 0)
    #expect(report.lines("total") == 10)
    #expect(report.lines("not_mail") == 0)
    #expect(report.summary("delivered") == 2)
    #expect(report.summary("deferred") == 2)
    #expect(report.summary("bounced") == 2)
    #expect(report.domain("corp.example", "bounced") == 2)
  }

  @Test func missingFinalNewlineStillCountsTheLastLine() throws {
    let text = LogLines.postfixMessage(ids[0]).joined(separator: "\n")
    let (run, report) = try runWithGoodFile([("nofinal.log", Array(text.utf8))])
    #expect(run.status == 0)
    #expect(report.lines("total") == 10)
    #expect(report.summary("bounced") == 2)  // the bounce is the last line
  }

  @Test func tenMegabyteLineIsCutAndReported() throws {
    let lines = LogLines.postfixMessage(ids[0])
    var bytes = Array((lines[0] + "\n").utf8)
    bytes += Array(lines[2].utf8.dropLast()) + [UInt8](repeating: UInt8(ascii: "x"), count: 10 << 20) + [UInt8(ascii: ")"), 0x0A]
    bytes += Array((lines[3] + "\n").utf8)
    let (run, report) = try runWithGoodFile([("long.log", bytes)])
    #expect(run.status == 0)
    let long = try #require(report.file("long.log"))
    #expect(long["lines"] as? Int == 3)
    #expect(long["truncated_lines"] as? Int == 1)
    #expect(report.problems.contains { $0.contains("long.log") && $0.contains("cut") })
    #expect(report.summary("deferred") == 2)  // the line after the long one is read
  }

  @Test func emptyFileIsReadAsNothing() throws {
    let (run, report) = try runWithGoodFile([("empty.log", [])])
    #expect(run.status == 0)
    #expect(run.stderr.isEmpty)
    #expect(report.file("empty.log")?["lines"] as? Int == 0)
    #expect(report.lines("total") == 5)
  }

  @Test func mixedPostfixAndEximInOneFile() throws {
    var lines: [String] = []
    let postfix = LogLines.postfixMessage(ids[0])
    for k in 0..<max(postfix.count, LogLines.eximMessage.count) {
      if k < postfix.count { lines.append(postfix[k]) }
      if k < LogLines.eximMessage.count { lines.append(LogLines.eximMessage[k]) }
    }
    let (run, report) = try runWithGoodFile([("mixed.log", Array((lines.joined(separator: "\n") + "\n").utf8))])
    #expect(run.status == 0)
    #expect(report.lines("total") == 5 + 4 + 5)
    #expect(report.lines("not_mail") == 0)
    #expect(report.summary("delivered") == 1 + 1 + 1)
    #expect(report.summary("bounced") == 1 + 1 + 1)
    // Only Exim's `<=` says a message entered: these Postfix messages have no smtpd client=
    // or pickup line (their cleanup line alone is not counted, as pflogsumm does not).
    #expect(report.summary("messages_received") == 1)
    #expect(report.domain("gmail.com", "delivered") == 3)
    #expect(report.domain("corp.example", "bounced") == 3)
  }

  /// A syslog daemon whose template writes `YYYY-MM-DD HH:MM:SS host tag: msg` (an ISO stamp
  /// with a space, as Exim's mainlog has): the file is read as syslog, not taken for an Exim
  /// panic log because no line carries an Exim message ID. A pid-less line of another program
  /// first, as a mixed mail.log may start.
  @Test func isoSpaceSyslogFileIsNotAPanicLog() throws {
    let classic = LogLines.postfixMessage(ids[0])
    let iso = ["2025-11-21 23:49:59 mx1 dovecot: imap-login: Login: user=<ann>, method=PLAIN"]
      + classic.map { "2025-" + "11-21 " + $0.dropFirst("Nov 21 ".count) }
    let (run, report) = try runWithGoodFile([("iso.log", Array((iso.joined(separator: "\n") + "\n").utf8))])
    #expect(run.status == 0)
    #expect(report.lines("total") == 5 + 6)
    // Each count is the ISO file's one plus good.log's one.
    #expect(report.summary("delivered") == 2)
    #expect(report.summary("deferred") == 2)
    #expect(report.summary("bounced") == 2)
    #expect(report.domain("corp.example", "bounced") == 2)
    let health = report.object["health"] as? [String: Any]
    let logLines = health?["log_lines"] as? [String: Any]
    #expect(logLines?["panic"] as? Int == 0)
  }

  @Test func standardInputPlain() throws {
    let dir = try TempDirectory()
    let input = try dir.write("in.log", LogLines.postfixText(ids[0]) + LogLines.eximMessage.joined(separator: "\n"))
    let run = try Logstat.run(["--format", "json", "-"], in: dir.url, stdin: input)
    #expect(run.status == 0)
    #expect(run.stderr.isEmpty)
    let report = try run.report()
    #expect(report.lines("total") == 9)
    #expect(report.summary("delivered") == 2)
    #expect(report.file("standard input")?["gzip"] as? Bool == false)
  }
}

/// A container's log kept by Docker's json-file driver counts as the log it carries.
@Suite struct DockerJSONFileCLITests {
  @Test("docker json-file: the same counts as the plain log")
  func sameCountsAsPlain() throws {
    let dir = try TempDirectory()
    let lines = LogLines.postfixMessage(LogLines.ids[0])
    try dir.write("mail.log", lines.joined(separator: "\n") + "\n")
    let json = lines.map { line -> String in
      let escaped = line.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        .replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
      return "{\"log\":\"\(escaped)\\n\",\"stream\":\"stdout\",\"time\":\"2026-11-23T00:29:01.1Z\"}"
    }
    try dir.write("abc-json.log", json.joined(separator: "\n") + "\n")
    try expectSameCounts(in: dir, "mail.log", "abc-json.log", lines: lines.count)
  }
}

/// The report of `other`, a log in another form, counts what that of `plain` does; `other`
/// holds `lines` lines, all of them mail.
func expectSameCounts(
  in dir: TempDirectory, _ plain: String, _ other: String, lines: Int,
  sourceLocation: SourceLocation = #_sourceLocation
) throws {
  let a = try Logstat.run(["--format", "json", plain], in: dir.url)
  let b = try Logstat.run(["--format", "json", other], in: dir.url)
  #expect(a.status == 0 && b.status == 0, "\(b.stderr)", sourceLocation: sourceLocation)
  let x = try a.report()
  let y = try b.report()
  #expect(y.lines("total") == lines, sourceLocation: sourceLocation)
  #expect(y.lines("not_mail") == 0, sourceLocation: sourceLocation)
  for key in ["recipients", "delivered", "bounced", "deferred", "attempts"] {
    #expect(x.summary(key) == y.summary(key), "\(key)", sourceLocation: sourceLocation)
  }
  #expect(y.summary("recipients") ?? 0 > 0, sourceLocation: sourceLocation)
  #expect(x.object["first_event"] as? String == y.object["first_event"] as? String, sourceLocation: sourceLocation)
}

/// `journalctl -u postfix -o json > postfix.json` counts as the log it holds.
@Suite struct JournalJSONFileCLITests {
  @Test("journalctl -o json: the same counts as the plain log")
  func sameCountsAsPlain() throws {
    let dir = try TempDirectory()
    let lines = LogLines.postfixMessage(LogLines.ids[0])
    try dir.write("mail.log", lines.joined(separator: "\n") + "\n")
    // Each line's stamp (Nov 21, the current year's) as microseconds since the epoch, in UTC.
    let year = Calendar(identifier: .gregorian).component(.year, from: Date())
    let json = lines.enumerated().map { k, line -> String in
      let clock = line.dropFirst("Nov 21 ".count).prefix(8).split(separator: ":").compactMap { Int($0) }
      var c = DateComponents(year: year, month: 11, day: 21, hour: clock[0], minute: clock[1], second: clock[2])
      c.timeZone = TimeZone(identifier: "UTC")
      let seconds = Int(Calendar(identifier: .gregorian).date(from: c)!.timeIntervalSince1970)
      let body = line.dropFirst("Nov 21 23:50:01 mx1 ".count)
      let tag = body.prefix { $0 != "[" }
      let pid = body.dropFirst(tag.count + 1).prefix { $0 != "]" }
      let message = body.drop { $0 != ":" }.dropFirst(2)
      let escaped = message.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
      return "{\"__CURSOR\":\"s=1;i=\(k)\",\"__REALTIME_TIMESTAMP\":\"\(seconds)000000\",\"_HOSTNAME\":\"mx1\","
        + "\"SYSLOG_IDENTIFIER\":\"\(tag)\",\"_PID\":\"\(pid)\",\"MESSAGE\":\"\(escaped)\"}"
    }
    try dir.write("postfix.json", json.joined(separator: "\n") + "\n")
    try expectSameCounts(in: dir, "mail.log", "postfix.json", lines: lines.count)
  }
}
