import GRDB
import LogstatAggregate

extension SQLiteHistoryStore {
  /// The stored days with `from <= day < until`, oldest first, rows sorted.
  public func days(from: String, until: String) throws(HistoryError) -> [HistoryDay] {
    try perform { db in
      let range: StatementArguments = [from, until]
      var days: [HistoryDay] = []
      var index: [String: Int] = [:]
      for row in try Row.fetchAll(
        db, sql: "SELECT day, start, end, partial FROM day WHERE day >= ? AND day < ? ORDER BY day",
        arguments: range)
      {
        index[row["day"]] = days.count
        days.append(
          HistoryDay(day: row["day"], start: row["start"], end: row["end"], partial: row["partial"]))
      }
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT day, domain, provider, outcome, reason, count FROM domain_day
          WHERE day >= ? AND day < ? ORDER BY day, domain, outcome, reason
          """, arguments: range)
      {
        guard let k = index[row["day"]] else { continue }
        days[k].rows.append(
          DomainDayRow(
            domain: row["domain"], provider: row["provider"], outcome: row["outcome"],
            reason: row["reason"], count: row["count"]))
      }
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT day, code, outcome, count FROM code_day
          WHERE day >= ? AND day < ? ORDER BY day, code, outcome
          """, arguments: range)
      {
        guard let k = index[row["day"]] else { continue }
        days[k].codes.append(
          CodeDayRow(code: row["code"], outcome: row["outcome"], count: row["count"]))
      }
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT day, blocklist, count, first_seen, last_seen FROM blocklist_day
          WHERE day >= ? AND day < ? ORDER BY day, blocklist
          """, arguments: range)
      {
        guard let k = index[row["day"]] else { continue }
        days[k].blocklists.append(
          BlocklistDayRow(
            blocklist: row["blocklist"], count: row["count"], firstSeen: row["first_seen"],
            lastSeen: row["last_seen"]))
      }
      return days
    }
  }

  /// Days stored with their row counts, the number of runs, and the schema step reached.
  public func summary() throws(HistoryError) -> HistorySummary {
    try perform { db in
      let days = try Row.fetchAll(
        db,
        sql: """
          SELECT d.day, d.partial, d.attempts,
            (SELECT COUNT(*) FROM domain_day WHERE day = d.day) AS domain_rows,
            (SELECT COUNT(*) FROM code_day WHERE day = d.day) AS code_rows,
            (SELECT COUNT(*) FROM blocklist_day WHERE day = d.day) AS blocklist_rows
          FROM day d ORDER BY d.day
          """
      ).map { row in
        HistorySummary.Day(
          day: row["day"], partial: row["partial"], attempts: row["attempts"],
          domainRows: row["domain_rows"], codeRows: row["code_rows"],
          blocklistRows: row["blocklist_rows"])
      }
      let runs = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM run") ?? 0
      let schema = try Self.migrator.appliedMigrations(db).last ?? "none"
      return HistorySummary(location: location, schema: schema, days: days, runs: runs)
    }
  }
}
