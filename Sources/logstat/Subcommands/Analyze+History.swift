import ArgumentParser
import LogstatAggregate
import LogstatAlerts
import LogstatEngine
import LogstatHistory
import LogstatReport
import LogstatRun
import LogstatTime

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What `--fail-on` can make logstat fail on.
enum FailOn: String, ExpressibleByArgument, CaseIterable {
  /// Exit status 3 when any alert is raised.
  case alerts
  /// Exit status 4 when the window holds no mail event (logging stopped, wrong files).
  case empty
}

/// The history and alert options of `logstat analyze`.
struct HistoryOptions: ParsableArguments {
  @Option(
    name: .customLong("history"),
    help: ArgumentHelp(
      "History file (SQLite) that each run adds its days to and alerts compare with, or a shared PostgreSQL database postgres://USER[:PASSWORD]@HOST[:PORT]/DB[?sslmode=require]. Default: $XDG_STATE_HOME/logstat/history.sqlite, else ~/.local/state/logstat/history.sqlite; /var/lib/logstat/history.sqlite as root; or $LOGSTAT_HISTORY.",
      valueName: "path"))
  var path: String?

  @Option(
    name: .customLong("host"),
    help: ArgumentHelp(
      "With a PostgreSQL history: the host name this run's days are stored under. Default: this machine's host name.",
      valueName: "name"))
  var host: String?

  @Option(
    name: .customLong("host-scope"),
    help: "With a PostgreSQL history: compare with the days of all hosts (fleet) or of this host only (self).")
  var hostScope: HostScope = .fleet

  @Flag(
    name: .customLong("no-history"),
    help: "Neither read nor write the history; alerts compare the window's hours with its earlier hours.")
  var noHistory = false

  @Option(
    name: .customLong("fail-on"),
    help: ArgumentHelp(
      "Fail when this happens (the report is still written), repeated or comma-separated: alerts (exit status 3 when any alert is raised), empty (exit status 4 when the window holds no mail event).",
      valueName: "what"))
  var failOnRaw: [String] = []

  /// `--fail-on` parsed (validated in `validate()`).
  var failOn: Set<FailOn> {
    Set(failOnRaw.flatMap { $0.split(separator: ",") }.compactMap { FailOn(rawValue: String($0)) })
  }

  @Option(
    name: .customLong("baseline-days"),
    help: "Days of history before the window that alerts compare with.")
  var baselineDays = 14

  func validate() throws {
    if noHistory, path != nil {
      throw ValidationError("--history and --no-history cannot be used together.")
    }
    if baselineDays < 1 { throw ValidationError("--baseline-days must be at least 1.") }
    for value in failOnRaw.flatMap({ $0.split(separator: ",") }) where FailOn(rawValue: String(value)) == nil {
      throw ValidationError(
        "--fail-on takes \(FailOn.allCases.map(\.rawValue).joined(separator: " or ")), not '\(value)'.")
    }
    if let host, host.isEmpty || host.count > 255 {
      throw ValidationError("--host takes a name of 1 to 255 characters.")
    }
  }

  /// The history file to use, or nil for none (`--no-history`, `LOGSTAT_HISTORY=off`).
  var resolvedPath: String? {
    if noHistory { return nil }
    if let path { return path }
    return HistoryOptions.environmentPath() ?? HistoryLocation.defaultPath()
  }

  /// `LOGSTAT_HISTORY`: a path, or `off` for none; nil when unset.
  static func environmentPath() -> String?? {
    guard let raw = getenv("LOGSTAT_HISTORY") else { return nil }
    let value = String(cString: raw)
    return value.isEmpty || value == "off" || value == "none" ? .some(nil) : value
  }

