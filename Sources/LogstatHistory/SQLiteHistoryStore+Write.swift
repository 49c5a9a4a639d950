import GRDB
import LogstatAggregate

extension SQLiteHistoryStore {
  /// Stores `days` and the run in one immediate transaction. A complete day replaces what is
  /// stored; a partial day replaces only a partial day with no more delivery lines than it has.
  public func store(_ days: [HistoryDay], run: RunRecord) throws(HistoryError) -> StoreOutcome {
    try perform { db in
      var outcome = StoreOutcome()
      try db.inTransaction(.immediate) {
        try db.execute(
          sql: """
            INSERT INTO run (started_at, window_since, window_until, time_zone, inputs,
              first_event, last_event) VALUES (?, ?, ?, ?, ?, ?, ?)
            """,
          arguments: [
            run.startedAt, run.since, run.until, run.timeZone, run.inputs.joined(separator: "\n"),
            run.firstEvent, run.lastEvent,
          ])
        let runID = db.lastInsertedRowID
        for day in days {
          if let stored = try Row.fetchOne(
            db, sql: "SELECT partial, attempts FROM day WHERE day = ?", arguments: [day.day])
          {
            let storedPartial: Bool = stored["partial"]
            let storedAttempts: Int = stored["attempts"]
            guard !day.partial || (storedPartial && day.attempts >= storedAttempts) else {
              outcome.kept.append(day.day)
              continue
            }
            try db.execute(sql: "DELETE FROM day WHERE day = ?", arguments: [day.day])
          }
          try insert(day, runID: runID, db)
          outcome.written.append(day.day)
        }
        try db.execute(
          sql: "UPDATE run SET days_written = ? WHERE id = ?",
          arguments: [outcome.written.count, runID])
        return .commit
      }
      return outcome
    }
  }

  func insert(_ day: HistoryDay, runID: Int64, _ db: Database) throws {
    try db.execute(
      sql: "INSERT INTO day (day, start, end, partial, attempts, run_id) VALUES (?, ?, ?, ?, ?, ?)",
      arguments: [day.day, day.start, day.end, day.partial, day.attempts, runID])
    let rows = try db.cachedStatement(
      sql: """
        INSERT INTO domain_day (day, domain, provider, outcome, reason, count)
        VALUES (?, ?, ?, ?, ?, ?)
        """)
    for r in day.rows {
      try rows.execute(arguments: [day.day, r.domain, r.provider, r.outcome, r.reason, r.count])
    }
    let codes = try db.cachedStatement(
      sql: "INSERT INTO code_day (day, code, outcome, count) VALUES (?, ?, ?, ?)")
    for c in day.codes { try codes.execute(arguments: [day.day, c.code, c.outcome, c.count]) }
    let lists = try db.cachedStatement(
      sql: """
        INSERT INTO blocklist_day (day, blocklist, count, first_seen, last_seen)
        VALUES (?, ?, ?, ?, ?)
        """)
    for b in day.blocklists {
      try lists.execute(arguments: [day.day, b.blocklist, b.count, b.firstSeen, b.lastSeen])
    }
  }

  /// Removes the days before `day` with their rows, and runs that no remaining day refers to.
  public func prune(before day: String) throws(HistoryError) -> Int {
    try perform { db in
      var removed = 0
      try db.inTransaction(.immediate) {
        try db.execute(sql: "DELETE FROM day WHERE day < ?", arguments: [day])
        removed = db.changesCount
        try db.execute(
          sql: "DELETE FROM run WHERE id NOT IN (SELECT run_id FROM day WHERE run_id IS NOT NULL)")
        return .commit
      }
      return removed
    }
  }
}
