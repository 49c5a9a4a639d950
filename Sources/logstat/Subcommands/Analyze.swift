import ArgumentParser
import LogstatEngine
import LogstatReport
import LogstatSource
import LogstatTime

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The report output formats.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json
}

/// `logstat [FILE...]`: read logs and print the report.
struct Analyze: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "analyze",
    abstract: "Read mail logs and print the report (the default command).")

  @Argument(help: "Log files, directories, or - for standard input. Default: the local mail logs.")
  var inputs: [String] = []

  @Option(help: "Report format.")
  var format: OutputFormat = .text

  @Option(name: .shortAndLong, help: "Write the report to this file instead of standard output.")
  var output: String?

  @Option(help: "Rows per table in the text report.")
  var top: Int = 20

  @Option(help: "Parallel workers (default: the number of cores).")
  var jobs: Int?

  @Flag(name: .shortAndLong, help: "No progress line on standard error.")
  var quiet = false

  @Option(help: ArgumentHelp(
    "Count only events at or after this time: today, yesterday, now, a duration before now (90m, 24h, 7d), a date (2026-11-22) or date-time (2026-11-22T06:00, \"2026-11-22 06:00:00+01:00\").",
    valueName: "time"))
  var since: String?

  @Option(help: ArgumentHelp(
    "Count only events before this time (same forms). Default: now; with --since yesterday, today's midnight.",
    valueName: "time"))
  var until: String?

  @Option(help: "Year for classic syslog stamps that carry none (default: inferred per file).")
  var year: Int?

  @Option(help: .hidden)
  var chunkSize: Int = 1 << 20

  /// Fixed "now" (epoch seconds) for tests; also read from LOGSTAT_NOW.
  @Option(help: .hidden)
  var now: Int64?

  func validate() throws {
    if top < 1 { throw ValidationError("--top must be at least 1.") }
    if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
    if chunkSize < 1 { throw ValidationError("--chunk-size must be at least 1.") }
  }

  func run() throws {
    let now = self.now ?? environmentNow() ?? Int64(time(nil))
    let zone = LocalZone.current()
    let window: TimeWindow
    do {
      window = try TimeExpression.resolveWindow(since: since, until: until, now: now, zone: zone)
    } catch {
      throw ValidationError(error.description)
    }
    var (files, errors) = inputs.isEmpty ? (InputDiscovery.systemLogs(), []) : InputDiscovery.expand(inputs)
    if inputs.isEmpty, files.isEmpty {
      throw CLIError(
        "no mail logs found: looked for /var/log/mail.log*, /var/log/maillog*, /var/log/exim4/mainlog*, /var/log/exim/main.log*. Name the files to read, for example: logstat /var/log/mail.log, or pipe them: journalctl -u postfix -o short | logstat -"
      )
    }
    for e in errors { printError(e.description) }
    if files.isEmpty {
      throw ExitCode.failure
    }
    let plan = RunPlan(
      inputs: files, jobs: jobs ?? systemCores(), chunkSize: chunkSize, zone: zone,
      yearOverride: year, now: now, window: window)
    let showProgress = !quiet && isatty(STDERR_FILENO) != 0
    let result = Engine.run(plan, inputErrors: errors, progress: showProgress ? progressLine : nil)
    errors = []
    for f in result.files {
      if let e = f.error { printError(e.description) }
    }
    let model = ReportModel.build(from: result, now: now, zone: zone, window: window)
    let rendered: String
    switch format {
    case .text: rendered = TextWriter.render(model, options: .init(top: top))
    case .json: rendered = JSONWriter.render(model)
    }
    try OutputFile.write(rendered, to: output)
    if result.isPartial { throw ExitStatus.partial }
  }
}

/// Draws the progress line on the terminal (standard error), and clears it at the end.
@Sendable func progressLine(_ snapshot: ProgressMeter.Snapshot, final: Bool) {
  printError(final ? "\r\u{1B}[K" : "\r\u{1B}[Klogstat: " + snapshot.line, newline: false)
}

/// A fatal, user-facing error: printed as `logstat: message`, exit status 1.
struct CLIError: Error, CustomStringConvertible {
  let description: String
  init(_ message: String) { description = message }
}

/// Prints a line to standard error.
func printError(_ message: String, newline: Bool = true) {
  var line = message
  if newline { line += "\n" }
  line.withUTF8 { u in
    _ = write(STDERR_FILENO, u.baseAddress, u.count)
  }
}

/// `LOGSTAT_NOW` (epoch seconds), a fixed clock for tests and reproducible reports.
func environmentNow() -> Int64? {
  guard let raw = getenv("LOGSTAT_NOW") else { return nil }
  return Int64(String(cString: raw))
}

/// The number of cores online.
func systemCores() -> Int {
  max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
}
