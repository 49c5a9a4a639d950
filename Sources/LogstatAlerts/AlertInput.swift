import LogstatAggregate
import LogstatClassify

/// One subject's delivery lines in the window: the total and per UTC hour (epoch / 3600).
public struct SubjectSeries: Sendable, Equatable {
  public var total = Tally()
  public var hours: [Int64: Tally] = [:]

  public init() {}

  /// Adds lines that happened in `hour`.
  public mutating func add(hour: Int64, _ tally: Tally) {
    total.merge(tally)
    hours[hour, default: Tally()].merge(tally)
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
  /// The baseline from history, or nil when no history is used (first run, `--no-history`).
  public var baseline: Baseline?

  public init() {}

  /// Adds `count` lines of one subject in one hour.
  public mutating func add(
    _ subject: AlertSubject, hour: Int64, status: AttemptStatus, reason: Reason?, count: Int = 1
  ) {
    var t = Tally()
    t.add(status, reason: reason, count: count)
    window[subject, default: SubjectSeries()].add(hour: hour, t)
  }
}
