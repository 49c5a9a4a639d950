/// A `postgres://user:password@host:port/database?sslmode=require` history location, and the
/// same text with the password hidden for every message, report and log line.
public struct PostgresURL: Sendable, Equatable {
  public var user: String
  public var password: String?
  public var host: String
  public var port: Int
  public var database: String
  /// `disable` (the default), `prefer`, `require` (encrypted, certificate not checked), or
  /// `verify-ca` / `verify-full` (encrypted, certificate checked against the system's CAs).
  public var sslMode: String

  /// Whether `location` names a PostgreSQL database rather than a SQLite file.
  public static func isPostgres(_ location: String) -> Bool {
    location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
  }

  /// Parses `location`; throws a message (without the password) saying what is wrong.
  public init(_ location: String) throws(HistoryError) {
    let shown = PostgresURL.redact(location)
    func bad(_ what: String) -> HistoryError {
      HistoryError(
        .cannotOpen, location: shown,
        message: "\(what). Write it as postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=require].")
    }
    guard let schemeEnd = location.firstRange(of: "://") else { throw bad("not a postgres:// URL") }
    var rest = Substring(location[schemeEnd.upperBound...])
    var query = ""
    if let q = rest.firstIndex(of: "?") {
      query = String(rest[rest.index(after: q)...])
      rest = rest[..<q]
    }
    guard let slash = rest.firstIndex(of: "/") else { throw bad("no database name") }
    database = PostgresURL.decoded(rest[rest.index(after: slash)...])
    var authority = rest[..<slash]
    user = "logstat"
    password = nil
    if let at = authority.lastIndex(of: "@") {
      let credentials = authority[..<at]
      authority = authority[authority.index(after: at)...]
      if let colon = credentials.firstIndex(of: ":") {
        user = PostgresURL.decoded(credentials[..<colon])
        password = PostgresURL.decoded(credentials[credentials.index(after: colon)...])
      } else {
        user = PostgresURL.decoded(credentials)
      }
    }
    port = 5432
    if let colon = authority.lastIndex(of: ":"), !authority.hasSuffix("]") {
      guard let p = Int(authority[authority.index(after: colon)...]), (1...65535).contains(p) else {
        throw bad("the port is not a number from 1 to 65535")
      }
      port = p
      authority = authority[..<colon]
    }
    host = String(authority.trimmingBrackets())
    guard !host.isEmpty, !database.isEmpty, !user.isEmpty else { throw bad("no host, user or database") }
    sslMode = "disable"
    for pair in query.split(separator: "&") {
      let kv = pair.split(separator: "=", maxSplits: 1)
      guard kv.count == 2 else { continue }
      if kv[0] == "sslmode" {
        guard ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"].contains(kv[1]) else {
          throw bad("sslmode must be disable, prefer, require, verify-ca or verify-full")
        }
        sslMode = String(kv[1])
      }
    }
  }

  /// `location` with the password of any `scheme://user:password@` replaced by `***`.
  public static func redact(_ text: String) -> String {
    var out = ""
    var rest = Substring(text)
    while let scheme = rest.firstRange(of: "://") {
      out += rest[..<scheme.upperBound]
      rest = rest[scheme.upperBound...]
      let end = rest.firstIndex(where: { $0 == "/" || $0 == " " || $0 == "?" }) ?? rest.endIndex
      let authority = rest[..<end]
      if let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") {
        out += String(authority[...colon]) + "***" + String(authority[at...])
        rest = rest[end...]
      }
    }
    return out + rest
  }

  /// This location without its password (what messages and reports show).
  public var redacted: String {
    "postgres://\(user)@\(host.contains(":") ? "[\(host)]" : host):\(port)/\(database)"
      + (sslMode == "disable" ? "" : "?sslmode=\(sslMode)")
  }

  /// Percent-decoding of URL parts (`%40` for `@` in passwords).
  static func decoded(_ s: Substring) -> String {
    var bytes: [UInt8] = []
    var u = Array(s.utf8)[...]
    while let b = u.first {
      u = u.dropFirst()
      if b == UInt8(ascii: "%"), u.count >= 2,
        let v = UInt8(String(decoding: u.prefix(2), as: UTF8.self), radix: 16)
      {
        bytes.append(v)
        u = u.dropFirst(2)
      } else {
        bytes.append(b)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}

extension Substring {
  fileprivate func trimmingBrackets() -> Substring {
    hasPrefix("[") && hasSuffix("]") ? dropFirst().dropLast() : self
  }
}
