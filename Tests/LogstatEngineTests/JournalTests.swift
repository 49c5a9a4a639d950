import Foundation
import LogstatEngine
import LogstatReport
import LogstatRun
import LogstatSource
import LogstatTime
import Testing

/// Real journal files, written by `systemd-journal-remote` from export format made from a real
/// log's lines (identifier, pid, host, message and the line's time), read back through
/// sd-journal: every count must equal reading the text log.
enum JournalFixture {
  static let remote = "/usr/lib/systemd/systemd-journal-remote"
  static var available: Bool { FileManager.default.isExecutableFile(atPath: remote) }

  /// Journal export entries for the lines of `log` (classic syslog lines of `year`, or Exim
  /// mainlog lines, whose message goes to identifier `exim`), times in UTC. `extra` adds an
  /// entry of another program after every line.
  static func export(_ log: String, year: Int = 2026, extra: String? = nil, shift: Int64 = 0, first: Int = 0) throws -> String {
    let text = try String(contentsOfFile: log, encoding: .utf8)
    let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    var out = ""
    var n = first
    for line in text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) {
      let f = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
      var epoch: Int64
      var host = "mx"
      var ident = "exim"
      var pid: String?
      var message: String
      if let month = months.firstIndex(of: f[0]) {
        // "Nov 23 18:56:34 mx postfix/smtp[14524]: text"
        let parts = line.split(separator: " ", omittingEmptySubsequences: true)
        let day = Int(parts[1])!
        let clock = parts[2].split(separator: ":").map { Int($0)! }
        epoch = Civil.daysFromCivil(y: year, m: month + 1, d: day) * 86_400
          + Int64(clock[0] * 3600 + clock[1] * 60 + clock[2])
        host = String(parts[3])
        let tag = String(parts[4].dropLast())  // "postfix/smtp[14524]"
        if let open = tag.firstIndex(of: "[") {
          ident = String(tag[..<open])
          pid = String(tag[tag.index(after: open)...].dropLast())
        } else {
          ident = tag
        }
        let header = parts[0...4].joined(separator: " ")
        message = String(line.dropFirst(line.range(of: header)!.upperBound.utf16Offset(in: line) + 1))
      } else {
        // "2026-11-23 19:01:23 1xVZI3-0004HN-2e <= ..."
        let date = line.prefix(10).split(separator: "-").map { Int($0)! }
        let clock = line.dropFirst(11).prefix(8).split(separator: ":").map { Int($0)! }
        epoch = Civil.daysFromCivil(y: date[0], m: date[1], d: date[2]) * 86_400
          + Int64(clock[0] * 3600 + clock[1] * 60 + clock[2])
        message = String(line.dropFirst(20))
        pid = "16405"
      }
      n += 1
      epoch += shift
      out += entry(epoch: epoch, n: n, host: host, ident: ident, pid: pid, message: message)
      if let extra {
        n += 1
        out += entry(epoch: epoch, n: n, host: host, ident: extra, pid: "1", message: "\(extra) ran job \(n)")
      }
    }
    return out
  }

  static func entry(epoch: Int64, n: Int, host: String, ident: String, pid: String?, message: String) -> String {
    var e = "__REALTIME_TIMESTAMP=\(epoch * 1_000_000 + Int64(n))\n__MONOTONIC_TIMESTAMP=\(n)\n"
    e += "_BOOT_ID=0123456789abcdef0123456789abcdef\n_HOSTNAME=\(host)\nSYSLOG_IDENTIFIER=\(ident)\n"
    if let pid { e += "_PID=\(pid)\n" }
    return e + "MESSAGE=\(message)\n\n"
  }

  /// Writes `export` as the journal file `name` in `directory` with systemd-journal-remote.
  @discardableResult
  static func write(_ export: String, to directory: URL, name: String = "remote.journal") throws -> URL {
    let input = directory.appendingPathComponent("\(name).export")
    try export.write(to: input, atomically: true, encoding: .utf8)
    let output = directory.appendingPathComponent(name)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: remote)
    process.arguments = ["-o", output.path, input.path]
    process.standardError = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try FileManager.default.removeItem(at: input)
    #expect(process.terminationStatus == 0)
    return output
  }

  static func temporaryDirectory() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("logstat-journal-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }
}

