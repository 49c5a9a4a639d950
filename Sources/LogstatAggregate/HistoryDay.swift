/// One local calendar day of delivery counts, as history stores it and alerts read it back.
///
/// Plain values only: it lives here, below both LogstatHistory (which stores it) and
/// LogstatAlerts (which builds a `Baseline` from it), so that neither imports the other.
///
/// Counts are delivery lines (attempts): every sent, deferred, bounced or expired line, by
/// recipient domain, status and reason. Final outcomes per recipient are not dated (a message's
/// life may span days), so history keeps the lines, which is also what alerts compare.
public struct HistoryDay: Sendable, Equatable {
  /// `2026-11-22`, the local date; sorts like the days it names.
  public var day: String
  /// First second of the day and first second of the next (epoch), in the run's zone.
  public var start: Int64
  public var end: Int64
  /// Only part of the day was inside the run's window or its data (see `HistoryDay.days`).
  public var partial: Bool
  public var rows: [DomainDayRow]
  public var codes: [CodeDayRow]
  public var blocklists: [BlocklistDayRow]

  public init(
    day: String, start: Int64, end: Int64, partial: Bool, rows: [DomainDayRow] = [],
    codes: [CodeDayRow] = [], blocklists: [BlocklistDayRow] = []
  ) {
    self.day = day
    self.start = start
    self.end = end
    self.partial = partial
    self.rows = rows
    self.codes = codes
    self.blocklists = blocklists
  }

  /// Delivery lines of the day: what decides whether a partial day may replace a stored one.
  public var attempts: Int { rows.reduce(0) { $0 + $1.count } }

  /// True when day name `a` is an earlier date than `b`: as dates, not as text, so that
  /// `9999-12-31` comes before `10000-01-10` (a longer year is a later one).
  public static func isEarlier(_ a: String, _ b: String) -> Bool {
    a.utf8.count != b.utf8.count ? a.utf8.count < b.utf8.count : a < b
  }
}

/// Delivery lines of one recipient domain on one day with one outcome and reason.
public struct DomainDayRow: Sendable, Equatable, Hashable {
  public var domain: String
  /// Provider id (`google`, ..., `none`).
  public var provider: String
  /// `sent`, `deferred`, `bounced` or `expired` (`AttemptStatus.name`).
  public var outcome: String
  /// Reason id (`blocklisted`, ...); empty for sent lines.
  public var reason: String
  public var count: Int

  public init(domain: String, provider: String, outcome: String, reason: String, count: Int) {
    self.domain = domain
    self.provider = provider
    self.outcome = outcome
    self.reason = reason
    self.count = count
  }
}

/// Delivery lines with one status code (`550` or `5.7.1`) and outcome on one day.
public struct CodeDayRow: Sendable, Equatable, Hashable {
  public var code: String
  public var outcome: String
  public var count: Int

  public init(code: String, outcome: String, count: Int) {
    self.code = code
    self.outcome = outcome
    self.count = count
  }
}

/// Outbound replies naming one blocklist on one day, with the first and last hour seen.
public struct BlocklistDayRow: Sendable, Equatable, Hashable {
  /// Blocklist id (`spamhaus-zen`).
  public var blocklist: String
  public var count: Int
  /// Epoch seconds of the start of the first and last hour it was named.
  public var firstSeen: Int64
  public var lastSeen: Int64

  public init(blocklist: String, count: Int, firstSeen: Int64, lastSeen: Int64) {
    self.blocklist = blocklist
    self.count = count
    self.firstSeen = firstSeen
    self.lastSeen = lastSeen
  }
}
