import ArgumentParser
import LogstatAggregate
import LogstatHistory
import LogstatTime

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `logstat history`: what the history file holds; `--prune-before` / `--keep-days` remove
/// old days.
struct History: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "history",
    abstract: "Show the days stored in the history file, or remove old ones.",
    discussion: """
      Each run of logstat stores per-day counts (local calendar days) in the
      history file; alerts compare a run's window with the days before it.
      A day only partly covered by a run is marked partial; it never
      replaces a complete day.
      """)

  @Option(
    name: .customLong("history"),
    help: ArgumentHelp("History file or postgres:// URL (default: as for logstat analyze).", valueName: "path"))
  var path: String?

  @Option(name: .customLong("host"), help: ArgumentHelp("With PostgreSQL: this host's name (default: the machine's).", valueName: "name"))
  var host: String?

  @Option(
    name: .customLong("host-scope"),
    help: "With PostgreSQL: show and prune the days of all hosts (fleet) or of this host only (self).")
  var hostScope: HostScope = .fleet

  @Option(
    name: .customLong("prune-before"),
    help: ArgumentHelp("Remove the days before this date (YYYY-MM-DD).", valueName: "date"))
  var pruneBefore: String?

  @Option(
    name: .customLong("keep-days"),
    help: "Remove all days but today and the N days before it.")
  var keepDays: Int?

  /// Fixed "now" (epoch seconds) for tests; also read from LOGSTAT_NOW.
  @Option(help: .hidden)
  var now: Int64?

  func validate() throws {
    if pruneBefore != nil, keepDays != nil {
      throw ValidationError("--prune-before and --keep-days cannot be used together.")
    }
    if let keepDays, keepDays < 0 { throw ValidationError("--keep-days must be 0 or more.") }
    if let date = pruneBefore, !History.isDate(date) {
      throw ValidationError("--prune-before takes a date like 2026-11-01, not '\(date)'.")
    }
  }

  func run() throws {
    guard let file = path ?? (HistoryOptions.environmentPath() ?? HistoryLocation.defaultPath())
    else {
      throw CLIError("no history file: LOGSTAT_HISTORY is off. Name one with --history PATH.")
    }
    let store: any HistoryStore
    do {
      store = try HistoryStores.open(
        file, host: host ?? HistoryStores.hostName(), scope: hostScope, create: false)
    } catch {
      throw CLIError(error.description)
    }
    var out = ""
    do {
      let zone = LocalZone.current()
      let cutoff =
        pruneBefore
        ?? keepDays.map { days in
          let today = now ?? environmentNow() ?? Int64(time(nil))
          return HistoryDay.dayName(zone.startOfDay(today, addingDays: -days), zone: zone)
        }
      if let cutoff {
        let removed = try store.prune(before: cutoff)
        out += "removed \(removed) day\(removed == 1 ? "" : "s") before \(cutoff)\n"
      }
      out += History.render(try store.summary())
    } catch {
      throw CLIError(error.description)
    }
    try OutputFile.write(out, to: nil)
  }

  /// The summary as text: file, schema, runs, then one line per day.
  static func render(_ summary: HistorySummary) -> String {
    var s = summary
    s.days.sort { HistoryDay.isEarlier($0.day, $1.day) }  // as dates: 9999-12-31 before 10000-01-01
    var out = "history    \(s.location) (schema \(s.schema))\n"
    let partial = s.days.filter(\.partial).count
    out += "days       \(s.days.count)"
    if let first = s.days.first, let last = s.days.last {
      out += " (\(first.day) .. \(last.day))"
    }
    if partial > 0 { out += ", \(partial) partial" }
    out += "\nruns       \(s.runs)\n"
    let domainRows = s.days.reduce(0) { $0 + $1.domainRows }
    let codeRows = s.days.reduce(0) { $0 + $1.codeRows }
    let listRows = s.days.reduce(0) { $0 + $1.blocklistRows }
    out += "rows       \(domainRows) domain, \(codeRows) code, \(listRows) blocklist\n"
    guard !s.days.isEmpty else { return out }
    out += "\nday         attempts  domain rows  code rows  blocklists\n"
    for d in s.days {
      out += d.day + "  " + pad(d.attempts, 8) + "  " + pad(d.domainRows, 11) + "  "
        + pad(d.codeRows, 9) + "  " + pad(d.blocklistRows, 10) + (d.partial ? "  partial" : "")
        + "\n"
    }
    return out
  }

  static func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return String(repeating: " ", count: max(0, width - s.count)) + s
  }

  /// Whether `s` is a real date written `YYYY-MM-DD`.
  static func isDate(_ s: String) -> Bool {
    let parts = s.split(separator: "-", omittingEmptySubsequences: false)
    guard s.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2,
      parts[2].count == 2, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
      (1...12).contains(m)
    else { return false }
    return d >= 1 && d <= Civil.daysInMonth(year: y, month: m)
  }
}
