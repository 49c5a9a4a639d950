import PostgresNIO

/// Whose rows baselines, alerts, `logstat history` and pruning look at in a shared database.
public enum HostScope: String, Sendable, CaseIterable {
  /// Every host's rows, added up per day: one baseline for the whole fleet.
  case fleet
  /// Only the rows this host stored.
  case local = "self"
}

/// The history in a PostgreSQL database shared by several mail servers (`--history
/// postgres://...`): the SQLite schema plus a `host` column, so each server stores its own
/// days and baselines read this host's rows or the whole fleet's.
///
/// The `HistoryStore` calls are synchronous; each runs its queries on one connection owned by
/// a dedicated one-thread event loop group and waits for the result (`EventLoopFuture.wait`),
/// never on Swift's cooperative pool. The password never appears in `location` or messages.
public final class PostgresHistoryStore: HistoryStore {
  /// Seconds to wait for the server to accept the connection.
  public static let connectTimeout: Int64 = 10

  public let location: String
  /// The host whose rows `store` writes (`--host`).
  public let host: String
  public let scope: HostScope
  let url: PostgresURL
  let group: MultiThreadedEventLoopGroup
  let connection: PostgresConnection
  let logger: Logger

  /// Connects to the database at `url`, and brings its schema up to date.
  /// - Throws: `HistoryError` naming the URL without its password.
  public init(url text: String, host: String, scope: HostScope = .fleet) throws(HistoryError) {
    url = try PostgresURL(text)
    location = url.redacted
    self.host = host
    self.scope = scope
    var logger = Logger(label: "logstat-history")
    logger.logLevel = .critical
    self.logger = logger
    group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    do {
      var config = PostgresConnection.Configuration(
        host: url.host, port: url.port, username: url.user, password: url.password,
        database: url.database, tls: try Self.tls(url.sslMode))
      config.options.connectTimeout = .seconds(Self.connectTimeout)
      connection = try PostgresConnection.connect(
        on: group.next(), configuration: config, id: 1, logger: logger
      ).wait()
    } catch {
      try? group.syncShutdownGracefully()
      throw Self.historyError(error, location, url: url, connecting: true)
    }
    // On failure, deinit closes the connection: the object is fully initialised here.
    try migrate()
  }

  deinit { close() }

  /// Closes the connection and stops the event loop (idempotent).
  func close() {
    _ = try? connection.close().wait()
    try? group.syncShutdownGracefully()
  }

  /// TLS as `sslmode` asks: none, encrypted without checking the certificate (`prefer`,
  /// `require`, as libpq), or encrypted with the certificate checked (`verify-*`).
  static func tls(_ mode: String) throws -> PostgresConnection.Configuration.TLS {
    switch mode {
    case "disable", "allow": return .disable
    case "verify-ca", "verify-full":
      return .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
    default:
      var tls = TLSConfiguration.makeClientConfiguration()
      tls.certificateVerification = .none
      let context = try NIOSSLContext(configuration: tls)
      return mode == "prefer" ? .prefer(context) : .require(context)
    }
  }

  /// Runs `query` and waits for all its rows.
  @discardableResult
  func run(_ query: PostgresQuery) throws(HistoryError) -> [PostgresRow] {
    do {
      return Array(try connection.query(query, logger: logger).wait())
    } catch {
      throw Self.historyError(error, location, url: url, connecting: false)
    }
  }

  /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
  func transaction<T>(_ body: () throws(HistoryError) -> T) throws(HistoryError) -> T {
    try run("BEGIN")
    do {
      let result = try body()
      try run("COMMIT")
      return result
    } catch {
      _ = try? run("ROLLBACK")
      throw error
    }
  }

  /// A user-facing error for a PostgreSQL error; never shows the password.
  static func historyError(
    _ error: any Error, _ location: String, url: PostgresURL, connecting: Bool
  ) -> HistoryError {
    if let e = error as? HistoryError { return e }
    var detail: String
    var code = HistoryError.Code.failed
    if let psql = error as? PSQLError {
      if let message = psql.serverInfo?[.message] {
        detail = message
        if let state = psql.serverInfo?[.sqlState] { detail += " (SQLSTATE \(state))" }
        if connecting { code = .cannotOpen }
      } else if psql.code == .connectionError || psql.code == .serverClosedConnection
        || psql.code == .sslUnsupported
      {
        code = .cannotOpen
        detail = psql.code == .sslUnsupported
          ? "the server does not offer TLS, which sslmode=\(url.sslMode) asks for"
          : "cannot connect to the server\(psql.underlying.map { " (\($0))" } ?? "")"
      } else {
        detail = "\(psql.code)"
      }
    } else {
      detail = "\(error)"
      if connecting { code = .cannotOpen }
    }
    if let password = url.password, !password.isEmpty {
      detail = String(
        decoding: PostgresURL.replacingAll(Array(detail.utf8), Array(password.utf8)), as: UTF8.self)
    }
    detail = PostgresURL.redact(detail, location: location)
    let advice =
      code == .cannotOpen
      ? " Check the server is running and the URL's host, port, user, password and database, or run with --no-history."
      : ""
    return HistoryError(code, location: location, message: detail + "." + advice)
  }
}

extension String {
  /// Every occurrence of `target` replaced by `replacement`, without Foundation.
  func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return self }
    var out = ""
    var rest = self[...]
    while let r = rest.firstRange(of: target) {
      out += rest[..<r.lowerBound] + replacement
      rest = rest[r.upperBound...]
    }
    return out + rest
  }
}
