import LogstatAggregate
import PostgresNIO

extension PostgresHistoryStore {
  /// Stores `days` as this host's, and the run, in one transaction. Writers of one host wait
  /// for each other (an advisory lock per host); writers of different hosts touch different
  /// rows and never wait. A complete day replaces what this host stored for it; a partial day
  /// replaces only a partial day with no more delivery lines.
  public func store(_ days: [HistoryDay], run record: RunRecord) throws(HistoryError) -> StoreOutcome {
    try transaction { () throws(HistoryError) in
      try run("SELECT pg_advisory_xact_lock(hashtext(\(host)))")
      let inputs = record.inputs.joined(separator: "\n")
      let runRows = try run(
        """
        INSERT INTO run (host, started_at, window_since, window_until, time_zone, inputs, first_event, last_event)
        VALUES (\(host), \(record.startedAt), \(record.since), \(record.until), \(record.timeZone), \(inputs), \(record.firstEvent), \(record.lastEvent))
        RETURNING id
        """)
      guard let first = runRows.first else {
        throw HistoryError(.failed, location: location, message: "the server returned no run id.")
      }
      let runID = try decode(first, Int64.self)
      var outcome = StoreOutcome()
      for day in days {
        let stored = try run(
          "SELECT partial, attempts FROM day WHERE host = \(host) AND day = \(day.day) FOR UPDATE")
        if let row = stored.first {
          let (storedPartial, storedAttempts) = try decodePair(row, Bool.self, Int64.self)
          guard !day.partial || (storedPartial && Int64(day.attempts) >= storedAttempts) else {
            outcome.kept.append(day.day)
            continue
          }
          try run("DELETE FROM day WHERE host = \(host) AND day = \(day.day)")
        }
        try insert(day, runID: runID)
        outcome.written.append(day.day)
      }
      try run("UPDATE run SET days_written = \(outcome.written.count) WHERE id = \(runID)")
      return outcome
    }
  }

  /// Inserts one day and its rows, one statement per table (arrays unnested by the server).
  func insert(_ day: HistoryDay, runID: Int64) throws(HistoryError) {
    try run(
      """
      INSERT INTO day (host, day, start, "end", partial, attempts, run_id)
      VALUES (\(host), \(day.day), \(day.start), \(day.end), \(day.partial), \(Int64(day.attempts)), \(runID))
      """)
    if !day.rows.isEmpty {
      let r = day.rows
      try run(
        """
        INSERT INTO domain_day (host, day, domain, provider, outcome, reason, count)
        SELECT \(host), \(day.day), * FROM unnest(\(r.map(\.domain))::text[], \(r.map(\.provider))::text[],
          \(r.map(\.outcome))::text[], \(r.map(\.reason))::text[], \(r.map { Int64($0.count) })::bigint[])
        """)
    }
    if !day.codes.isEmpty {
      let c = day.codes
      try run(
        """
        INSERT INTO code_day (host, day, code, outcome, count)
        SELECT \(host), \(day.day), * FROM unnest(\(c.map(\.code))::text[], \(c.map(\.outcome))::text[],
          \(c.map { Int64($0.count) })::bigint[])
        """)
    }
    if !day.blocklists.isEmpty {
      let b = day.blocklists
      try run(
        """
        INSERT INTO blocklist_day (host, day, blocklist, count, first_seen, last_seen)
        SELECT \(host), \(day.day), * FROM unnest(\(b.map(\.blocklist))::text[], \(b.map { Int64($0.count) })::bigint[],
          \(b.map(\.firstSeen))::bigint[], \(b.map(\.lastSeen))::bigint[])
        """)
    }
  }

  /// Removes the days before `day` (this host's with scope `local` (`self` on the command line), every host's with
  /// `fleet`) with their rows, and runs no remaining day refers to.
  public func prune(before day: String) throws(HistoryError) -> Int {
    try transaction { () throws(HistoryError) in
      let removed: [PostgresRow]
      switch scope {
      case .fleet: removed = try run("DELETE FROM day WHERE day < \(day) RETURNING day")
      case .local: removed = try run("DELETE FROM day WHERE host = \(host) AND day < \(day) RETURNING day")
      }
      try run("DELETE FROM run WHERE id NOT IN (SELECT run_id FROM day WHERE run_id IS NOT NULL)")
      return removed.count
    }
  }

  /// Two columns of `row`.
  func decodePair<A: PostgresDecodable, B: PostgresDecodable>(
    _ row: PostgresRow, _ a: A.Type, _ b: B.Type
  ) throws(HistoryError) -> (A, B) {
    do {
      return try row.decode((A, B).self)
    } catch {
      throw HistoryError(.failed, location: location, message: "unexpected data in the database (\(a), \(b)).")
    }
  }
}
