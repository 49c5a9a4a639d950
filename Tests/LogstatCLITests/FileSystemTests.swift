import Foundation
import Testing

/// Inputs the file system makes hard: missing, unreadable, loops, growing while read.
@Suite struct FileSystemTests {
  let ids = LogLines.ids

  @Test func missingFileIsNamedAndTheRestIsRead() throws {
    let dir = try TempDirectory()
    try dir.write("good.log", LogLines.postfixText(ids[0]))
    let run = try Logstat.run(["--format", "json", "missing.log", "good.log"], in: dir.url)
    #expect(run.status == 2)
    #expect(run.stderr.contains("logstat: missing.log: no such file or directory"))
    let report = try run.report()
    #expect(report.summary("delivered") == 1)
    #expect(report.problems.contains { $0.contains("missing.log") })
  }

  @Test func onlyMissingFilesIsAnError() throws {
    let dir = try TempDirectory()
    let run = try Logstat.run(["missing.log"], in: dir.url)
    #expect(run.status == 1)
    #expect(run.stderr.contains("missing.log"))
    #expect(run.stdout.isEmpty)
  }

  /// Permission denied: run directly when not root; as root, drop to `nobody` with setpriv.
  @Test func unreadableFileIsNamedAndTheRestIsRead() throws {
    let dir = try TempDirectory()
    try dir.write("good.log", LogLines.postfixText(ids[0]))
    let secret = try dir.write("secret.log", LogLines.postfixText(ids[1]))
    #expect(chmod(secret.path, 0) == 0)
    _ = chmod(dir.url.path, 0o777)
    var arguments = ["--format", "json", "secret.log", "good.log"]
    if geteuid() == 0 {
      let setpriv = "/usr/bin/setpriv"
      guard FileManager.default.isExecutableFile(atPath: setpriv), let binary = Logstat.binary,
        isReachableByEveryone(binary.path)
      else {
        print("skipped: running as root and cannot drop privileges, so every file is readable")
        return
      }
      arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", binary.path] + arguments
      let run = try Logstat.run(arguments, in: dir.url, program: URL(fileURLWithPath: setpriv))
      try expectPermissionDenied(run)
    } else {
      try expectPermissionDenied(try Logstat.run(arguments, in: dir.url))
    }
  }

  /// A history file the user may read but not write is listed by `logstat history`.
  @Test func readOnlyHistoryIsListed() throws {
    let dir = try TempDirectory()
    try dir.write("good.log", LogLines.postfixText(ids[0]))
    let store = try Logstat.run(["--history", "hist/h.sqlite", "good.log"], in: dir.url)
    #expect(store.status == 0, "\(store.stderr)")
    for file in (try? FileManager.default.contentsOfDirectory(atPath: dir.path("hist").path)) ?? [] {
      #expect(chmod(dir.path("hist/\(file)").path, 0o444) == 0)
    }
    #expect(chmod(dir.path("hist").path, 0o555) == 0)
    defer { _ = chmod(dir.path("hist").path, 0o755) }
    _ = chmod(dir.url.path, 0o777)
    var arguments = ["history", "--history", "hist/h.sqlite"]
    var program: URL?
    if geteuid() == 0 {
      let setpriv = "/usr/bin/setpriv"
      guard FileManager.default.isExecutableFile(atPath: setpriv), let binary = Logstat.binary,
        isReachableByEveryone(binary.path)
      else {
        print("skipped: running as root and cannot drop privileges, so every file is writable")
        return
      }
      arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", binary.path] + arguments
      program = URL(fileURLWithPath: setpriv)
    }
    let run = try Logstat.run(arguments, in: dir.url, program: program)
    #expect(!run.crashed)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.text.contains("days       1 (2026-11-21 .. 2026-11-21)"), "\(run.text)")
    // Pruning needs to write: refused with a message, the file left as it was.
    let prune = try Logstat.run(arguments + ["--prune-before", "2026-12-01"], in: dir.url, program: program)
    #expect(prune.status == 1)
    #expect(prune.stderr.contains("hist/h.sqlite"), "\(prune.stderr)")
  }

  func expectPermissionDenied(_ run: RunOutcome) throws {
    #expect(run.status == 2)
    #expect(run.stderr.contains("logstat: secret.log: permission denied"))
    let report = try run.report()
    #expect(report.summary("delivered") == 1)
    #expect(report.lines("total") == 5)
  }

  /// True when every directory up to `path` may be entered and the file run by anyone.
  func isReachableByEveryone(_ path: String) -> Bool {
    var url = URL(fileURLWithPath: path)
    while url.path != "/" {
      var info = stat()
      guard stat(url.path, &info) == 0, info.st_mode & 0o001 != 0 else { return false }
      url.deleteLastPathComponent()
    }
    return true
  }

