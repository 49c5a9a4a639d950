import GRDB

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The history in one SQLite file (GRDB `DatabaseQueue`), safe when runs overlap.
///
/// WAL journal and a busy timeout let two logstat processes store at once: each store is one
/// `BEGIN IMMEDIATE` transaction, so the second waits for the first instead of failing. The
/// schema is built by forward-only migrations (`SQLiteHistoryStore+Schema.swift`); a file is
/// never erased: a damaged file or one from a newer logstat is reported and left as it is.
public final class SQLiteHistoryStore: HistoryStore {
  /// Seconds a store waits for another process's transaction before giving up.
  public static let busyTimeout: Double = 10

  public let location: String
  let queue: DatabaseQueue

  /// Opens the history at `path`, creating the file and its directories if `create`, and
  /// brings its schema up to date.
  /// - Throws: `HistoryError` naming the file: corrupt, newer schema, busy, cannot open.
  public init(path: String, create: Bool = true) throws(HistoryError) {
    location = path
    if !create, access(path, F_OK) != 0 {
      throw HistoryError(
        .cannotOpen, location: path,
        message: "no history stored yet (a run of logstat without --no-history creates it).")
    }
    if create { try HistoryLocation.createParent(of: path) }
    // A history this user may read but not write (or in a directory it may not write, where
    // SQLite keeps the WAL index) is opened read-only: `logstat history` can still list it.
    let readOnly = !create && (access(path, W_OK) != 0 || access(Self.directory(of: path), W_OK) != 0)
    var config = Configuration()
    config.journalMode = readOnly ? .default : .wal
    config.readonly = readOnly
    config.busyMode = .timeout(Self.busyTimeout)
    config.label = "logstat-history"
    if readOnly {
      do {
        // `immutable=1`: SQLite may not create the WAL index beside a file it cannot write.
        queue = try DatabaseQueue(path: Self.immutableURI(path), configuration: config)
        let pending = try queue.read { db in try !Self.migrator.hasCompletedMigrations(db) }
        if pending {
          throw HistoryError(
            .cannotOpen, location: path,
            message: "read-only, and written by an older logstat: its schema needs an upgrade that only a user who may write it can run.")
        }
      } catch let error as HistoryError {
        throw error
      } catch {
        throw Self.historyError(error, path)
      }
      return
    }
    do {
      let lock = HistoryLocation.lockDirectory(of: path, waitingUpTo: Self.busyTimeout)
      defer { HistoryLocation.unlock(lock) }
      queue = try DatabaseQueue(path: path, configuration: config)
      let unknown = try queue.read { db in
        try Self.migrator.appliedIdentifiers(db).subtracting(Self.migrator.migrations).sorted()
      }
      if !unknown.isEmpty { throw HistoryError.newerSchema(path, unknown: unknown) }
      try Self.migrator.migrate(queue)
    } catch let error as HistoryError {
      throw error
    } catch {
      throw Self.historyError(error, path)
    }
  }

  /// A `file:` URI opening `path` as immutable (read-only, no WAL index, no locks).
  static func immutableURI(_ path: String) -> String {
    var escaped = ""
    for byte in path.utf8 {
      let c = Character(UnicodeScalar(byte))
      if byte < 0x80, c.isLetter || c.isNumber || "/-._~".contains(c) {
        escaped.append(c)
      } else {
        escaped += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
      }
    }
    return "file:" + escaped + "?immutable=1"
  }

  /// The directory holding `path` (`.` for a bare name).
  static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  /// Runs `body` on the writer connection, mapping database errors to `HistoryError`.
  func perform<T>(_ body: (Database) throws -> T) throws(HistoryError) -> T {
    do {
      return try queue.writeWithoutTransaction(body)
    } catch {
      throw Self.historyError(error, location)
    }
  }

  /// A user-facing error for a database error on the file at `path`.
  static func historyError(_ error: any Error, _ path: String) -> HistoryError {
    if let e = error as? HistoryError { return e }
    guard let db = error as? DatabaseError else {
      return HistoryError(.failed, location: path, message: "\(error)")
    }
    let detail = db.message ?? "SQLite error \(db.resultCode.rawValue)"
    switch db.resultCode {
    case .SQLITE_NOTADB, .SQLITE_CORRUPT:
      return .corrupt(path, detail)
    case .SQLITE_BUSY, .SQLITE_LOCKED:
      return .busy(path)
    case .SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH, .SQLITE_IOERR,
      .SQLITE_FULL:
      return HistoryError(
        .cannotOpen, location: path,
        message:
          "cannot open or write it (\(detail)). Check the file and its directory are writable, or choose another file with --history PATH (or --no-history)."
      )
    default:
      return HistoryError(.failed, location: path, message: detail)
    }
  }
}
