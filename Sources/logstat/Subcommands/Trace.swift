import ArgumentParser
import LogstatEngine
import LogstatReport
import LogstatScan
import LogstatSource
import LogstatTime

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `logstat trace KEY [INPUT...]`: every message KEY names, its whole life in time order.
struct Trace: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show every message an address, queue ID or Message-ID names: its whole life across rotations.",
    discussion: """
      KEY is an address (matched as recipient, original recipient or sender, ignoring case), a \
      Postfix queue ID or Exim message ID, or a Message-ID (with or without angle brackets). \
      Each matching message is shown with every line of its life in time order: received \
      (sender, size, client, Message-ID), each delivery attempt (relay, status, DSN, reply, \
      reason and advice for failures), its final outcome or that it is still queued, and its \
      removal or expiry. Exit status: 0 when something matched, 1 when nothing did, 2 when \
      nothing matched and some input could not be read whole.
      """)

  /// Output formats for `trace`.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
  }

  @Argument(help: "Address, queue ID or Message-ID to trace.")
  var key: String

  @Argument(help: "Log files, directories, or - for standard input. Default: the local mail logs.")
  var inputs: [String] = []

  @Option(help: "Output format: text for people, json for programs (one document).")
  var format: Format = .text

  @Option(help: ArgumentHelp("Only lines at or after this time (same forms as the report's --since).", valueName: "time"))
  var since: String?

  @Option(help: ArgumentHelp("Only lines before this time (same forms).", valueName: "time"))
  var until: String?

  @Option(help: "Year for classic syslog stamps that carry none (default: inferred per file).")
  var year: Int?

  /// --journal, --identifier (JournalOptions.swift).
  @OptionGroup var journal: JournalOptions

  @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
  var output: String?

  /// Fixed "now" (epoch seconds) for tests; also read from LOGSTAT_NOW.
  @Option(help: .hidden)
  var now: Int64?

  func validate() throws {
    if TraceKey(key) == nil {
      throw ValidationError("KEY must be an address, queue ID or Message-ID without spaces, e.g. logstat trace user@example.com")
    }
    // Here, not only in run(): a usage error then names `logstat trace --help`.
    let now = self.now ?? environmentNow() ?? Int64(time(nil))
    _ = try resolvedWindow(since: since, until: until, now: now, zone: LocalZone.current())
  }

  func run() throws {
    guard let traceKey = TraceKey(key) else { throw ExitCode.validationFailure }
    let now = self.now ?? environmentNow() ?? Int64(time(nil))
    let zone = LocalZone.current()
    let window = try resolvedWindow(since: since, until: until, now: now, zone: zone)
    var (files, errors, _) = try journal.inputs(inputs)
    // A trace reads its inputs twice; standard input can be read once, so it is kept aside.
    let spool = try files.contains(where: \.isStandardInput) ? StandardInputSpool() : nil
    if let spool { files = files.map { $0.isStandardInput ? InputFile(path: spool.path) : $0 } }
    for e in errors { printError(e.description) }
    if files.isEmpty { throw ExitCode(2) }
    var plan = RunPlan(inputs: files, jobs: 1, zone: zone, yearOverride: year, now: now, window: window)
    plan.journalIdentifiers = journal.identifiers
    var result = Tracer.run(traceKey, plan: plan)
    if let spool {
      result.inputs = result.inputs.map { $0.path == spool.path ? .standardInput : $0 }
    }
    for e in result.errors { printError(e.description) }
    let text = format == .json ? TraceWriter.json(result, zone: zone) : TraceWriter.text(result, zone: zone)
    try OutputFile.write(text, to: output)
    if result.messages.isEmpty {
      throw ExitCode(result.isPartial || !errors.isEmpty ? 2 : 1)
    }
  }
}

/// Standard input copied to a temporary file (removed when the value goes away), so that a
/// command that reads its inputs twice can read it like a file.
final class StandardInputSpool {
  let path: String

  init() throws {
    let dir = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
    // Safe because: `utf8CString` ends in a NUL, so the array is never empty and mkstemp finds
    // the end of the template; it rewrites the X's in place, inside the closure.
    var template = Array("\(dir)/logstat-stdin-XXXXXX".utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard fd >= 0 else {
      throw CLIError("cannot keep standard input aside in \(dir): \(String(cString: strerror(errno))); set TMPDIR to a writable directory")
    }
    // Safe because: the template still ends in its NUL; the bytes are copied into the String.
    path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    defer { close(fd) }
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      // Safe because: read(2) writes at most `$0.count` bytes into the array, inside the closure.
      let n = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
      if n == 0 { break }
      if n < 0 {
        if errno == EINTR { continue }
        throw CLIError("cannot read standard input: \(String(cString: strerror(errno)))")
      }
      var done = 0
      while done < n {
        // Safe because: 0 <= done < n <= buffer.count, so write(2) reads inside the array.
        let w = buffer.withUnsafeBytes { write(fd, $0.baseAddress! + done, n - done) }
        guard w > 0 else {
          throw CLIError("cannot keep standard input aside in \(path): \(String(cString: strerror(errno)))")
        }
        done += w
      }
    }
  }

  deinit { unlink(path) }
}
