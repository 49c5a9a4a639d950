import LogstatAggregate
import LogstatClassify

/// One subject's delivery lines in the window: the total and per UTC hour (epoch / 3600).
///
/// Hours hold four counts, not a whole `Tally` (three arrays of reason counts): a busy window
/// has hundreds of thousands of domain-hours. The reasons of any run of hours are summed from
/// the cells when an alert needs them.
public struct SubjectSeries: Sendable, Equatable {
  public var total = Tally()
  public var hours: [Int64: HourCounts] = [:]
  /// The deferred and failed lines added, as given (sent lines carry no reason).
  public private(set) var cells: [SeriesCell] = []

  public init() {}

  /// Adds `count` lines of one status and reason that happened in `hour`.
  public mutating func add(hour: Int64, status: AttemptStatus, reason: Reason?, count: Int) {
    total.add(status, reason: reason, count: count)
    hours[hour, default: HourCounts()].add(status, reason: reason, count: count)
    if status != .sent {
      cells.append(SeriesCell(hour: hour, status: status, reason: reason, count: count))
    }
  }

  /// The deferred and failed lines from hour `start` on, by reason (no sent lines: their
  /// attempts are in `hours`).
  public func failures(from start: Int64) -> Tally {
    var t = Tally()
    for c in cells where c.hour >= start { t.add(c.status, reason: c.reason, count: c.count) }
    return t
  }
}

/// Lines of one status and reason in one hour, as added to a `SubjectSeries`: 16 bytes, as a
/// window can hold millions.
public struct SeriesCell: Sendable, Equatable {
  private var count64: Int
  private var hour32: Int32
  private var statusRaw: UInt8
  /// Reason ordinal + 1, 0 for none.
  private var reasonRaw: UInt8

  public init(hour: Int64, status: AttemptStatus, reason: Reason?, count: Int) {
    count64 = count
    hour32 = Int32(clamping: hour)
    statusRaw = status.rawValue
    reasonRaw = reason.map { UInt8($0.ordinal + 1) } ?? 0
  }

  /// Hours since 1970-01-01 00:00 UTC.
  public var hour: Int64 { Int64(hour32) }
  public var status: AttemptStatus { AttemptStatus(rawValue: statusRaw) ?? .sent }
  public var reason: Reason? { reasonRaw == 0 ? nil : Reason.at(Int(reasonRaw) - 1) }
  public var count: Int { count64 }
}

/// One subject's delivery lines in one hour, by what alerts measure.
public struct HourCounts: Sendable, Equatable {
  public var attempts = 0
  public var deferred = 0
  /// Bounced and expired lines.
  public var bounced = 0
  /// Deferred or failed lines with a blocking reason.
  public var blocking = 0

  public init() {}

  /// Adds `count` lines of one status and reason (nil for sent lines).
  public mutating func add(_ status: AttemptStatus, reason: Reason?, count: Int) {
    attempts += count
    switch status {
    case .sent: break
    case .deferred: deferred += count
    case .bounced, .expired: bounced += count
    }
    if status != .sent, let reason, AlertMetric.isBlocking(reason) { blocking += count }
  }

  public mutating func merge(_ o: HourCounts) {
    attempts += o.attempts
    deferred += o.deferred
    bounced += o.bounced
    blocking += o.blocking
  }

  /// `self` without the lines of `o`.
  public func minus(_ o: HourCounts) -> HourCounts {
    var t = self
    t.attempts -= o.attempts
    t.deferred -= o.deferred
    t.bounced -= o.bounced
    t.blocking -= o.blocking
    return t
  }

  /// How many lines count toward `metric`.
  public func events(_ metric: AlertMetric) -> Int {
    switch metric {
    case .blocking: blocking
    case .bounces: bounced
    case .deferrals: deferred
    }
  }
}

/// What history says about the days before the window.
public struct Baseline: Sendable, Equatable {
  /// Stored days that fell in the baseline period (with any data).
  public var days: [String]
  /// Delivery lines per subject over those days.
  public var tallies: [AlertSubject: Tally]
  /// Blocklists named in outbound replies on those days.
  public var blocklists: Set<Blocklist>
  /// Delivery lines that failed for `local-error` on those days.
  public var localErrors = 0

  public init(days: [String] = [], tallies: [AlertSubject: Tally] = [:], blocklists: Set<Blocklist> = []) {
    self.days = days
    self.tallies = tallies
    self.blocklists = blocklists
  }

  /// `14 days of history (2026-11-08 .. 2026-11-21)`.
  public var label: String {
    guard let first = days.first, let last = days.last else { return "no history" }
    let n = days.count
    return "\(n) day\(n == 1 ? "" : "s") of history (\(first)\(n > 1 ? " .. \(last)" : ""))"
  }
}

/// Outbound replies in the window naming one blocklist.
public struct BlocklistSighting: Sendable, Equatable {
  public var count = 0
  /// First UTC hour (epoch / 3600) it was named.
  public var firstHour: Int64 = .max

  public init(count: Int = 0, firstHour: Int64 = .max) {
    self.count = count
    self.firstHour = firstHour
  }
}

/// Everything alert detection looks at: the window's counts and, when history is used, the
/// baseline. Built from an aggregate (`AlertInput+Aggregate.swift`) or directly in tests.
public struct AlertInput: Sendable {
  /// Delivery lines per subject in the window, with hourly detail.
  public var window: [AlertSubject: SubjectSeries] = [:]
  /// The provider of each domain in the window, so a provider's alert can stand for its domains.
  public var providers: [String: Provider] = [:]
  /// The first reply text per subject and reason, for the alert's example.
  public var examples: [AlertSubject: [Reason: String]] = [:]
  /// Blocklists named in outbound replies in the window.
  public var blocklists: [Blocklist: BlocklistSighting] = [:]
  /// A reply naming a blocklist, for new-blocklist alerts.
  public var blocklistExample: String?
  /// Delivery lines that failed for `local-error` in the window, the first UTC hour of one,
  /// and the most frequent such reply.
  public var localErrors = 0
  public var localErrorFirstHour: Int64 = .max
  public var localErrorExample: String?
  /// The baseline from history, or nil when no history is used (first run, `--no-history`).
  public var baseline: Baseline?

  public init() {}

  /// Adds `count` lines of one subject in one hour.
  public mutating func add(
    _ subject: AlertSubject, hour: Int64, status: AttemptStatus, reason: Reason?, count: Int = 1
  ) {
    window[subject, default: SubjectSeries()].add(
      hour: hour, status: status, reason: reason, count: count)
  }
}
