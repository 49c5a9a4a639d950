import Foundation
import GRDB
import Testing

@testable import LogstatHistory
import LogstatAggregate

/// A day of `attempts` sent lines to example.com (and one code row), complete unless `partial`.
func day(_ name: String, attempts: Int, partial: Bool = false, list: String? = nil) -> HistoryDay {
  HistoryDay(
    day: name, start: 0, end: 86_400, partial: partial,
    rows: [
      DomainDayRow(domain: "example.com", provider: "none", outcome: "sent", reason: "", count: attempts)
    ],
    codes: [CodeDayRow(code: "250", outcome: "sent", count: attempts)],
    blocklists: list.map { [BlocklistDayRow(blocklist: $0, count: 2, firstSeen: 3600, lastSeen: 7200)] } ?? [])
}

let run = RunRecord(
  startedAt: 1_795_400_000, since: nil, until: nil, timeZone: "UTC", inputs: ["mail.log"],
  firstEvent: nil, lastEvent: nil)

@Suite final class SQLiteHistoryStoreTests {
  let dir: URL
  let path: String

  init() throws {
    dir = try temporaryDirectory("store")
    path = dir.appendingPathComponent("state/logstat/history.sqlite").path
  }

  deinit { try? FileManager.default.removeItem(at: dir) }

  @Test func storesAndReadsBackDaysInOrder() throws {
    let store = try SQLiteHistoryStore(path: path)
    let days = [day("2026-11-21", attempts: 5, list: "spamcop"), day("2026-11-20", attempts: 7)]
    let outcome = try store.store(days, run: run)
    #expect(outcome == StoreOutcome(written: ["2026-11-21", "2026-11-20"], kept: []))
    let read = try store.days(from: "2026-11-01", until: "2026-11-22")
    #expect(read == [days[1], days[0]])
    #expect(try store.days(from: "2026-11-21", until: "2026-11-21").isEmpty)
  }