  /// Reads the baseline, finds the alerts, and stores the run's days. A history that cannot be
  /// used is reported on standard error and as a `history-unavailable` alert; the report goes on.
  ///
  /// `rerun` reads the same inputs over another window (nil when they cannot be read twice,
  /// as standard input): on a first night it fills the baseline (see `fillBaseline`).
  func alerts(
    for result: RunResult, window: TimeWindow, zone: LocalZone, now: Int64, inputs: [String],
    rerun: ((TimeWindow) -> RunResult)? = nil
  ) -> [Alert] {
    var problems: [Alert] = []
    var store: (any HistoryStore)?
    var baseline: Baseline?
    var days: [HistoryDay] = []
    if let path = resolvedPath {
      // Only a run that keeps history needs its days (a sizeable pass over every cell).
      days = HistoryDay.days(from: result.aggregate, zone: zone, window: window)
      // A run that could not read all its input must not replace a day that could.
      if result.isPartial { for k in days.indices { days[k].partial = true } }
      do {
        let opened = try HistoryStores.open(
          path, host: host ?? HistoryStores.hostName(), scope: hostScope)
        let first = days.first?.start ?? window.since ?? zone.startOfDay(now)
        let from = HistoryDay.dayName(zone.startOfDay(first, addingDays: -baselineDays), zone: zone)
        let until = HistoryDay.dayName(first, zone: zone)
        var stored = try opened.days(from: from, until: until)
        if let rerun,
          try fillBaseline(
            stored: stored, result: result, window: window, zone: zone, now: now, inputs: inputs,
            store: opened, rerun: rerun)
        {
          stored = try opened.days(from: from, until: until)
        }
        baseline = Baseline(days: stored)
        store = opened
      } catch {
        printError("logstat: \(error.description)")
        problems.append(.historyUnavailable(path: HistoryStores.shown(path), problem: error.message))
      }
    }
    let input = AlertInput(aggregate: result.aggregate, baseline: baseline)
    let alerts = AlertDetector.detect(input, zone: zone)
    if let store {
      let run = RunRecord(
        startedAt: now, since: window.since, until: window.until, timeZone: zone.identifier,
        inputs: inputs.isEmpty ? ["(system logs)"] : inputs,
        firstEvent: result.aggregate.firstTime, lastEvent: result.aggregate.lastTime)
      do {
        _ = try store.store(days, run: run)
      } catch {
        printError("logstat: \(error.description)")
        problems.append(.historyUnavailable(path: store.location, problem: error.message))
      }
    }
    return problems + alerts
  }
}

extension HistoryOptions {
  /// The first-night baseline: when the history lacks complete days before the window that
  /// the inputs cover (up to `--baseline-days`), reads those days from the rotations the run
  /// skipped and stores them, so alerts compare with real days from the first night on. The
  /// report still shows the window only. Returns true when it stored anything.
  ///
  /// A day counts as covered when the inputs' first stamped line is at or before its start,
  /// so a later night, whose history already holds those days, reads nothing extra.
  func fillBaseline(
    stored: [HistoryDay], result: RunResult, window: TimeWindow, zone: LocalZone, now: Int64,
    inputs: [String], store: any HistoryStore, rerun: (TimeWindow) -> RunResult
  ) throws(HistoryError) -> Bool {
    guard let since = window.since, let inputFirst = result.inputSpan?.first, inputFirst < since
    else { return false }
    let windowDay = zone.startOfDay(since)
    let baselineStart = zone.startOfDay(windowDay, addingDays: -baselineDays)
    let complete = Set(stored.filter { !$0.partial }.map(\.day))
    var missing: [Int64] = []
    var day = max(baselineStart, zone.startOfDay(inputFirst))
    while day < windowDay {
      if day >= inputFirst, !complete.contains(HistoryDay.dayName(day, zone: zone)) { missing.append(day) }
      day = zone.startOfDay(day, addingDays: 1)
    }
    guard !missing.isEmpty else { return false }
    // Read from the baseline's first day, or from the inputs' first day (stored as partial:
    // the inputs begin during it) when they begin later.
    let readFrom = max(baselineStart, zone.startOfDay(inputFirst))
    let extra = rerun(TimeWindow(since: readFrom, until: since))
    guard !extra.isPartial else { return false }
    let covered = TimeWindow(since: readFrom < inputFirst ? nil : readFrom, until: since)
    var days = HistoryDay.days(from: extra.aggregate, zone: zone, window: covered)
    // Quiet days (no delivery line) are complete days too: stored empty, so they are not
    // looked for again.
    let have = Set(days.map(\.day))
    for start in missing where !have.contains(HistoryDay.dayName(start, zone: zone)) {
      days.append(
        HistoryDay(
          day: HistoryDay.dayName(start, zone: zone), start: start,
          end: zone.startOfDay(start, addingDays: 1), partial: false))
    }
    days = days.filter { $0.start < windowDay }.sorted { $0.start < $1.start }
    guard !days.isEmpty else { return false }
    let run = RunRecord(
      startedAt: now, since: readFrom, until: since, timeZone: zone.identifier,
      inputs: inputs.isEmpty ? ["(system logs)"] : inputs,
      firstEvent: extra.aggregate.firstTime, lastEvent: extra.aggregate.lastTime)
    _ = try store.store(days, run: run)
    return true
  }
}

extension AlertRow {
  /// The report's row for an alert, with times in `zone`.
  init(_ a: Alert, zone: LocalZone) {
    self.init(
      kind: a.kind.rawValue, subjectKind: a.subjectKind, subject: a.subject,
      metric: a.metric?.rawValue, reason: a.reason?.rawValue, baselineRate: a.baselineRate,
      rate: a.rate, baselineEvents: a.baselineEvents, baselineAttempts: a.baselineAttempts,
      events: a.events, attempts: a.attempts, baseline: a.baseline,
      since: a.onsetHour.map { zone.timestamp($0 * 3600) }, pValue: a.pValue,
      example: a.example, advice: a.advice, message: a.message)
  }
}

extension HostScope: ExpressibleByArgument {}
