import LogstatAggregate
/// Where per-day aggregates are kept between runs: a SQLite file (`SQLiteHistoryStore`) or a
/// PostgreSQL database shared by several hosts (`PostgresHistoryStore`); see `HistoryStores.open`.
///
/// Semantics every backend keeps: days are local calendar days named `YYYY-MM-DD`; storing a
/// day replaces that day's rows in one transaction; a partial day never replaces a complete
/// one, and replaces a partial one only if it has at least as many delivery lines.
public protocol HistoryStore: Sendable {
  /// The file or URL, as shown in messages (never with credentials).
  var location: String { get }

  /// Stores `days` and records the run, in one transaction; says which days were written.
  func store(_ days: [HistoryDay], run: RunRecord) throws(HistoryError) -> StoreOutcome

  /// The stored days with `from <= day < until` (names `YYYY-MM-DD`), oldest first.
  func days(from: String, until: String) throws(HistoryError) -> [HistoryDay]

  /// What is stored: days, row counts, runs.
  func summary() throws(HistoryError) -> HistorySummary

  /// Removes the days before `day` (and runs no remaining day refers to); returns days removed.
  func prune(before day: String) throws(HistoryError) -> Int
}

/// One logstat run, recorded beside the days it stored.
public struct RunRecord: Sendable, Equatable {
  /// When the run happened (epoch seconds).
  public var startedAt: Int64
  /// The window's bounds (epoch seconds), nil when open.
  public var since: Int64?
  public var until: Int64?
  /// Time zone the days are local to.
  public var timeZone: String
  /// The inputs, as named on the command line.
  public var inputs: [String]
  /// First and last event counted (epoch seconds).
  public var firstEvent: Int64?
  public var lastEvent: Int64?

  public init(
    startedAt: Int64, since: Int64?, until: Int64?, timeZone: String, inputs: [String],
    firstEvent: Int64?, lastEvent: Int64?
  ) {
    self.startedAt = startedAt
    self.since = since
    self.until = until
    self.timeZone = timeZone
    self.inputs = inputs
    self.firstEvent = firstEvent
    self.lastEvent = lastEvent
  }
}

/// What `store` did with each day.
public struct StoreOutcome: Sendable, Equatable {
  /// Days written (new or replaced).
  public var written: [String] = []
  /// Days left as stored: a complete day not replaced by a partial one, or a partial one by a
  /// partial one with fewer delivery lines.
  public var kept: [String] = []

  public init(written: [String] = [], kept: [String] = []) {
    self.written = written
    self.kept = kept
  }
}

/// What a history holds, for `logstat history`.
public struct HistorySummary: Sendable, Equatable {
  /// One stored day.
  public struct Day: Sendable, Equatable {
    public var day: String
    public var partial: Bool
    public var attempts: Int
    public var domainRows: Int
    public var codeRows: Int
    public var blocklistRows: Int

    public init(
      day: String, partial: Bool, attempts: Int, domainRows: Int, codeRows: Int,
      blocklistRows: Int
    ) {
      self.day = day
      self.partial = partial
      self.attempts = attempts
      self.domainRows = domainRows
      self.codeRows = codeRows
      self.blocklistRows = blocklistRows
    }
  }

  public var location: String
  /// The last schema migration applied (`v2`).
  public var schema: String
  public var days: [Day]
  public var runs: Int

  public init(location: String, schema: String, days: [Day], runs: Int) {
    self.location = location
    self.schema = schema
    self.days = days
    self.runs = runs
  }
}