func run(_ paths: [String], window: TimeWindow = .all, identifiers: [String] = []) -> (RunResult, ReportModel) {
  let (inputs, errors) = InputDiscovery.expand(paths)
  var plan = RunPlan(
    inputs: inputs, jobs: 2, chunkSize: 64 << 10, zone: .utc, yearOverride: 2026, now: 1_795_392_000,
    window: window)
  plan.journalIdentifiers = identifiers
  let result = Engine.run(plan, inputErrors: errors)
  return (result, ReportModel.build(from: result, now: 1_795_392_000, zone: .utc, window: window))
}

/// The counts that must agree between a text log and the same lines in a journal.
func expectSameCounts(_ a: ReportModel, _ b: ReportModel, sourceLocation: SourceLocation = #_sourceLocation) {
  let x = a.summary
  let y = b.summary
  #expect(x.attempts == y.attempts, sourceLocation: sourceLocation)
  #expect(x.delivered == y.delivered, sourceLocation: sourceLocation)
  #expect(x.deferred == y.deferred, sourceLocation: sourceLocation)
  #expect(x.bounced == y.bounced, sourceLocation: sourceLocation)
  #expect(x.expired == y.expired, sourceLocation: sourceLocation)
  #expect(x.rejected == y.rejected, sourceLocation: sourceLocation)
  #expect(x.recipients == y.recipients, sourceLocation: sourceLocation)
  #expect(x.messagesReceived == y.messagesReceived, sourceLocation: sourceLocation)
  #expect(x == y, sourceLocation: sourceLocation)
  #expect(a.domains == b.domains, sourceLocation: sourceLocation)
  #expect(a.lines.recognised == b.lines.recognised, sourceLocation: sourceLocation)
}

@Suite(.enabled(if: JournalFixture.available, "needs systemd-journal-remote (Debian package)"))
struct JournalTests {
  @Test func samplePostfixAsJournalFileAndDirectory() throws {
    let dir = try JournalFixture.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let log = Paths.samples.appendingPathComponent("postfix/mail.log.1").path
    let journal = try JournalFixture.write(try JournalFixture.export(log, extra: "CRON"), to: dir)
    let (_, text) = run([log])
    let (fileResult, fromFile) = run([journal.path])
    let (_, fromDirectory) = run([dir.path])
    #expect(text.summary.attempts == 9)
    expectSameCounts(text, fromFile)
    expectSameCounts(text, fromDirectory)
    // The CRON entries are never read: only mail identifiers.
    #expect(fileResult.files.map(\.lines) == [text.lines.total])
    #expect(fromDirectory.files.count == 1)
  }

  @Test(.enabled(if: Paths.hasRealMTA, "needs ../shared/realmta-sample"), arguments: ["postfix.log", "exim-mainlog"])
  func realLogAsJournal(name: String) throws {
    let dir = try JournalFixture.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let log = Paths.realMTA.appendingPathComponent(name).path
    let journal = try JournalFixture.write(try JournalFixture.export(log), to: dir)
    let (_, text) = run([log])
    let (result, fromJournal) = run([journal.path])
    #expect(result.files.first?.error == nil)
    #expect(text.summary.attempts > 1000)
    expectSameCounts(text, fromJournal)
    let (_, fromDirectory) = run([dir.path])
    expectSameCounts(text, fromDirectory)
  }

