import PostgresNIO

extension PostgresHistoryStore {
  /// The schema as forward-only steps, applied in order and recorded in `logstat_migration`.
  /// A step is never edited once released: a change is a new step. The tables are SQLite's
  /// (v1 and v2 there) with a `host` column in every key.
  static let migrations: [(id: String, sql: [String])] = [
    (
      "v1",
      [
        """
        CREATE TABLE run (
          id BIGSERIAL PRIMARY KEY,
          host TEXT NOT NULL,
          started_at BIGINT NOT NULL,
          window_since BIGINT,
          window_until BIGINT,
          time_zone TEXT NOT NULL,
          inputs TEXT NOT NULL,
          first_event BIGINT,
          last_event BIGINT,
          days_written INTEGER NOT NULL DEFAULT 0
        )
        """,
        """
        CREATE TABLE day (
          host TEXT NOT NULL,
          day TEXT NOT NULL,
          start BIGINT NOT NULL,
          "end" BIGINT NOT NULL,
          partial BOOLEAN NOT NULL,
          attempts BIGINT NOT NULL,
          run_id BIGINT REFERENCES run(id) ON DELETE SET NULL,
          PRIMARY KEY (host, day)
        )
        """,
        """
        CREATE TABLE domain_day (
          host TEXT NOT NULL,
          day TEXT NOT NULL,
          domain TEXT NOT NULL,
          provider TEXT NOT NULL,
          outcome TEXT NOT NULL,
          reason TEXT NOT NULL,
          count BIGINT NOT NULL,
          PRIMARY KEY (host, day, domain, outcome, reason),
          FOREIGN KEY (host, day) REFERENCES day(host, day) ON DELETE CASCADE
        )
        """,
        """
        CREATE TABLE code_day (
          host TEXT NOT NULL,
          day TEXT NOT NULL,
          code TEXT NOT NULL,
          outcome TEXT NOT NULL,
          count BIGINT NOT NULL,
          PRIMARY KEY (host, day, code, outcome),
          FOREIGN KEY (host, day) REFERENCES day(host, day) ON DELETE CASCADE
        )
        """,
        """
        CREATE TABLE blocklist_day (
          host TEXT NOT NULL,
          day TEXT NOT NULL,
          blocklist TEXT NOT NULL,
          count BIGINT NOT NULL,
          first_seen BIGINT NOT NULL,
          last_seen BIGINT NOT NULL,
          PRIMARY KEY (host, day, blocklist),
          FOREIGN KEY (host, day) REFERENCES day(host, day) ON DELETE CASCADE
        )
        """,
        "CREATE INDEX domain_day_by_domain ON domain_day(domain, day)",
        "CREATE INDEX day_by_day ON day(day)",
      ]
    )
  ]

  /// Key of the advisory lock that serialises schema changes between processes.
  static let migrationLock: Int64 = 0x6c6f_6773_7461_7401

  /// Applies the steps not applied yet, in one transaction under an advisory lock, so two
  /// processes starting at once migrate once. Refuses a database with unknown steps.
  func migrate() throws(HistoryError) {
    try transaction { () throws(HistoryError) in
      try run("SELECT pg_advisory_xact_lock(\(Self.migrationLock))")
      try run(
        "CREATE TABLE IF NOT EXISTS logstat_migration (id TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
      )
      let applied = try appliedMigrations()
      let unknown = applied.filter { id in !Self.migrations.contains { $0.id == id } }
      if !unknown.isEmpty {
        throw HistoryError.newerSchema(location, unknown: unknown)
      }
      for step in Self.migrations where !applied.contains(step.id) {
        for sql in step.sql { try run(PostgresQuery(unsafeSQL: sql)) }
        try run("INSERT INTO logstat_migration (id) VALUES (\(step.id))")
      }
    }
  }

  /// The steps applied, in the order applied.
  func appliedMigrations() throws(HistoryError) -> [String] {
    try run("SELECT id FROM logstat_migration ORDER BY applied_at, id").map { row throws(HistoryError) in
      try decode(row, String.self)
    }
  }

  /// One column of `row`, mapping a decoding failure to `HistoryError`.
  func decode<T: PostgresDecodable>(_ row: PostgresRow, _ type: T.Type) throws(HistoryError) -> T {
    do {
      return try row.decode(T.self)
    } catch {
      throw HistoryError(.failed, location: location, message: "unexpected data in the database (\(type)).")
    }
  }
}
