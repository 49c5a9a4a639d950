import Foundation
import Testing

/// Directory arguments: logs at any depth (rotations there too) are read; files that are not
/// logs are recognised by content and listed as skipped, never read as "not mail" lines.
@Suite struct DirectoryTreeTests {
  let ids = LogLines.ids

  @Test func logsDeepBelowADirectoryAreRead() throws {
    let dir = try TempDirectory()
    let deep = (1...12).map(String.init).joined(separator: "/")
    try dir.write("logs/\(deep)/mail.log", LogLines.postfixText(ids[0]))
    try dir.write("logs/a/mail.log.1", LogLines.postfixText(ids[1]))
    try dir.write("logs/a/mail.log", LogLines.postfixText(ids[2]))
    let run = try Logstat.run(["--format", "json", "logs"], in: dir.url)
    #expect(!run.crashed, "stderr: \(run.stderr)")
    #expect(run.status == 0, "stderr: \(run.stderr)")
    let report = try run.report()
    #expect(report.files.count == 3)
    #expect(report.file("logs/\(deep)/mail.log")?["lines"] as? Int == 5)
    // Rotations in a sub-directory: oldest first.
    let paths = report.files.compactMap { $0["path"] as? String }
    #expect(paths.firstIndex(of: "logs/a/mail.log.1")! < paths.firstIndex(of: "logs/a/mail.log")!)
    #expect(report.summary("delivered") == 3)
    #expect(report.problems.isEmpty, "\(report.problems)")
  }

  @Test func filesThatAreNotLogsAreListedAsSkipped() throws {
    let dir = try TempDirectory()
    try dir.write("logs/mail.log", LogLines.postfixText(ids[0]))
    try dir.write("logs/README", "Mail logs of mx1, rotated daily.\nAsk the on-call person before deleting.\n")
    try dir.write("logs/state.json", "{\"offset\": 1234, \"inode\": 99}\n")
    try dir.write("logs/sub/wtmp", [0, 0, 0, 7, 1, 2, 3, 0, 0x0A, 0, 0, 0])
    // A log of another program is a log (its lines are "not mail", as when named).
    try dir.write("logs/auth.log", "Nov 21 23:50:01 mx1 sshd[3102]: Accepted publickey for root\n")
    let run = try Logstat.run(["--format", "json", "logs"], in: dir.url)
    #expect(!run.crashed, "stderr: \(run.stderr)")
    #expect(run.status == 0, "stderr: \(run.stderr)")
    let report = try run.report()
    for name in ["logs/README", "logs/state.json", "logs/sub/wtmp"] {
      let reason = try #require(report.file(name)?["skip_reason"] as? String, "\(name) not listed")
      #expect(reason.hasPrefix("not a log"), "\(name): \(reason)")
      #expect(report.file(name)?["lines"] as? Int == 0)
    }
    #expect((report.file("logs/state.json")?["skip_reason"] as? String ?? "").contains("JSON"))
    #expect((report.file("logs/sub/wtmp")?["skip_reason"] as? String ?? "").contains("binary"))
    #expect(report.file("logs/auth.log")?["skip_reason"] as? String == nil)
    #expect(report.lines("not_mail") == 1)
    #expect(report.summary("delivered") == 1)
    // The text report names them too.
    let text = try Logstat.run(["logs"], in: dir.url)
    #expect(text.text.contains("logs/README (skipped: not a log"), "\(text.text)")
  }

  @Test func aNonLogNamedDirectlyIsStillRead() throws {
    let dir = try TempDirectory()
    try dir.write("README", "Mail logs of mx1.\n")
    let run = try Logstat.run(["--format", "json", "README"], in: dir.url)
    #expect(run.status == 0)
    let report = try run.report()
    #expect(report.file("README")?["skip_reason"] as? String == nil)
    #expect(report.lines("not_mail") == 1)
  }
}