  @Test func directoryWhereAFileIsExpected() throws {
    let dir = try TempDirectory()
    try FileManager.default.createDirectory(at: dir.path("sub"), withIntermediateDirectories: true)
    // Standard input opened on a directory: reading it fails with EISDIR.
    let run = try Logstat.run(["--format", "json", "-"], in: dir.url, stdin: dir.path("sub"))
    #expect(!run.crashed)
    #expect(run.status == 2)
    #expect(run.stderr.contains("logstat: standard input: is a directory"))
  }

  @Test func directoryWithoutLogs() throws {
    let dir = try TempDirectory()
    try dir.write("empty/postfix.pid", "1234\n")
    try dir.write("good.log", LogLines.postfixText(ids[0]))
    let run = try Logstat.run(["--format", "json", "empty", "good.log"], in: dir.url)
    #expect(run.status == 2)
    #expect(run.stderr.contains("logstat: empty: directory holds no log files"))
    let report = try run.report()
    #expect(report.summary("delivered") == 1)

    #expect(report.file("empty/postfix.pid")?["skip_reason"] as? String ?? "" != "")
    // Alone: the pid file is listed as skipped, and the directory reported (exit 2).
    let alone = try Logstat.run(["empty"], in: dir.url)
    #expect(alone.status == 2)
    #expect(alone.stderr.contains("logstat: empty: directory holds no log files"))
    // A directory with nothing in it at all: nothing to read (exit 1).
    try FileManager.default.createDirectory(at: dir.path("void"), withIntermediateDirectories: true)
    let void = try Logstat.run(["void"], in: dir.url)
    #expect(void.status == 1)
    #expect(void.stderr.contains("void"))
  }

  @Test func symlinkLoopInADirectoryArgument() throws {
    let dir = try TempDirectory()
    try dir.write("logs/mail.log", LogLines.postfixText(ids[0]))
    try FileManager.default.createSymbolicLink(atPath: dir.path("logs/loop.log").path, withDestinationPath: "loop.log")
    try FileManager.default.createSymbolicLink(atPath: dir.path("logs/a.log").path, withDestinationPath: "b.log")
    try FileManager.default.createSymbolicLink(atPath: dir.path("logs/b.log").path, withDestinationPath: "a.log")
    try FileManager.default.createSymbolicLink(atPath: dir.path("logs/up").path, withDestinationPath: "..")
    let run = try Logstat.run(["--format", "json", "logs"], in: dir.url)
    #expect(!run.crashed)
    #expect(run.status == 2)
    #expect(run.stderr.contains("logs/loop.log: symbolic link loop"))
    #expect(run.stderr.contains("logs/a.log: symbolic link loop"))
    let report = try run.report()
    #expect(report.summary("delivered") == 1)
    #expect(report.lines("total") == 5)
  }

  /// A writer appends (faster than a debug build reads) while logstat reads: logstat must
  /// end, having read what was there when it opened the file and no more.
  @Test func fileThatGrowsWhileReadEnds() throws {
    let dir = try TempDirectory()
    let block = String(repeating: LogLines.postfixText(ids[0]), count: 2000)
    let file = try dir.write("live.log", String(repeating: block, count: 2))
    let handle = try FileHandle(forWritingTo: file)
    handle.seekToEndOfFile()
    let stop = Flag()
    let writer = Thread {
      let data = Data(block.utf8)
      var written = 0
      // Stop when logstat has ended, or at 512 MB so a hang cannot fill the disk. The pace
      // (about 40 MB/s at most) keeps writing for many seconds even when a loaded machine is
      // slow to start logstat, so the file still grows after logstat opened it.
      while !stop.isSet, written < 1 << 29 {
        handle.write(data)
        written += data.count
        usleep(10_000)
      }
    }
    writer.start()
    let run = try Logstat.run(["--format", "json", "live.log"], in: dir.url, limit: 300)
    stop.set()
    while !writer.isFinished { usleep(10_000) }
    try handle.close()
    #expect(run.status == 0)
    let report = try run.report()
    // logstat stopped at the size it saw when opening, while the writer went on.
    let finalSize = try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int ?? 0
    let read = try #require(report.file("live.log")?["bytes"] as? Int)
    #expect(read >= 2 * block.utf8.count)
    #expect(read < finalSize)
    #expect((report.lines("total") ?? 0) >= 2 * 2000 * 5)
    #expect((report.summary("delivered") ?? 0) >= 2 * 2000)
  }
}

/// A thread-safe boolean.
final class Flag: @unchecked Sendable {
  private let lock = NSLock()
  private var value = false
  var isSet: Bool { lock.withLock { value } }
  func set() { lock.withLock { value = true } }
}