  @Test func reRunningADayDoesNotChangeItsCounts() throws {
    let store = try SQLiteHistoryStore(path: path)
    _ = try store.store([day("2026-11-20", attempts: 7)], run: run)
    let once = try store.summary()
    _ = try store.store([day("2026-11-20", attempts: 7)], run: run)
    _ = try store.store([day("2026-11-20", attempts: 7)], run: run)
    let thrice = try store.summary()
    #expect(thrice.days == once.days)
    #expect(thrice.days == [
      HistorySummary.Day(day: "2026-11-20", partial: false, attempts: 7, domainRows: 1, codeRows: 1, blocklistRows: 0)
    ])
    #expect(thrice.runs == 3)
    #expect(try store.days(from: "2026-11-20", until: "2026-11-21") == [day("2026-11-20", attempts: 7)])
  }

  @Test func aPartialDayNeverReplacesACompleteOne() throws {
    let store = try SQLiteHistoryStore(path: path)
    _ = try store.store([day("2026-11-20", attempts: 100)], run: run)
    let o1 = try store.store([day("2026-11-20", attempts: 500, partial: true)], run: run)
    #expect(o1 == StoreOutcome(written: [], kept: ["2026-11-20"]))
    #expect(try store.summary().days.map(\.attempts) == [100])
    // A complete day replaces a complete one, even with fewer lines (the same day re-read).
    _ = try store.store([day("2026-11-20", attempts: 90)], run: run)
    #expect(try store.summary().days.map(\.attempts) == [90])
  }

  @Test func aPartialDayReplacesAPartialOneOnlyWithAsMuchData() throws {
    let store = try SQLiteHistoryStore(path: path)
    _ = try store.store([day("2026-11-22", attempts: 40, partial: true)], run: run)
    #expect(try store.store([day("2026-11-22", attempts: 30, partial: true)], run: run).kept == ["2026-11-22"])
    #expect(try store.store([day("2026-11-22", attempts: 60, partial: true)], run: run).written == ["2026-11-22"])
    #expect(try store.store([day("2026-11-22", attempts: 61)], run: run).written == ["2026-11-22"])
    let s = try store.summary()
    #expect(s.days.map(\.attempts) == [61] && s.days.map(\.partial) == [false])
  }

  @Test func pruneRemovesOldDaysAndTheirRows() throws {
    let store = try SQLiteHistoryStore(path: path)
    let names = (17...21).map { "2026-11-\($0)" }
    _ = try store.store(names.map { day($0, attempts: 3, list: "spamcop") }, run: run)
    #expect(try store.prune(before: "2026-11-20") == 3)
    let s = try store.summary()
    #expect(s.days.map(\.day) == ["2026-11-20", "2026-11-21"])
    let orphans = try store.queue.read { db in
      try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM domain_day WHERE day < '2026-11-20'")! +
        Int.fetchOne(db, sql: "SELECT COUNT(*) FROM blocklist_day WHERE day < '2026-11-20'")!
    }
    #expect(orphans == 0)
    #expect(try store.prune(before: "2026-11-20") == 0)
  }

  /// A file made by the first schema version (v1 only, with data) is migrated in place.
  @Test func migratesAFileFromTheFirstSchemaVersion() throws {
    try HistoryLocation.createParent(of: path)
    let old = try DatabaseQueue(path: path)
    try SQLiteHistoryStore.migrator.migrate(old, upTo: "v1")
    try old.write { db in
      try db.execute(sql: "INSERT INTO run (started_at, time_zone, inputs) VALUES (1, 'UTC', 'mail.log')")
      try db.execute(sql: "INSERT INTO day VALUES ('2026-11-19', 0, 86400, 0, 12, 1)")
      try db.execute(
        sql: "INSERT INTO domain_day VALUES ('2026-11-19', 'gmail.com', 'google', 'sent', '', 12)")
      try db.execute(sql: "INSERT INTO code_day VALUES ('2026-11-19', '250', 'sent', 12)")
    }
    try old.close()

    let store = try SQLiteHistoryStore(path: path)
    let s = try store.summary()
    #expect(s.schema == "v2")
    #expect(s.days == [
      HistorySummary.Day(day: "2026-11-19", partial: false, attempts: 12, domainRows: 1, codeRows: 1, blocklistRows: 0)
    ])
    _ = try store.store([day("2026-11-20", attempts: 4, list: "spamcop")], run: run)
    let read = try store.days(from: "2026-11-19", until: "2026-11-21")
    #expect(read.map(\.day) == ["2026-11-19", "2026-11-20"])
    #expect(read[0].rows == [DomainDayRow(domain: "gmail.com", provider: "google", outcome: "sent", reason: "", count: 12)])
    #expect(read[1].blocklists.map(\.blocklist) == ["spamcop"])
  }

  @Test func aFileFromANewerLogstatIsRefusedAndLeftAlone() throws {
    _ = try SQLiteHistoryStore(path: path)
    let q = try DatabaseQueue(path: path)
    try q.write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v3')") }
    try q.close()
    let error = #expect(throws: HistoryError.self) { try SQLiteHistoryStore(path: path) }
    #expect(error?.code == .newerSchema)
    #expect(error?.description.contains(path) == true)
    #expect(error?.description.contains("v3") == true)
  }

  @Test func aCorruptFileGivesAClearErrorNamingIt() throws {
    try HistoryLocation.createParent(of: path)
    let junk = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
    try junk.write(to: URL(fileURLWithPath: path))
    let error = #expect(throws: HistoryError.self) { try SQLiteHistoryStore(path: path) }
    #expect(error?.code == .corrupt)
    #expect(
      error?.description
        == "history \(path): not a readable logstat history (file is not a database). Move it aside (mv \(path) \(path).broken) and the next run starts a new one, or run with --no-history."
    )
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == junk)  // never erased
  }

  @Test func aMissingFileIsNotCreatedWhenOnlyReading() throws {
    let error = #expect(throws: HistoryError.self) { try SQLiteHistoryStore(path: path, create: false) }
    #expect(error?.code == .cannotOpen)
    #expect(!FileManager.default.fileExists(atPath: path))
  }

  /// Two connections (as two processes would have) storing at the same time lose nothing.
  @Test func overlappingWritersBothLand() async throws {
    _ = try SQLiteHistoryStore(path: path)
    let p = path
    await withTaskGroup(of: Void.self) { group in
      for writer in 0..<2 {
        group.addTask {
          let store = try! SQLiteHistoryStore(path: p)
          for k in 0..<20 {
            let name = "2026-\(10 + writer)-\(String(format: "%02d", k + 1))"
            _ = try! store.store([day(name, attempts: k + 1)], run: run)
          }
        }
      }
    }
    let s = try SQLiteHistoryStore(path: path).summary()
    #expect(s.days.count == 40)
    #expect(s.runs == 40)
    #expect(s.days.reduce(0) { $0 + $1.attempts } == 2 * 210)
  }

  @Test func defaultPathFollowsXDGHomeAndRoot() {
    #expect(
      HistoryLocation.defaultPath(environment: ["XDG_STATE_HOME": "/srv/state/", "HOME": "/home/a"], isRoot: false, home: nil)
        == "/srv/state/logstat/history.sqlite")
    #expect(
      HistoryLocation.defaultPath(environment: ["XDG_STATE_HOME": "relative", "HOME": "/home/a"], isRoot: false, home: nil)
        == "/home/a/.local/state/logstat/history.sqlite")
    #expect(
      HistoryLocation.defaultPath(environment: [:], isRoot: false, home: "/home/b")
        == "/home/b/.local/state/logstat/history.sqlite")
    #expect(
      HistoryLocation.defaultPath(environment: ["XDG_STATE_HOME": "/srv/state"], isRoot: true, home: "/root")
        == "/var/lib/logstat/history.sqlite")
  }
}
