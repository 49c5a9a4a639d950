#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Opening the history a `--history` value or `LOGSTAT_HISTORY` names.
public enum HistoryStores {
  /// A PostgreSQL database for `postgres://` URLs (rows written as `host`, read per `scope`),
  /// else the SQLite file at `location` (one host: `host` and `scope` do not apply).
  /// - Parameter create: create a missing SQLite file (a database must exist already).
  public static func open(
    _ location: String, host: String = HistoryStores.hostName(), scope: HostScope = .fleet,
    create: Bool = true
  ) throws(HistoryError) -> any HistoryStore {
    if PostgresURL.isPostgres(location) {
      return try PostgresHistoryStore(url: location, host: host, scope: scope)
    }
    // Any other URL is a mistake, never a file name: a SQLite file there would create
    // directories named after the URL's password.
    if location.contains("://") {
      throw HistoryError(
        .cannotOpen, location: shown(location),
        message: "not a history location: a URL must start with postgres:// or postgresql://; anything else is the path of a SQLite file.")
    }
    return try SQLiteHistoryStore(path: location, create: create)
  }

  /// `location` as messages and reports may show it: a URL's password replaced by `***`
  /// (`PostgresURL.redact`, the one redaction function).
  public static func shown(_ location: String) -> String {
    PostgresURL.redact(location)
  }

  /// This machine's host name (the default `--host`), or `localhost` when it has none.
  public static func hostName() -> String {
    var buffer = [CChar](repeating: 0, count: 256)
    guard gethostname(&buffer, buffer.count) == 0 else { return "localhost" }
    let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    return name.isEmpty ? "localhost" : name
  }
}
