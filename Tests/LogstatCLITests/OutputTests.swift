import Foundation
import Testing

/// Where the report goes: closed pipes, missing directories, atomic files.
@Suite struct OutputTests {
  let ids = LogLines.ids

  /// A log with `count` distinct recipient domains, so the text report is long.
  func manyDomains(_ dir: TempDirectory, count: Int) throws {
    var text = ""
    for k in 0..<count {
      text += LogLines.postfixSent(ids[0], to: "user\(k)@domain\(k).example") + "\n"
    }
    try dir.write("many.log", text)
  }

  @Test func closedPipeLikeHeadEndsQuietlyWithStatusZero() throws {
    let dir = try TempDirectory()
    try manyDomains(dir, count: 3000)
    let binary = try #require(Logstat.binary)
    // The report is far larger than a pipe buffer, so logstat is still writing when head exits.
    let script = "'\(binary.path)' --top 100000 many.log | head -1; exit ${PIPESTATUS[0]}"
    let run = try Logstat.run(["-c", script], in: dir.url, program: URL(fileURLWithPath: "/bin/bash"))
    #expect(run.status == 0)
    #expect(run.text == "logstat report\n")
    #expect(run.stderr.isEmpty)
  }

  @Test func stdoutClosedBeforeAnyWriteEndsWithStatusZero() throws {
    let dir = try TempDirectory()
    try dir.write("good.log", LogLines.postfixText(ids[0]))
    let binary = try #require(Logstat.binary)
    let process = Process()
    process.executableURL = binary
    process.arguments = ["good.log"]
    process.currentDirectoryURL = dir.url
    let pipe = Pipe()
    let errors = Pipe()
    process.standardOutput = pipe
    process.standardError = errors
    try pipe.fileHandleForReading.close()  // nobody will ever read: every write fails with EPIPE
    try process.run()
    try pipe.fileHandleForWriting.close()
    let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == 0)
    #expect(stderr.isEmpty)
  }

  @Test func outputIntoMissingDirectoryIsAClearError() throws {
    let dir = try TempDirectory()
    try dir.write("good.log", LogLines.postfixText(ids[0]))
    let run = try Logstat.run(["--output", "no/such/dir/report.txt", "good.log"], in: dir.url)
    #expect(run.status == 1)
    #expect(!run.crashed)
    #expect(run.stderr.contains("no/such/dir/report.txt"))
    #expect(run.stderr.contains("No such file or directory"))
    #expect(run.stdout.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: dir.path("no").path))
  }

  /// While logstat replaces a report, a reader sees the old file or the new one, never a part.
  @Test func outputFileAppearsWhole() throws {
    let dir = try TempDirectory()
    try manyDomains(dir, count: 2000)
    let target = dir.path("report.json")
    let old = Data("{\"old\": true}\n".utf8)
    try old.write(to: target)
    let stop = Flag()
    let torn = Flag()
    let reader = Thread {
      while !stop.isSet {
        guard let data = FileManager.default.contents(atPath: target.path) else {
          torn.set()  // the path must never be missing
          continue
        }
        if data != old, (try? JSONSerialization.jsonObject(with: data)) == nil { torn.set() }
      }
    }
    reader.start()
    let run = try Logstat.run(["--format", "json", "--output", "report.json", "many.log"], in: dir.url)
    stop.set()
    while !reader.isFinished { usleep(10_000) }
    #expect(run.status == 0)
    #expect(run.stdout.isEmpty)
    #expect(!torn.isSet)
    let written = try JSONSerialization.jsonObject(with: Data(contentsOf: target)) as? [String: Any]
    #expect(Report(written ?? [:]).summary("delivered") == 2000)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.url.path).filter {
      $0.hasPrefix("report.json") && $0 != "report.json"
    }
    #expect(leftovers.isEmpty)
  }

  /// A run killed while writing `--output` leaves `PATH.tmp-PID`; the next run removes it
  /// when that process is gone, and leaves a live process's file alone.
  @Test func staleTemporaryOutputOfADeadProcessIsRemoved() throws {
    let dir = try TempDirectory()
    try dir.write("good.log", LogLines.postfixText(LogLines.ids[0]))
    // A PID that is not running: a child that has exited and been reaped.
    let child = Process()
    child.executableURL = URL(fileURLWithPath: "/bin/true")
    try child.run()
    child.waitUntilExit()
    let dead = child.processIdentifier
    let live = getpid()  // this test process
    try dir.write("report.txt.tmp-\(dead)", "half a report")
    try dir.write("report.txt.tmp-\(live)", "another run's report in progress")
    try dir.write("other.txt.tmp-\(dead)", "not ours")
    let run = try Logstat.run(["--output", "report.txt", "good.log"], in: dir.url)
    #expect(run.status == 0, "\(run.stderr)")
    let names = Set(try FileManager.default.contentsOfDirectory(atPath: dir.url.path).filter { !$0.hasPrefix(".") })
    #expect(names == ["good.log", "report.txt", "report.txt.tmp-\(live)", "other.txt.tmp-\(dead)"])
  }
}