  @Test(.enabled(if: Paths.hasRealMTA, "needs ../shared/realmta-sample"))
  func sinceAndUntilSeek() throws {
    let dir = try JournalFixture.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let log = Paths.realMTA.appendingPathComponent("postfix.log").path
    // The log 30 days earlier, then the log itself: one journal, and the same lines as text.
    let earlier = try JournalFixture.export(log, shift: -30 * 86_400)
    let lines = earlier.components(separatedBy: "\n\n").count - 1
    let journal = try JournalFixture.write(earlier + (try JournalFixture.export(log, first: lines)), to: dir)
    // 2026-11-23 18:58:00 .. 19:00:00 UTC.
    let window = TimeWindow(since: 1_795_460_280, until: 1_795_460_400)
    let (_, text) = run([log], window: window)
    let (result, fromJournal) = run([journal.path], window: window)
    #expect(text.summary.attempts > 0)
    expectSameCounts(text, fromJournal)
    // Seeking: the copy 30 days before the window is never read; the lines of the 5 days
    // before it are, as context, as they are from a file.
    #expect(lines == 5423)
    #expect(result.files[0].outsideWindowLines > 0)
    #expect(result.files[0].outsideWindowLines < lines)
  }

  @Test func damagedJournalIsReportedAndTheRestRead() throws {
    let dir = try JournalFixture.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let log = Paths.samples.appendingPathComponent("postfix/mail.log.1").path
    let good = try JournalFixture.write(try JournalFixture.export(log), to: dir, name: "good.journal")
    let bad = dir.appendingPathComponent("bad.journal")
    var bytes = try Data(contentsOf: good)
    // Keep the magic, wreck the header behind it.
    for k in 8..<256 { bytes[k] = 0xA5 }
    try bytes.write(to: bad)
    let (_, text) = run([log])
    let (result, fromDirectory) = run([dir.path])
    expectSameCounts(text, fromDirectory)
    let error = try #require(result.files.first?.error)
    #expect(error.code == .damagedJournal)
    #expect(error.path == bad.path)
    #expect(error.description.contains("journalctl --verify"))
    #expect(result.isPartial)
    // Alone, it is an error naming the file, and nothing is counted.
    let (alone, model) = run([bad.path])
    #expect(alone.files.first?.error?.code == .damagedJournal)
    #expect(model.summary.attempts == 0)
  }

  @Test func extraIdentifiers() throws {
    let dir = try JournalFixture.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let log = Paths.samples.appendingPathComponent("postfix/mail.log.1").path
    let journal = try JournalFixture.write(try JournalFixture.export(log, extra: "mailer"), to: dir)
    let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
    // The program tags of the log, without pids: postfix/smtp, postfix-out/smtp, ...
    let tags = Set(lines.map { $0.split(separator: " ")[4].split(separator: "[")[0] }.map(String.init))
    let reader = try JournalReader(InputFile(path: journal.path))
    #expect(reader.identifiers == tags.sorted())
    #expect(tags.count == 14)
    let named = try JournalReader(InputFile(path: journal.path), identifiers: ["mailer"])
    #expect(named.identifiers == (tags.union(["mailer"])).sorted())
    let (result, _) = run([journal.path], identifiers: ["mailer"])
    #expect(result.files[0].lines == 2 * lines.count)
    #expect(result.files[0].notMailLines == lines.count)
  }

  @Test(.enabled(if: Paths.hasRealMTA, "needs ../shared/realmta-sample"))
  func traceReadsJournals() throws {
    let dir = try JournalFixture.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let log = Paths.realMTA.appendingPathComponent("postfix.log").path
    let journal = try JournalFixture.write(try JournalFixture.export(log), to: dir)
    let fromText = try runTrace("olivia_thompson52@legacy-a.example", [log])
    let fromJournal = try runTrace("olivia_thompson52@legacy-a.example", [journal.path])
    #expect(fromJournal.messages.map(\.queueID) == ["133D4FA19F"])
    #expect(fromJournal.messages.map(\.events.count) == fromText.messages.map(\.events.count))
    #expect(fromJournal.messages.map(\.outcome) == [.expired])
    #expect(fromJournal.messages.first?.firstEpoch == fromText.messages.first?.firstEpoch)
  }
}
