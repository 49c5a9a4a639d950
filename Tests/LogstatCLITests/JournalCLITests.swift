import Foundation
import Testing

/// Journal input from the command line: `--journal`, and the fallback to the system journal
/// when no mail log file exists (a fake root holding `var/log/journal/<machine-id>/`).
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/lib/systemd/systemd-journal-remote"), "needs systemd-journal-remote"))
struct JournalCLITests {
  static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("samples")

  /// A root whose /var/log/journal holds the Postfix sample `mail.log` as journal entries.
  func makeRoot(_ dir: TempDirectory) throws -> URL {
    let root = dir.path("root")
    let machine = root.appendingPathComponent("var/log/journal/0123456789abcdef0123456789abcdef")
    try FileManager.default.createDirectory(at: machine, withIntermediateDirectories: true)
    let log = try String(contentsOf: Self.samples.appendingPathComponent("postfix/mail.log"), encoding: .utf8)
    var export = ""
    var n = 0
    for line in log.split(separator: "\n") {
      // "Nov 22 06:25:01 mx1 postfix/smtp[3103]: text": Nov 22 2026, UTC.
      let parts = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
      guard parts.count == 6, parts[0] == "Nov" else { continue }
      let day = Int(parts[1])!
      let clock = parts[2].split(separator: ":").map { Int($0)! }
      let epoch = 1_795_305_600 + (day - 22) * 86_400 + clock[0] * 3600 + clock[1] * 60 + clock[2]
      let tag = parts[4].dropLast()
      let open = tag.firstIndex(of: "[")!
      n += 1
      export += "__REALTIME_TIMESTAMP=\(epoch)000000\n__MONOTONIC_TIMESTAMP=\(n)\n"
      export += "_BOOT_ID=0123456789abcdef0123456789abcdef\n_HOSTNAME=\(parts[3])\n"
      export += "SYSLOG_IDENTIFIER=\(tag[..<open])\n_PID=\(tag[tag.index(after: open)...].dropLast())\n"
      export += "MESSAGE=\(parts[5])\n\n"
    }
    let input = dir.path("e.export")
    try export.write(to: input, atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/lib/systemd/systemd-journal-remote")
    process.arguments = ["-o", machine.appendingPathComponent("system.journal").path, input.path]
    process.standardError = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    return root
  }

  @Test func noLogFilesFallsBackToTheSystemJournal() throws {
    let dir = try TempDirectory()
    let root = try makeRoot(dir)
    let text = try Logstat.run(["--system-root", root.path, "--color", "never"], in: dir.url)
    #expect(text.status == 0, "stderr: \(text.stderr)")
    #expect(text.text.contains("source     the systemd journal's mail entries"))
    #expect(text.text.contains("no mail log file was found"))
    let fromJournal = try Logstat.run(["--system-root", root.path, "--format", "json"], in: dir.url).report()
    let fromFile = try Logstat.run(
      ["--format", "json", "--year", "2026", Self.samples.appendingPathComponent("postfix/mail.log").path],
      in: dir.url
    ).report()
    for key in ["attempts", "delivered", "deferred", "bounced", "expired", "rejected"] {
      #expect(fromJournal.summary(key) == fromFile.summary(key), "\(key)")
    }
    #expect((fromFile.summary("attempts") ?? 0) > 0)
    // --journal reads it too; trace finds a message in it.
    let explicit = try Logstat.run(["--system-root", root.path, "--journal", "--format", "json"], in: dir.url).report()
    #expect(explicit.summary("attempts") == fromFile.summary("attempts"))
  }

  @Test func noLogsAndNoJournalIsAnError() throws {
    let dir = try TempDirectory()
    let run = try Logstat.run(["--system-root", dir.url.path], in: dir.url)
    #expect(run.status == 1)
    #expect(run.stderr.contains("and for mail entries in the systemd journal"))
    let journal = try Logstat.run(["--system-root", dir.url.path, "--journal"], in: dir.url)
    #expect(journal.status == 1)
    #expect(journal.stderr.contains("no systemd journal found"))
  }

  @Test func journalPipedIsRefusedWithAHint() throws {
    let dir = try TempDirectory()
    let root = try makeRoot(dir)
    let file = root.appendingPathComponent("var/log/journal/0123456789abcdef0123456789abcdef/system.journal")
    let run = try Logstat.run(["-"], in: dir.url, stdin: file)
    #expect(run.stderr.contains("can only be read from a file"))
    #expect(run.status == 1 || run.status == 2)
  }
}
