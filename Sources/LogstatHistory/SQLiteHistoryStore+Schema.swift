import GRDB

extension SQLiteHistoryStore {
  /// The schema, as forward-only steps. A step is never edited once released: a change is a new
  /// step. `eraseDatabaseOnSchemaChange` is never set: this is the user's data.
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in try db.execute(sql: schemaV1) }
    migrator.registerMigration("v2") { db in try db.execute(sql: schemaV2) }
    return migrator
  }

  /// v1: runs, days, and per-day delivery lines by domain and by code.
  static let schemaV1 = """
    CREATE TABLE run (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      started_at INTEGER NOT NULL,
      window_since INTEGER,
      window_until INTEGER,
      time_zone TEXT NOT NULL,
      inputs TEXT NOT NULL,
      first_event INTEGER,
      last_event INTEGER
    );
    CREATE TABLE day (
      day TEXT PRIMARY KEY NOT NULL,
      start INTEGER NOT NULL,
      end INTEGER NOT NULL,
      partial INTEGER NOT NULL CHECK (partial IN (0, 1)),
      attempts INTEGER NOT NULL,
      run_id INTEGER REFERENCES run(id) ON DELETE SET NULL
    );
    CREATE TABLE domain_day (
      day TEXT NOT NULL REFERENCES day(day) ON DELETE CASCADE,
      domain TEXT NOT NULL,
      provider TEXT NOT NULL,
      outcome TEXT NOT NULL,
      reason TEXT NOT NULL,
      count INTEGER NOT NULL,
      PRIMARY KEY (day, domain, outcome, reason)
    ) WITHOUT ROWID;
    CREATE TABLE code_day (
      day TEXT NOT NULL REFERENCES day(day) ON DELETE CASCADE,
      code TEXT NOT NULL,
      outcome TEXT NOT NULL,
      count INTEGER NOT NULL,
      PRIMARY KEY (day, code, outcome)
    ) WITHOUT ROWID;
    """

  /// v2: blocklists named per day (for new-blocklist alerts), days written per run, and an
  /// index for reading one domain's baseline.
  static let schemaV2 = """
    CREATE TABLE blocklist_day (
      day TEXT NOT NULL REFERENCES day(day) ON DELETE CASCADE,
      blocklist TEXT NOT NULL,
      count INTEGER NOT NULL,
      first_seen INTEGER NOT NULL,
      last_seen INTEGER NOT NULL,
      PRIMARY KEY (day, blocklist)
    ) WITHOUT ROWID;
    ALTER TABLE run ADD COLUMN days_written INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX domain_day_by_domain ON domain_day(domain, day);
    """
}
