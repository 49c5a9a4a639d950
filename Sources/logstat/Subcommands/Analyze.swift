import ArgumentParser
import LogstatEngine
import LogstatReport
import LogstatRun
import LogstatSource
import LogstatTime

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `logstat [FILE...]`: read logs and print the report.
struct Analyze: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "analyze",
    abstract: "Read mail logs and print the report (the default command).")

  @Argument(help: "Log files, directories, or - for standard input. Default: the local mail logs.")
  var inputs: [String] = []

  @Option(help: "Report format: text, json, csv, markdown, html or prometheus.")
  var format: ReportFormat = .text

  @Option(name: .customLong("report"), help: ArgumentHelp(
    "Sections to show, repeated or comma-separated: alerts, summary, domains, providers, codes, reasons, reputation, senders, timeline, inbound. Default: all the format can show.",
    valueName: "name"))
  var reports: [String] = []

  @Option(name: .shortAndLong, help: "Write the report to this file (atomically) instead of standard output.")
  var output: String?

  @Option(help: "Rows per table (and domains in Prometheus labels before \"other\"). Default: 20 for text, markdown, html and prometheus; all for json and csv.")
  var top: Int?

  @Option(name: [.customLong("color"), .customLong("colour")], help: "Colour the text report: auto (only on a terminal, never with NO_COLOR), always, never.")
  var color: ColorMode = .auto

  @Option(name: .customLong("suppression-list"), help: ArgumentHelp(
    "Also write the addresses that hard-bounced to this file, one per line, sorted.",
    valueName: "file"))
  var suppressionList: String?

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

  /// --journal, --identifier (JournalOptions.swift).
  @OptionGroup var journal: JournalOptions

  @Option(help: .hidden)
  var chunkSize: Int = 1 << 20

  /// Inflated bytes per segment of a gzip input scanned by several workers (test knob).
  @Option(help: .hidden)
  var segmentSize: Int?

  /// --history, --no-history, --fail-on, --baseline-days (Analyze+History.swift).
  @OptionGroup var history: HistoryOptions

  /// Fixed "now" (epoch seconds) for tests; also read from LOGSTAT_NOW.
  @Option(help: .hidden)
  var now: Int64?

  func validate() throws {
    if let top, top < 1 { throw ValidationError("--top must be at least 1.") }
    do {
      _ = try ReportOptions.sections(reports, for: format)
    } catch {
      throw ValidationError(error.description)
    }
    if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
    if chunkSize < 1 { throw ValidationError("--chunk-size must be at least 1.") }
    if let segmentSize, segmentSize < 1 { throw ValidationError("--segment-size must be at least 1.") }
    // Here, not in run(): a usage error then names `logstat analyze --help`, which holds
    // --since and --until.
    let now = self.now ?? environmentNow() ?? Int64(time(nil))
    _ = try resolvedWindow(since: since, until: until, now: now, zone: LocalZone.current())
  }

  func run() throws {
    let now = self.now ?? environmentNow() ?? Int64(time(nil))
    let zone = LocalZone.current()
    let window = try resolvedWindow(since: since, until: until, now: now, zone: zone)
    var (files, errors, source) = try journal.inputs(inputs)
    for e in errors { printError(e.description) }
    if files.isEmpty {
      throw ExitCode.failure
    }
    var plan = RunPlan(
      inputs: files, jobs: jobs ?? systemCores(), chunkSize: chunkSize, zone: zone,
      yearOverride: year, now: now, window: window)
    plan.collectSuppression = suppressionList != nil
    plan.segmentSize = segmentSize
    plan.journalIdentifiers = journal.identifiers
    let showProgress = !quiet && isatty(STDERR_FILENO) != 0
    let result = Engine.run(plan, inputErrors: errors, progress: showProgress ? progressLine : nil)
    // Found while planning: directories whose files all turned out not to be logs.
    for e in result.inputErrors.dropFirst(errors.count) { printError(e.description) }
    errors = []
    for f in result.files {
      if let e = f.error { printError(e.description) }
    }
    let empty = result.aggregate.lines.recognised == 0
    if empty { printError(EmptyWindow.message(result, window: window, zone: zone)) }
    var model = ReportModel.build(
      from: result, now: now, zone: zone, window: window, withCounts: format == .json)
    model.source = source
    // The same inputs over another window (the first-night baseline); not standard input.
    let rerun: ((TimeWindow) -> RunResult)? =
      files.contains { $0.isStandardInput } ? nil : { w in
        var p = plan
        p.window = w
        p.collectSuppression = false
        return Engine.run(p)
      }
    let alerts = history.alerts(
      for: result, window: window, zone: zone, now: now, inputs: inputs, rerun: rerun)
    model.alerts = alerts.map { AlertRow($0, zone: zone) }
    let options = ReportOptions(
      sections: try ReportOptions.sections(reports, for: format), top: top ?? format.defaultTop,
      color: format == .text && Terminal.color(color, output: output),
      width: Terminal.width(output: output))
    try OutputFile.write(to: output) { try format.write(model, options: options, to: JSONSink($0)) }
    if let suppressionList {
      try OutputFile.write(SuppressionList.render(result.aggregate.hardBouncedAddresses), to: suppressionList)
    }
    // The process is about to end: freeing millions of small objects one by one would cost
    // as much as building the report, so keep them until exit.
    keptUntilExit.append(result)
    keptUntilExit.append(model)
    if history.failOn.contains(.alerts), !alerts.isEmpty { throw ExitStatus.alerts }
    if history.failOn.contains(.empty), empty { throw ExitStatus.empty }
    if result.isPartial { throw ExitStatus.partial }
  }
}

/// Values left for the operating system to free at exit.
nonisolated(unsafe) var keptUntilExit: [Any] = []

/// Draws the progress line on the terminal (standard error), and clears it at the end.
/// (Its own escapes are written as they are; the text between them is neutralised.)
@Sendable func progressLine(_ snapshot: ProgressMeter.Snapshot, final: Bool) {
  writeStandardError(final ? "\r\u{1B}[K" : "\r\u{1B}[Klogstat: " + TerminalText.safe(snapshot.line))
}

/// A fatal, user-facing error: printed as `logstat: message`, exit status 1.
struct CLIError: Error, CustomStringConvertible {
  let description: String
  init(_ message: String) { description = message }
}

/// Prints a line to standard error, control characters from paths or log text neutralised.
func printError(_ message: String) {
  writeStandardError(TerminalText.safe(message) + "\n")
}

/// Writes `text` to standard error as it is.
func writeStandardError(_ text: String) {
  var text = text
  text.withUTF8 { u in
    _ = write(STDERR_FILENO, u.baseAddress, u.count)
  }
}

/// `LOGSTAT_NOW` (epoch seconds), a fixed clock for tests and reproducible reports.
func environmentNow() -> Int64? {
  guard let raw = getenv("LOGSTAT_NOW") else { return nil }
  return Int64(String(cString: raw))
}

/// The time window of `--since`/`--until` at `now` in `zone`; a bad expression is a usage
/// error (exit 64) naming the accepted forms.
func resolvedWindow(since: String?, until: String?, now: Int64, zone: LocalZone) throws -> TimeWindow {
  do {
    return try TimeExpression.resolveWindow(since: since, until: until, now: now, zone: zone)
  } catch {
    throw ValidationError(error.description)
  }
}

/// The number of cores online.
func systemCores() -> Int {
  max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
}
