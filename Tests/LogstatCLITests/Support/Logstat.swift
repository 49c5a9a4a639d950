import Foundation
import Testing

/// What one run of the `logstat` binary did.
struct RunOutcome {
  /// Exit status; nil when the process died from a signal (a crash).
  var status: Int32?
  var signal: Int32?
  var stdout: Data
  var stderr: String

  /// Standard output as text (invalid UTF-8 repaired).
  var text: String { String(decoding: stdout, as: UTF8.self) }

  /// Standard output parsed as the JSON report; records an issue when it is not valid JSON.
  func report(sourceLocation: SourceLocation = #_sourceLocation) throws -> Report {
    let any = try JSONSerialization.jsonObject(with: stdout)
    let object = try #require(any as? [String: Any], sourceLocation: sourceLocation)
    return Report(object)
  }

  /// True when stderr shows a Swift runtime crash or a backtrace.
  var crashed: Bool {
    signal != nil || stderr.contains("Fatal error") || stderr.contains("Stack dump")
      || stderr.contains("Backtrace") || stderr.contains("Current stack trace")
  }
}

/// Runs the built `logstat` executable.
enum Logstat {
  /// The binary: `$LOGSTAT_BIN`, next to the test bundle, or under the package's `.build*` folders.
  static let binary: URL? = {
    let fm = FileManager.default
    if let env = ProcessInfo.processInfo.environment["LOGSTAT_BIN"], fm.isExecutableFile(atPath: env) {
      return URL(fileURLWithPath: env)
    }
    var candidates: [URL] = []
    let argv0 = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    candidates.append(argv0.deletingLastPathComponent().appendingPathComponent("logstat"))
    candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("logstat"))
    // Package root from this file: Tests/LogstatCLITests/Support/Logstat.swift.
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    if let entries = try? fm.contentsOfDirectory(atPath: root.path) {
      for entry in entries.sorted() where entry.hasPrefix(".build") {
        candidates.append(root.appendingPathComponent("\(entry)/debug/logstat"))
      }
    }
    return candidates.first { fm.isExecutableFile(atPath: $0.path) }
  }()

  /// Runs logstat with `arguments` in `directory`; `stdin` is a file to read, or empty input.
  /// `program` runs instead of logstat (a wrapper such as setpriv that then starts it).
  /// A run that has not ended after `limit` seconds is killed (recorded as a hang by the caller).
  static func run(
    _ arguments: [String], in directory: URL, stdin: URL? = nil, limit: TimeInterval = 120,
    program: URL? = nil
  ) throws -> RunOutcome {
    let binary = try #require(binary, "build logstat first: swift build")
    let process = Process()
    process.executableURL = program ?? binary
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    environment["TZ"] = "UTC"
    // Tests of reports must not read or write the user's history (alerts would vary).
    environment["LOGSTAT_HISTORY"] = "off"
    process.environment = environment
    let out = directory.appendingPathComponent(".stdout-\(UUID().uuidString)")
    let err = directory.appendingPathComponent(".stderr-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    _ = FileManager.default.createFile(atPath: err.path, contents: nil)
    defer {
      try? FileManager.default.removeItem(at: out)
      try? FileManager.default.removeItem(at: err)
    }
    let outHandle = try FileHandle(forWritingTo: out)
    let errHandle = try FileHandle(forWritingTo: err)
    process.standardOutput = outHandle
    process.standardError = errHandle
    process.standardInput = try stdin.map { try FileHandle(forReadingFrom: $0) } ?? FileHandle.nullDevice
    try process.run()
    waitOrKill(process, limit: limit)
    try outHandle.close()
    try errHandle.close()
    return RunOutcome(
      status: process.terminationReason == .exit ? process.terminationStatus : nil,
      signal: process.terminationReason == .uncaughtSignal ? process.terminationStatus : nil,
      stdout: try Data(contentsOf: out),
      stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
  }

  /// Waits for `process`, killing it after `limit` seconds so a hang fails instead of blocking.
  static func waitOrKill(_ process: Process, limit: TimeInterval) {
    let deadline = Date().addingTimeInterval(limit)
    while process.isRunning {
      if Date() > deadline {
        process.terminate()
        Issue.record("logstat did not end within \(Int(limit)) s: killed")
        break
      }
      usleep(20_000)
    }
    process.waitUntilExit()
  }
}
