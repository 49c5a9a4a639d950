import Foundation
import Testing

@testable import LogstatHistory

/// A new database on the shared test server, named after the test.
func database(_ name: String) throws -> String {
  let server = try #require(PostgresServer.shared)
  return try server.createDatabase("\(name)_\(UInt32.random(in: 0...UInt32.max))")
}

/// The PostgreSQL history backend against a real server on 127.0.0.1.
@Suite(.enabled(if: PostgresServer.shared != nil, PostgresServer.skipReason))
struct PostgresHistoryStoreTests {
  @Test func storesAndReadsBackDaysLikeSQLite() throws {
    let url = try database("roundtrip")
    let store = try PostgresHistoryStore(url: url, host: "mx1")
    #expect(try store.store([day("2026-11-21", attempts: 5, list: "spamhaus-zen"), day("2026-11-20", attempts: 3)], run: run)
      == StoreOutcome(written: ["2026-11-21", "2026-11-20"]))
    #expect(try store.days(from: "2026-11-01", until: "2026-12-01") == [
      day("2026-11-20", attempts: 3), day("2026-11-21", attempts: 5, list: "spamhaus-zen"),
    ])
    // Idempotent per day: the same night again replaces it.
    _ = try store.store([day("2026-11-21", attempts: 5, list: "spamhaus-zen")], run: run)
    #expect(try store.days(from: "2026-11-21", until: "2026-11-22") == [day("2026-11-21", attempts: 5, list: "spamhaus-zen")])
    // A partial day never replaces a complete one; a bigger partial replaces a partial.
    #expect(try store.store([day("2026-11-21", attempts: 9, partial: true)], run: run) == StoreOutcome(kept: ["2026-11-21"]))
    _ = try store.store([day("2026-11-22", attempts: 4, partial: true)], run: run)
    #expect(try store.store([day("2026-11-22", attempts: 3, partial: true)], run: run) == StoreOutcome(kept: ["2026-11-22"]))
    #expect(try store.store([day("2026-11-22", attempts: 6, partial: true)], run: run) == StoreOutcome(written: ["2026-11-22"]))
    let summary = try store.summary()
    #expect(summary.schema == "v1" && summary.runs == 6)
    #expect(summary.days.map(\.attempts) == [3, 5, 6])
    #expect(try store.prune(before: "2026-11-21") == 1)
    #expect(try store.summary().days.map(\.day) == ["2026-11-21", "2026-11-22"])
  }

  @Test func hostsAddUpInTheFleetAndStaySeparateForSelf() throws {
    let url = try database("hosts")
    let a = try PostgresHistoryStore(url: url, host: "mx1", scope: .local)
    let b = try PostgresHistoryStore(url: url, host: "mx2", scope: .local)
    _ = try a.store([day("2026-11-20", attempts: 3, list: "spamhaus-zen")], run: run)
    _ = try b.store([day("2026-11-20", attempts: 4, partial: true, list: "spamhaus-zen")], run: run)
    #expect(try a.days(from: "2026-11-20", until: "2026-11-21") == [day("2026-11-20", attempts: 3, list: "spamhaus-zen")])
    let fleet = try PostgresHistoryStore(url: url, host: "elsewhere", scope: .fleet)
    var both = day("2026-11-20", attempts: 7, partial: true, list: "spamhaus-zen")
    both.blocklists[0].count = 4
    #expect(try fleet.days(from: "2026-11-20", until: "2026-11-21") == [both])
    #expect(try fleet.summary().runs == 2)
  }

  @Test func aDatabaseFromANewerLogstatIsRefused() throws {
    let url = try database("newer")
    _ = try PostgresHistoryStore(url: url, host: "mx1")
    let admin = try PostgresHistoryStore(url: url, host: "mx1")
    try admin.run("INSERT INTO logstat_migration (id) VALUES ('v99')")
    let error = #expect(throws: HistoryError.self) { _ = try PostgresHistoryStore(url: url, host: "mx1") }
    #expect(error?.code == .newerSchema)
    #expect(error?.description.contains("v99") == true)
  }

  @Test func theWrongPasswordIsNeverShown() throws {
    let server = try #require(PostgresServer.shared)
    let url = server.url("postgres", password: "wr0ng-Pw_99")
    do {
      _ = try PostgresHistoryStore(url: url, host: "mx1")
      Issue.record("connected with a wrong password")
    } catch {
      #expect(error.code == .cannotOpen)
      #expect(!error.description.contains("wr0ng-Pw_99"))
      #expect(error.description.contains("postgres://logstat@127.0.0.1:\(server.port)/postgres"))
      #expect(error.description.contains("password authentication failed"), "\(error)")
    }
  }

  /// sslmode=require really asks for TLS: the test server offers none, so the connection is
  /// refused with a message saying so (and no password).
  @Test func sslmodeRequireRefusesAServerWithoutTLS() throws {
    let server = try #require(PostgresServer.shared)
    let url = server.url("postgres") + "?sslmode=require"
    let error = #expect(throws: HistoryError.self) { _ = try PostgresHistoryStore(url: url, host: "mx1") }
    #expect(error?.code == .cannotOpen)
    #expect(error?.description.contains("does not offer TLS") == true, "\(String(describing: error))")
    #expect(error?.description.contains("?sslmode=require") == true)
    #expect(error?.description.contains(PostgresServer.password) == false)
  }

  @Test(arguments: [
    ("postgres://u:pa55@db.example:6543/hist?sslmode=require", "postgres://u@db.example:6543/hist?sslmode=require"),
    ("postgresql://u@db.example/hist", "postgres://u@db.example:5432/hist"),
    ("postgres://u:p%40ss@[::1]:5433/h", "postgres://u@[::1]:5433/h"),
  ])
  func urlsParseAndRedact(_ text: String, _ shown: String) throws {
    let url = try PostgresURL(text)
    #expect(url.redacted == shown)
    #expect(!PostgresURL.redact("history \(text): failed").contains(url.password ?? "\u{0}"))
  }

  @Test func redactHidesEveryPassword() {
    #expect(PostgresURL.redact("a postgres://u:secret@h:1/d and postgres://v:other@h/d?x")
      == "a postgres://u:***@h:1/d and postgres://v:***@h/d?x")
    #expect(PostgresURL.redact("/var/lib/logstat/history.sqlite") == "/var/lib/logstat/history.sqlite")
  }
}
