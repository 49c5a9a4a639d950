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

  /// The URL schemes of a PostgreSQL history, compared without regard to case.
  static let schemes = ["postgres://", "postgresql://"]

  /// Whether `location` names a PostgreSQL database rather than a SQLite file: a
  /// `postgres://` or `postgresql://` URL, in any case (`POSTGRES://` too).
  public static func isPostgres(_ location: String) -> Bool {
    schemeEnd(location) != nil
  }

  /// The index after `postgres://` / `postgresql://` (any case) at the start of `text`.
  static func schemeEnd(_ text: String) -> String.Index? {
    let lower = text.prefix(16).lowercased()
    guard let scheme = schemes.first(where: { lower.hasPrefix($0) }) else { return nil }
    return text.utf8.index(text.startIndex, offsetBy: scheme.utf8.count)
  }

  /// Parses `location`; throws a message (without the password) saying what is wrong.
  ///
  /// The one parser of history URLs. The password may hold any character, also unencoded
  /// `/`, `?`, `@`, `:`, `#` and spaces: the credentials run to the *last* `@` of the URL
  /// (host, database and `sslmode` never hold one); user and password are percent-decoded.
  public init(_ location: String) throws(HistoryError) {
    let shown = PostgresURL.redact(location)
    func bad(_ what: String) -> HistoryError {
      HistoryError(
        .cannotOpen, location: shown,
        message: "\(what). Write it as postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=require].")
    }
    guard let afterScheme = PostgresURL.schemeEnd(location) else { throw bad("not a postgres:// URL") }
    var rest = Substring(location[afterScheme...])
    user = "logstat"
    password = nil
    if let at = rest.lastIndex(of: "@") {
      let credentials = rest[..<at]
      rest = rest[rest.index(after: at)...]
      if let colon = credentials.firstIndex(of: ":") {
        user = PostgresURL.decoded(credentials[..<colon])
        password = PostgresURL.decoded(credentials[credentials.index(after: colon)...])
      } else {
        user = PostgresURL.decoded(credentials)
      }
    }
    var query = ""
    if let q = rest.firstIndex(of: "?") {
      query = String(rest[rest.index(after: q)...])
      rest = rest[..<q]
    }
    guard let slash = rest.firstIndex(of: "/") else { throw bad("no database name") }
    database = PostgresURL.decoded(rest[rest.index(after: slash)...])
    var authority = rest[..<slash]
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

  /// `text` with the password of every `scheme://user:password@` in it replaced by `***`:
  /// the one redaction every message, report, alert and `logstat history` goes through.
  ///
  /// As the password may hold any character (spaces, `/`, `?`, `@`), it is taken to run to
  /// the *last* `@` after the scheme and before the next URL: text after a URL that holds an
  /// `@` is hidden too, which errs on the safe side. With `location`, its password is also hidden wherever it appears
  /// (as written and percent-decoded), e.g. in a driver's error message.
  public static func redact(_ text: String, location: String? = nil) -> String {
    var text = text
    if let location, let secret = (try? PostgresURL(location))?.password, !secret.isEmpty {
      text = text.replacingAll(secret, with: "***")
      if let raw = rawPassword(location), !raw.isEmpty { text = text.replacingAll(raw, with: "***") }
    }
    // A location on its own (what messages name): the parser's rule, the last `@` of all.
    if let scheme = text.firstRange(of: "://"), !text[..<scheme.lowerBound].isEmpty,
      text[..<scheme.lowerBound].allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) })
    {
      return hidingCredentials(text[scheme.upperBound...], before: text.endIndex, prefix: text[..<scheme.upperBound])
        ?? text
    }
    var out = ""
    var rest = Substring(text)
    while let scheme = rest.firstRange(of: "://") {
      out += rest[..<scheme.upperBound]
      rest = rest[scheme.upperBound...]
      // In other text the credentials end at the last `@` before the next URL that stands
      // after a space (a password may itself hold `://`, as the fuzzer found).
      guard let firstAt = rest.firstIndex(of: "@") else { continue }
      var nextURL = rest.endIndex
      var search = rest[firstAt...]
      while let r = search.firstRange(of: "://") {
        let word = search[..<r.lowerBound].reversed().prefix { !$0.isWhitespace }
        let start = search.index(r.lowerBound, offsetBy: -word.count)
        if start > search.startIndex, search[search.index(before: start)].isWhitespace, !word.contains("@") {
          nextURL = start
          break
        }
        search = search[r.upperBound...]
      }
      guard let hidden = hidingCredentials(rest, before: nextURL, prefix: "") else { continue }
      out += hidden
      return out + redact(String(rest[nextURL...]))
    }
    return out + rest
  }

  /// `prefix + rest` with the password (after the first `:`, up to the last `@` before
  /// `limit`) replaced by `***`; nil when `rest` holds no `user:password@` before `limit`.
  static func hidingCredentials(
    _ rest: Substring, before limit: String.Index, prefix: Substring
  ) -> String? {
    guard let at = rest[..<limit].lastIndex(of: "@"),
      let colon = rest[..<at].firstIndex(of: ":")
    else { return nil }
    return String(prefix) + String(rest[...colon]) + "***" + String(rest[at..<limit])
  }

  /// The password of `location` as written in it (before percent-decoding), if any.
  static func rawPassword(_ location: String) -> String? {
    guard let afterScheme = schemeEnd(location) else { return nil }
    let rest = location[afterScheme...]
    guard let at = rest.lastIndex(of: "@"), let colon = rest[..<at].firstIndex(of: ":") else { return nil }
    return String(rest[rest.index(after: colon)..<at])
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
